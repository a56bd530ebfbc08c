"""Officials: the directory of Congress and the White House, and finding the reader's own."""
