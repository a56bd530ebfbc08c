#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/Advocate from a clean virtual environment,
# then start it once, offscreen, to check that it runs and finds its files, fetch a news page
# with it (the article extractor and its parts are all there), and check its size.
set -euo pipefail
cd "$(dirname "$0")/.."
# The bundle's size limit: a build that grows past it fails, so growth is a decision.
MAX_BUNDLE_MB=${MAX_BUNDLE_MB:-160}
python3 -m venv --clear build/package-venv
build/package-venv/bin/python -m pip install --quiet --upgrade pip
build/package-venv/bin/python -m pip install --quiet . "pyinstaller>=6.10"
build/package-venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/advocate.spec
echo "Smoke test:"
QT_QPA_PLATFORM=offscreen dist/Advocate/advocate-app --smoke-test
dist/Advocate/advocate-app --version
dist/Advocate/advocate --version
python3 scripts/check_installed.py --command dist/Advocate/advocate
bundle_mb=$(du -sm dist/Advocate | cut -f1)
echo "Bundle size: ${bundle_mb} MB (limit ${MAX_BUNDLE_MB} MB)"
if [ "$bundle_mb" -gt "$MAX_BUNDLE_MB" ]; then
  echo "The bundle grew past ${MAX_BUNDLE_MB} MB: see what grew with" \
       "'du -sh dist/Advocate/_internal/* | sort -h', or raise MAX_BUNDLE_MB on purpose." >&2
  exit 1
fi
