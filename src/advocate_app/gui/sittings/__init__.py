"""Sittings: one official, every open action; the call desk and its prompter."""
