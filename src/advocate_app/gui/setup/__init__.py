"""Set Up Advocate: the first-start assistant."""
