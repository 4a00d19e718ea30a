"""briefing: a terminal reader for news briefs tied to their sources.

Nothing is imported here so that importing ``tui.core`` stays cheap and free of Textual.
"""

__version__ = "0.1.0"
