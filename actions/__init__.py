"""Custom actions for the rasa-sdk action server (``rasa run actions``).

Only what needs logic lives here; every answer that matters for safety is a plain
response in ``domain.yml``, so it still comes when this server is down.
"""
