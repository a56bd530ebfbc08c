"""Entry point of the packaged window (PyInstaller runs this as a script)."""

import sys

from advocate_app.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
