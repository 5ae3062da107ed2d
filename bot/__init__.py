"""Wegwijzer: our own code around Rasa (safety, language, channels, web, CLI)."""
