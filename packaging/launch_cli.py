"""Entry point of the packaged `advocate` command (PyInstaller runs this as a script)."""

import sys

from advocate_app.cli import main
from advocate_app.core.letters.template_worker import WORKER_FLAG

if __name__ == "__main__":
    if sys.argv[1:2] == [WORKER_FLAG]:  # the letter template worker (see template_process)
        from advocate_app.core.letters.template_worker import main as worker

        sys.exit(worker())
    sys.exit(main())
