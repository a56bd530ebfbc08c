"""Tracking: notes, calls, follow-ups, activity, export, backup and restore."""
