"""The panes of the reader: article list, brief, and original text."""
