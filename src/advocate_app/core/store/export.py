"""Export what was done, per article and action, as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from advocate_app.core.store.library import Library
from advocate_app.core.store.records import ArticleSummary
from advocate_app.core.store.tracking import ActionRecord

CSV_COLUMNS = (
    "article_id",
    "article_title",
    "source",
    "published",
    "action",
    "action_title",
    "done",
    "done_at",
    "note",
    "follow_up",
    "reached",
    "calls",
)


def export_rows(library: Library) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for summary in library.list():
        stored = library.get(summary.id)
        if stored is None:
            continue
        records = library.tracking.records(summary.id)
        for action in stored.article.actions:
            record = records.get(action.number)
            rows.append(_row(summary, action.number, action.title, record))
    return rows


def _row(
    summary: ArticleSummary, number: int, title: str, record: ActionRecord | None
) -> dict[str, Any]:
    return {
        "article_id": summary.id,
        "article_title": summary.title,
        "source": summary.source,
        "published": summary.published,
        "action": number,
        "action_title": title,
        "done": bool(record and record.done),
        "done_at": record.done_at if record else None,
        "note": record.note if record else None,
        "follow_up": record.follow_up if record else None,
        "reached": list(record.reached) if record else [],
        "calls": [
            {"official": o, "outcome": out, "at": at}
            for o, out, at in (record.calls if record else ())
        ],
    }


def export_json(library: Library) -> str:
    return json.dumps(
        {"actions": export_rows(library), "letters": library.letters.for_export()},
        indent=2,
        ensure_ascii=False,
    )


def export_csv(library: Library) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in export_rows(library):
        row = dict(row)
        row["reached"] = "; ".join(row["reached"])
        row["calls"] = "; ".join(
            f"{c['official']}: {c['outcome']} ({c['at']})" for c in row["calls"]
        )
        writer.writerow(row)
    return out.getvalue()
