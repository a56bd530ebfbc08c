"""Officials: Your Officials and Your Details."""
