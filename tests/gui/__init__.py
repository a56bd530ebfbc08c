"""Tests of the gui layer."""
