#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/Advocate from a clean virtual environment,
# then start it once, offscreen, to check that it runs and finds its files.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv --clear build/package-venv
build/package-venv/bin/python -m pip install --quiet --upgrade pip
build/package-venv/bin/python -m pip install --quiet . "pyinstaller>=6.10"
build/package-venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/advocate.spec
echo "Smoke test:"
QT_QPA_PLATFORM=offscreen dist/Advocate/advocate-app --smoke-test
dist/Advocate/advocate-app --version
dist/Advocate/advocate --version
echo "Bundle size: $(du -sh dist/Advocate | cut -f1)"
