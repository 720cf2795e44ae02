"""At rest: the data directory and its databases are readable by the user only; drafts can be stored redacted."""

from __future__ import annotations

import stat
from pathlib import Path

from assistant.config import get_settings
from assistant.store.drafts import DraftStore

PASSWORD = "Tq8v!mZ2pLx9"
PASTED = f"[14:02] sofia: for anyone: psql postgres://orders_ro:{PASSWORD}@10.42.7.15:6432/orders"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_drafts_database_is_0600_in_a_0700_data_directory(tmp_path: Path) -> None:
    home = tmp_path / "fresh-home"
    store = DraftStore(home / "drafts.sqlite3")
    store.create(title="t", inputs={"pasted": PASTED})
    store.close()
    assert _mode(home) == 0o700
    for f in home.glob("drafts.sqlite3*"):
        assert _mode(f) == 0o600, f


def test_library_stores_are_private(postmortem_home: Path) -> None:
    from assistant.retrieval.library import Library

    postmortem_home.chmod(0o755)
    lib = Library.open(get_settings(fresh=True))
    lib.close()
    assert _mode(postmortem_home) == 0o700
    catalogs = list((postmortem_home / "library-index").rglob("catalog.sqlite3"))
    assert catalogs and all(_mode(c) == 0o600 for c in catalogs)
    assert all(_mode(f) == 0o600 for f in (postmortem_home / "chroma").rglob("*") if f.is_file())


def test_plain_store_keeps_pasted_text_as_typed(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3")
    did = store.create(title="t", inputs={"pasted": PASTED})
    rec = store.get(did)
    assert rec is not None and rec.inputs["pasted"] == PASTED


def test_redacting_store_never_writes_the_secret(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    store = DraftStore(db, redact=True)
    timeline = {"events": [{"id": "E001", "time": "2026-03-04T14:02:00+00:00", "text": PASTED, "refs": []}]}
    did = store.create(title="t", inputs={"pasted": PASTED}, timeline=timeline, draft={"summary": "ok"})
    store.save(did, draft={"title": "Pool exhausted", "summary": f"the password {PASSWORD} leaked"})
    rec = store.get(did)
    store.close()
    assert rec is not None and rec.timeline is not None
    assert rec.timeline["events"][0]["time"] == "2026-03-04T14:02:00+00:00"
    assert rec.draft["title"] == "Pool exhausted"
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("d.sqlite3*"))
    assert PASSWORD.encode() not in raw
    assert "<SECRET_" in rec.inputs["pasted"] or "<URL" in rec.inputs["pasted"], rec.inputs["pasted"]
