"""Generalisation fixes: 12-hour pastes across midnight, day dividers, symptom onset, recovery wording."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from assistant.timeline import build_timeline

_ALERT = """[{"receiver": "pager", "status": "firing", "alerts": [{"status": "firing",
 "labels": {"alertname": "LedgerDown", "severity": "critical"}, "annotations": {"summary": "ledger down"},
 "startsAt": "2026-02-26T23:49:00Z", "endsAt": "0001-01-01T00:00:00Z"}]}]"""

_PASTE = """Thursday, February 26th
Ann Lee  11:49 PM
LedgerDown firing, looking
Bo Chen  11:56 PM
the disk is full
11:58
pg_wal holds 412 GB

Friday, February 27th
Cy Diaz  12:01 AM
still checking
12:03
dropping it now
Bo Chen  12:25 AM
writes succeeding again
12:40
"""


def _write(tmp: Path, files: dict[str, str]) -> list[Path]:
    out = []
    for name, text in files.items():
        p = tmp / name
        p.write_text(text)
        out.append(p)
    return out


def test_slack_paste_bare_times_follow_the_previous_am_pm_and_dividers_set_the_date(tmp_path: Path) -> None:
    tl = build_timeline(_write(tmp_path, {"alerts.json": _ALERT, "chat.txt": _PASTE}))
    chat = {e.text.split("\n")[0]: e.time.astimezone(UTC) for e in tl.events if e.source == "chat"}
    assert chat["pg_wal holds 412 GB"] == datetime(2026, 2, 26, 23, 58, tzinfo=UTC)
    assert chat["still checking"] == datetime(2026, 2, 27, 0, 1, tzinfo=UTC)
    assert chat["dropping it now"] == datetime(2026, 2, 27, 0, 3, tzinfo=UTC)
    assert chat["writes succeeding again"] == datetime(2026, 2, 27, 0, 25, tzinfo=UTC)
    assert max(chat.values()) - min(chat.values()) < (datetime(2026, 2, 28) - datetime(2026, 2, 27))
