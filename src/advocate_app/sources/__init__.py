"""Sources: fetch article pages and feeds from the web, to read them offline."""
