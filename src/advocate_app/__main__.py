"""`python -m advocate_app` starts the desktop app."""

from __future__ import annotations

import sys

# Guarded: import worker processes load this module again and must not start the app.
if __name__ == "__main__":
    from advocate_app.gui.app import main

    sys.exit(main())
