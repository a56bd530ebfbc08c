"""The `advocate` command over a real library on disk: import, list, search, show."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from advocate_app.core.paths import library_path
from tests.support.cli import run_cli


def copy_seeds(seeds: Path, folder: Path) -> Path:
    folder.mkdir()
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_import_seed_folder_then_reimport_is_idempotent(capsys, seeds, data_dir):
    first = run_cli(capsys, "import", str(seeds), "--json")
    assert first.code == 0, first.err
    results = first.json()
    assert [r["status"] for r in results] == ["imported"] * 3
    assert [r["error"] for r in results] == [None] * 3
    assert library_path(data_dir).exists()

    again = run_cli(capsys, "import", str(seeds), "--json")
    assert again.code == 0
    assert [r["status"] for r in again.json()] == ["unchanged"] * 3
    assert [r["id"] for r in again.json()] == [r["id"] for r in results]
    assert len(run_cli(capsys, "list", "--json").json()) == 3


def test_changed_file_updates_the_same_article(capsys, seeds, tmp_path):
    folder = copy_seeds(seeds, tmp_path / "in")
    (original,) = run_cli(
        capsys, "import", str(folder / "001_c58c9c95f498da18.txt"), "--json"
    ).json()
    path = folder / "001_c58c9c95f498da18.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("almost three hours", "three hours"),
        encoding="utf-8",
    )
    (updated,) = run_cli(capsys, "import", str(path), "--json").json()
    assert updated["status"] == "updated" and updated["id"] == original["id"]
    shown = run_cli(capsys, "show", str(updated["id"]), "--json").json()
    assert "for three hours over Moscow" in shown["body"][0]
    assert len(run_cli(capsys, "list", "--json").json()) == 1


def test_plain_output_and_failures(capsys, seeds, tmp_path):
    folder = copy_seeds(seeds, tmp_path / "in")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\x00\x00binary")
    result = run_cli(capsys, "import", str(folder), str(tmp_path / "missing.txt"))
    assert result.code == 1
    assert len(result.out.strip().splitlines()) == 3
    assert all(line.startswith("imported") for line in result.out.strip().splitlines())
    err = result.err.strip().splitlines()
    assert f"{folder / 'empty.txt'}: the file is empty" in err
    assert f"{folder / 'photo.txt'}: this is a binary file, not text" in err
    assert f"{tmp_path / 'missing.txt'}: no such file" in err
    assert "Traceback" not in result.err


def test_failed_imports_never_lose_the_library(capsys, seeds, tmp_path):
    run_cli(capsys, "import", str(seeds))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00")
    result = run_cli(capsys, "import", str(bad), "--json")
    assert result.code == 1
    (entry,) = result.json()
    assert entry["status"] == "failed" and entry["id"] is None and entry["error"]
    assert len(run_cli(capsys, "list", "--json").json()) == 3


def test_list_is_newest_first_with_counts(capsys, seeds):
    run_cli(capsys, "import", str(seeds))
    listed = run_cli(capsys, "list", "--json").json()
    # The bare article has no date, so it sorts by when it was imported: now.
    assert [a["title"][:20] for a in listed] == [
        "President Donald Tru",
        "Trump-Putin talks on",
        "The one thing Trump ",
    ]
    site_page = listed[1]
    assert site_page == {
        "id": site_page["id"],
        "title": "Trump-Putin talks on Ukraine end as summit stretches on",
        "source": "maitlandmercury.com.au",
        "published": "2025-08-15T19:28:57-04:00",
        "categories": sorted(site_page["categories"]),
        "actions": 8,
        "done": 0,
    }
    text = run_cli(capsys, "list").out
    assert "0/8  Trump-Putin talks on Ukraine end as summit stretches on" in text


def test_search_uses_the_full_text_index(capsys, seeds):
    run_cli(capsys, "import", str(seeds))

    def titles(*args: str) -> list[str]:
        return [a["title"][:12] for a in run_cli(capsys, "list", *args, "--json").json()]

    assert titles("--search", "42nd Street") == ["The one thin"]  # in an action only
    assert titles("--search", "Anchorage Air Force") == ["Trump-Putin "]  # in the body
    assert titles("--search", "kilmead") == ["President Do", "The one thin"]  # prefix
    assert titles("--search", "zzzznothing") == []
    assert titles("--search", 'NEAR( AND "zzzz') == []  # query syntax is not interpreted
    assert titles("--category", "U.S.–NATO Relations") == ["The one thin"]
    assert titles("--category", "U.S.–Russia Relations", "--search", "Lavrov") == ["Trump-Putin "]


def test_show_json_has_the_whole_article(capsys, seeds):
    (result,) = run_cli(capsys, "import", str(seeds / "001_c58c9c95f498da18.txt"), "--json").json()
    shown = run_cli(capsys, "show", str(result["id"]), "--json").json()
    for key in (
        "id",
        "title",
        "source",
        "url",
        "published",
        "categories",
        "body",
        "opinion",
        "action_essay",
        "related",
        "actions",
    ):
        assert key in shown
    assert shown["url"] is None and shown["published"] == "2025-08-15T19:28:57-04:00"
    action = shown["actions"][1]
    assert action["number"] == 2 and action["generated"] is False
    assert [t["kind"] for t in action["targets"]] == ["senators", "representative"]
    assert action["steps"][1] == {
        "label": "Find Your Representatives",
        "text": "Use Congress.gov to identify your representatives.",
        "links": [{"text": "Congress.gov", "url": "https://www.congress.gov/"}],
    }
    assert action["sample_messages"][0].startswith("Dear [Representative's Name],")

    text = run_cli(capsys, "show", str(result["id"])).out
    assert "2. Contact Elected Officials  → senators, representative" in text
    assert "Congress.gov <https://www.congress.gov/>" in text


def test_show_unknown_id_and_empty_library(capsys, seeds):
    assert run_cli(capsys, "list", "--json").json() == []
    missing = run_cli(capsys, "show", "5")
    assert missing.code == 1 and "no article with id 5" in missing.err
    run_cli(capsys, "import", str(seeds))
    missing = run_cli(capsys, "show", "999")
    assert missing.code == 1 and "no article with id 999" in missing.err


def test_newer_schema_is_refused_and_left_untouched(capsys, seeds, data_dir):
    run_cli(capsys, "import", str(seeds))
    db = sqlite3.connect(library_path(data_dir))
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = library_path(data_dir).read_bytes()
    for args in (("list",), ("import", str(seeds)), ("show", "1")):
        result = run_cli(capsys, *args)
        assert result.code == 1
        assert "newer version of Advocate" in result.err and "Traceback" not in result.err
    assert library_path(data_dir).read_bytes() == before


def test_a_file_that_is_not_a_library_is_never_replaced(capsys, seeds, data_dir):
    data_dir.mkdir(parents=True)
    library_path(data_dir).write_bytes(b"my tax notes, not a database" * 100)
    result = run_cli(capsys, "import", str(seeds))
    assert result.code == 1 and "is not an Advocate library" in result.err
    assert library_path(data_dir).read_bytes() == b"my tax notes, not a database" * 100

    library_path(data_dir).unlink()
    other = sqlite3.connect(library_path(data_dir))
    other.execute("CREATE TABLE notes (text)")
    other.commit()
    other.close()
    result = run_cli(capsys, "list")
    assert result.code == 1 and "another program" in result.err


def test_data_dir_option_overrides_the_environment(capsys, seeds, tmp_path, data_dir):
    elsewhere = tmp_path / "elsewhere"
    assert run_cli(capsys, "--data-dir", str(elsewhere), "import", str(seeds)).code == 0
    assert library_path(elsewhere).exists() and not library_path(data_dir).exists()


def test_version_and_usage(capsys):
    version = run_cli(capsys, "--version")
    assert version.code == 0 and version.out.startswith("advocate ")
    assert run_cli(capsys).code == 2
    assert run_cli(capsys, "import").code == 2


def test_large_imports_parse_in_worker_processes_with_the_same_results(
    capsys, seeds, tmp_path, monkeypatch
):
    from advocate_app.core import importer

    folder = tmp_path / "many"
    folder.mkdir()
    page = (seeds / "001_c58c9c95f498da18.txt").read_text(encoding="utf-8")
    for index in range(12):
        text = page.replace("Trump-Putin talks on Ukraine", f"Talks number {index} on Ukraine")
        (folder / f"{index:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "05b.txt").write_bytes(b"")
    monkeypatch.setattr(importer, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(importer, "BATCH_SIZE", 5)

    result = run_cli(capsys, "import", str(folder), "--json")
    assert result.code == 1
    entries = result.json()
    assert [Path(e["path"]).name for e in entries] == sorted(p.name for p in folder.iterdir())
    failed = [e for e in entries if e["status"] == "failed"]
    assert [(Path(e["path"]).name, e["error"]) for e in failed] == [
        ("05b.txt", "the file is empty")
    ]
    imported = [e for e in entries if e["status"] == "imported"]
    assert len(imported) == 12 and len({e["id"] for e in imported}) == 12
    shown = run_cli(capsys, "show", str(imported[3]["id"]), "--json").json()
    assert shown["title"] == "Talks number 3 on Ukraine end as summit stretches on"
    assert len(shown["actions"]) == 8
