"""The website front: serves the chat page (a placeholder until the website issue)."""
