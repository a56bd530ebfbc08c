"""Letters: fill samples and templates for each official, and the routes to send them."""
