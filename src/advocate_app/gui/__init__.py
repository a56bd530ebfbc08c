"""The desktop app: start-up, settings, background tasks, and one folder per feature."""
