"""Web sources: add by address, feeds, OPML, working offline."""
