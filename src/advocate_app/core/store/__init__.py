"""The store: the only code that runs SQL (the library and the officials index)."""
