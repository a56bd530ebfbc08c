"""How fast "who are my officials" is answered once the directory index exists, and how long a
sweep of every ZIP/state pair of the district table takes through the same lookup."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from advocate_app.core.officials.directory import open_directory, update_directory
from advocate_app.core.officials.lookup import find_officials
from advocate_app.core.profile.model import Profile

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def bench_officials(workdir: Path) -> dict[str, float]:
    source = workdir / "directory-source"
    source.mkdir()
    for path in (SHARED_DATA / "congress-legislators").glob("*.json"):
        (source / path.name).write_bytes(path.read_bytes())
    (source / "zccd.csv").write_bytes((SHARED_DATA / "zip-districts" / "zccd.csv").read_bytes())
    folder = workdir / "officials"
    started = time.perf_counter()
    update_directory(folder, str(source))
    index_ms = (time.perf_counter() - started) * 1000

    zips = [line.split(",")[2] for line in (source / "zccd.csv").read_text().splitlines()[1:]]
    rng = random.Random(5)
    directory = open_directory(folder)
    assert directory is not None
    try:
        started = time.perf_counter()
        find_officials(Profile(zip=zips[0]), directory)  # the first answer loads ZIP data
        first_ms = (time.perf_counter() - started) * 1000
        timings = []
        for zip5 in rng.sample(zips, 300):
            started = time.perf_counter()
            find_officials(Profile(zip=zip5), directory)
            timings.append((time.perf_counter() - started) * 1000)
        pairs = sorted(
            {
                (line.split(",")[2], line.split(",")[1])
                for line in (source / "zccd.csv").read_text().splitlines()[1:]
            }
        )
        started = time.perf_counter()
        for zip5, state in pairs:
            find_officials(Profile(state=state, zip=zip5), directory)
        sweep_seconds = time.perf_counter() - started
    finally:
        directory.close()
    timings.sort()
    return {
        "officials_sweep_pairs": len(pairs),
        "officials_sweep_s": round(sweep_seconds, 2),
        "directory_index_ms": round(index_ms),
        "officials_first_ms": round(first_ms, 1),
        "officials_p50_ms": round(statistics.median(timings), 2),
        "officials_p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
    }
