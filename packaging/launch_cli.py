"""Entry point of the packaged `advocate` command (PyInstaller runs this as a script)."""

import sys

from advocate_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
