"""`python -m advocate_app.cli` runs the `advocate` command."""

import sys

from advocate_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
