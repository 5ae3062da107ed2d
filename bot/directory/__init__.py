"""The Veilig Thuis directory: sourced data files, their SQL models, loader, checker and lookup."""
