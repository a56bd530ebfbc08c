"""Advocate's benchmarks. Run with: python3 scripts/dev.py bench [--articles N]

Measures, on a generated library of site-shaped articles:
  import    articles imported per second (read, parse, store, index)
  search    full-text search latency as the window sees it (its first rows), p50 and p95,
            and p95 for a word in every article and for one in 1% of them
  size      the database size on disk
  check     the damage check (PRAGMA quick_check) every start and writing command runs
  window    start-up against a bare PySide6 window, memory, time to show an article
  officials indexing the shared officials data, and answering "who are my officials"
  letters   writing the four letters of one action, from its sample and from a template;
            typing into a 10,000-character letter and saving it as a draft
  stalls    the window's longest wait during each heavy operation, and scrolling the list
  extraction  how much of a news page's article text is kept, and how little else
  sizes     what each dependency adds to the environment, and to a built bundle

--only PART runs one part (extraction and sizes need no library).

The machine is shared and noisy: compare ratios within one run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from advocate_app.core.importer import import_paths  # noqa: E402
from advocate_app.core.store.library import open_library  # noqa: E402
from advocate_app.core.store.queries import ArticleQuery  # noqa: E402
from advocate_app.gui.reading.article_list_pane import FIRST_ROWS  # noqa: E402
from corpus import VOCABULARY, search_terms, write_corpus  # noqa: E402
from extraction_bench import bench_extraction  # noqa: E402
from letters_bench import bench_letters  # noqa: E402
from officials_bench import SHARED_DATA, bench_officials  # noqa: E402
from sizes import bundle_sizes, dependency_sizes  # noqa: E402
from window_bench import bench_window  # noqa: E402


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bench_library(workdir: Path, count: int) -> dict[str, float]:
    corpus = write_corpus(workdir / "corpus", count)
    corpus_mb = sum(p.stat().st_size for p in corpus) / 1_048_576
    db_path = workdir / "data" / "library.sqlite3"
    results: dict[str, float] = {"articles": count, "corpus_mb": round(corpus_mb, 1)}
    with closing(open_library(db_path)) as library:
        started = time.perf_counter()
        failed = sum(1 for r in import_paths(library, [workdir / "corpus"]) if r.failed)
        elapsed = time.perf_counter() - started
        assert failed == 0, f"{failed} generated articles failed to import"
        results["import_seconds"] = round(elapsed, 2)
        results["import_per_second"] = round(count / elapsed)

        results.update(bench_search(library, count))
        library.checkpoint()
        results.update(bench_sitting(library))
        timings = []
        for _ in range(3):  # what every start and every writing command does first
            started = time.perf_counter()
            library.verify()
            timings.append((time.perf_counter() - started) * 1000)
        results["quick_check_ms"] = round(statistics.median(timings))
    results["db_mb"] = round(db_path.stat().st_size / 1_048_576, 1)
    return results


def _window_search(library, query: ArticleQuery) -> float:  # noqa: ANN001 - a Library
    """What the window does per search: its first rows, then the first screenful of them
    (the rest of a long list comes from the background)."""
    started = time.perf_counter()
    found = library.ids(query, FIRST_ROWS)
    library.summaries(found[:50])
    return (time.perf_counter() - started) * 1000


def _words_in(library, words: list[str], share: float, near: float) -> list[str]:  # noqa: ANN001
    """Ten words found in about `share` of the articles (within a factor `near`)."""
    total, found, count = library.count(), [], 10
    for word in words:
        hits = len(library.ids(ArticleQuery(search=f'"{word}"'))) / total
        if share / near <= hits <= share * near:
            found.append(word)
            if len(found) == count:
                break
    return found


def bench_search(library, count: int) -> dict[str, float]:  # noqa: ANN001 - a Library
    """Search latency as the window sees it: a mix of searches people type (some half-typed),
    a word in every article, and a word in about 1% of them; and the whole list of
    matches for a word in every article, which the window reads in the background."""
    rng = random.Random(11)
    queries = search_terms(rng, 300)
    for query in queries[:20]:  # warm the page cache, as a running app would have it
        library.ids(ArticleQuery(search=query))
    results: dict[str, float] = {}
    latencies, hits = [], []
    for query in queries:
        latencies.append(_window_search(library, ArticleQuery(search=query)))
        hits.append(len(library.ids(ArticleQuery(search=query))))
    results["search_p50_ms"] = round(statistics.median(latencies), 2)
    results["search_p95_ms"] = round(percentile(latencies, 0.95), 2)
    results["search_median_hits"] = statistics.median(hits)
    classes = {
        "every": _words_in(library, VOCABULARY, 1.0, 1.01),
        "1pct": _words_in(library, VOCABULARY[::-1], 0.01, 1.6),  # the rare end of the list
    }
    for name, words in classes.items():
        timings = [_window_search(library, ArticleQuery(search=w)) for w in words * 5]
        results[f"search_{name}_p95_ms"] = round(percentile(timings, 0.95), 2)
    whole = []
    for word in classes["every"][:5]:
        started = time.perf_counter()
        library.ids(ArticleQuery(search=word))
        whole.append((time.perf_counter() - started) * 1000)
    results["search_every_whole_list_ms"] = round(statistics.median(whole), 1)
    return results


def bench_stalls(data_dir: Path, work: Path) -> dict[str, float]:
    """The window's worst stall during each heavy operation (a child process: it changes
    the library, so it runs last)."""
    import subprocess

    script = str(Path(__file__).with_name("stall_bench.py"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, script, str(data_dir), str(work)], capture_output=True, text=True, env=env
    )
    if child.returncode != 0:
        raise RuntimeError(f"the stall benchmark failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def bench_sitting(library) -> dict[str, float]:  # noqa: ANN001 - a Library
    """Building a sitting's queue for four officials over the whole library."""
    from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
    from advocate_app.core.sittings import build_sitting

    def person(name: str, kind: OfficeKind, key: str) -> Official:
        return Official(name, kind.value.title(), f"Dear {name}", kind, bioguide=key)

    officials = MyOfficials(
        (
            person("Ann Alder", OfficeKind.SENATOR, "S1"),
            person("Bea Birch", OfficeKind.SENATOR, "S2"),
        ),
        person("Cy Cedar", OfficeKind.REPRESENTATIVE, "R1"),
        (),
        person("Pat Pine", OfficeKind.PRESIDENT, ""),
    )
    timings, items = [], 0
    for _ in range(10):
        started = time.perf_counter()
        items = len(build_sitting(library, officials).items)
        timings.append((time.perf_counter() - started) * 1000)
    contact_actions = len(library.tracking.open_actions())
    return {
        "sitting_actions": contact_actions,
        "sitting_items": items,
        "sitting_queue_p50_ms": round(statistics.median(timings), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-window", action="store_true", help="skip the window benchmarks")
    parts = ("library", "window", "officials", "letters", "stalls", "extraction", "sizes")
    parser.add_argument("--only", choices=parts, help="run one part")
    args = parser.parse_args(argv)
    goals = {
        "import_per_second": "goal >= 1000",
        "search_p95_ms": "goal <= 20",
        "search_every_p95_ms": "goal <= 20 (a word in every article)",
        "search_1pct_p95_ms": "goal <= 20 (a word in 1% of articles)",
        "search_every_whole_list_ms": "the whole list, read in the background",
        "startup_ratio": "goal <= 2 (app / bare PySide6 window)",
        "rss_mb": "goal < 250",
        "show_article_p95_ms": "goal <= 50",
        "officials_p50_ms": "goal < 1",
        "officials_p95_ms": "goal well under 100",
        "officials_sweep_s": "goal: seconds (every ZIP/state pair)",
        "letters_4_sample_ms": "goal: a few ms",
        "sitting_queue_p50_ms": "goal < 100, else off the window's thread (it is)",
        "scroll_slowest_page_ms": "goal <= 50",
        **{
            f"stall_{name}_ms": "goal <= 100 (the window's thread)"
            for name in (
                "import_10k",
                "refresh_20_feeds",
                "delete_10k",
                "undo_delete_10k",
                "mark_all_read",
                "directory_update",
                "backup",
                "reading_during_backup",
                "restore",
            )
        },  # fmt: skip
        "show_999_actions_ms": "goal < 300",
        "show_999_actions_more_mb": "goal < 200",
        "typing_10k_letter_max_ms": "goal <= 16 (the window's thread, per keystroke)",
        "draft_save_ui_max_ms": "goal <= 16 (the save itself runs in the background)",
        "extraction_extractor_precision": "share of the kept words that are the article's",
        "extraction_extractor_recall": "share of the article's words kept",
        "bundle_mb": "goal < 160",
    }
    results: dict[str, float] = {}

    def report(part: dict[str, float]) -> None:
        """Each part as it is measured, so a long run shows what it has so far."""
        results.update(part)
        if not args.json:
            for key, value in part.items():
                print(f"{key:<26} {value:>10}   {goals.get(key, '')}", flush=True)

    def wanted(part: str) -> bool:
        if args.only:
            return args.only == part
        return not (args.no_window and part in {"window", "stalls"})

    with tempfile.TemporaryDirectory(prefix="advocate-bench-") as tmp:
        work, data = Path(tmp), Path(tmp) / "data"
        needs_library = {"library", "window", "stalls"}
        if any(wanted(part) for part in needs_library):
            library_results = bench_library(work, args.articles)
            if wanted("library"):
                report(library_results)
        if wanted("window"):
            report(bench_window(data))
        if wanted("officials") and SHARED_DATA.is_dir():
            report(bench_officials(work))
        if wanted("letters"):
            report(bench_letters())
        if wanted("extraction"):
            report(bench_extraction())
        if wanted("sizes"):
            report({**dependency_sizes(), **bundle_sizes()})
        if wanted("stalls"):
            report(bench_stalls(data, work))
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
