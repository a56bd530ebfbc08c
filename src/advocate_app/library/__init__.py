"""The local library: SQLite storage of articles and what the reader did with them."""
