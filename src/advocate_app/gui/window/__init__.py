"""The main window: panes wired together, menus and shortcuts."""
