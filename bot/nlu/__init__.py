"""Custom Rasa NLU components: thin adapters around the pure modules in :mod:`bot`."""
