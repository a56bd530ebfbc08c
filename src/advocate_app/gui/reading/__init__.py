"""Reading: the article list, the article itself and its action cards."""
