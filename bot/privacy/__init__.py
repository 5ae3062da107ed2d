"""Privacy: what is stored about a conversation, for how long, and how it is forgotten."""
