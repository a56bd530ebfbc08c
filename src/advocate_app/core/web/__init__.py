"""The web: fetch pages and feeds carefully, and the reader's network switch."""
