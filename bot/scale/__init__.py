"""Running several Rasa and action servers as one service: the atomic lock store and the cluster."""
