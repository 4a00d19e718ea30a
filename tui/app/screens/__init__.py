"""The app's screens: the reader, its help and the export dialogs."""
