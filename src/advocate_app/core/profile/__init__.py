"""The reader's own details, kept in the system keychain (or a private file)."""
