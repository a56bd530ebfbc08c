"""Articles: the model, and parsers that turn saved text and HTML into it."""
