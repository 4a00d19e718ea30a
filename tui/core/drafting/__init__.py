"""Drafting a brief from an article, offline: the article's text and metadata, its language, the
names it mentions and its candidate key facts, assembled into a brief marked ``status: draft``.

Nothing here needs a network or a language model, and nothing imports the app's libraries.
"""
