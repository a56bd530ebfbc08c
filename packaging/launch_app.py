"""Entry point of the packaged window (PyInstaller runs this as a script)."""

import sys

from advocate_app.core.letters.template_worker import WORKER_FLAG
from advocate_app.gui.app import main

if __name__ == "__main__":
    if sys.argv[1:2] == [WORKER_FLAG]:  # the letter template worker (see template_process)
        from advocate_app.core.letters.template_worker import main as worker

        sys.exit(worker())
    sys.exit(main())
