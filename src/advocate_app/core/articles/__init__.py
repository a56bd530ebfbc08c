"""Articles: the model and the parsers of the site's text and HTML pages."""
