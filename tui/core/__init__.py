"""The core of briefing: plain Python with no Textual or Rich import.

Model, loading and validation, quote matching, search, bookmarks and Markdown export live here so
that the app, the command line and the tests share one implementation of each idea.
"""
