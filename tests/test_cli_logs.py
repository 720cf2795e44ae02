"""``postmortem logs``: one JSON object per input line; ``--summary`` templates with counts and times."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.app import app

LOG = (
    "2026-03-04 14:02:11,100 INFO [main] org.shop.Api: request served in 12 ms for user=alice\n"
    "2026-03-04 14:02:12,200 INFO [main] org.shop.Api: request served in 15 ms for user=bob\n"
    "2026-03-04 14:02:13,300 ERROR [pool-1] org.shop.Db: query failed after 3 retries\n"
    "java.sql.SQLTimeoutException: timeout\n"
    "\n"
    "2026-03-04 14:02:14,400 INFO [main] org.shop.Api: request served in 9 ms for user=carol\n"
)


def test_json_lines_carry_time_level_service_and_template_for_every_line(tmp_path: Path) -> None:
    f = tmp_path / "app.log"
    f.write_text(LOG, encoding="utf-8")
    res = CliRunner().invoke(app, ["logs", str(f), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(ln) for ln in res.output.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert set(rows[0]) >= {"file", "line", "time", "level", "service", "template_id", "template"}
    served = [r for r in rows if r["service"] == "org.shop.Api"]
    assert len({r["template_id"] for r in served}) == 1 and len(served) == 3
    assert served[0]["time"] == "2026-03-04T14:02:11.100000" and served[0]["level"] == "info"
    trace = rows[3]
    assert trace["kind"] == "continuation" and trace["continues"] == 3 and trace["time"] == rows[2]["time"]
    assert rows[4]["kind"] == "blank" and rows[4]["template_id"] is None


def test_summary_lists_templates_with_counts_first_last_and_examples(tmp_path: Path) -> None:
    f = tmp_path / "app.log"
    f.write_text(LOG, encoding="utf-8")
    res = CliRunner().invoke(app, ["logs", str(f), "--summary", "--json"])
    assert res.exit_code == 0, res.output
    top = json.loads(res.output.splitlines()[0])
    assert top["count"] == 3 and top["first"].startswith("2026-03-04T14:02:11")
    assert top["last"].startswith("2026-03-04T14:02:14") and len(top["examples"]) == 3
