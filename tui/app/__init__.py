"""The Textual app: it shows what the core loads and never reaches into files itself."""
