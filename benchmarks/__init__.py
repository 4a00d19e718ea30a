"""Benchmarks of briefing at scale: synthetic corpora, and a script that times the app on them."""
