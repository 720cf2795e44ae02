"""`postmortem eval new-case`: a case folder with inputs copied in and a gold.json skeleton."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import InputError


def new_case(folder: Path, inputs: Sequence[Path], *, tz: str | None = None) -> Path:
    """Copy ``inputs`` into ``folder`` and write a gold.json pre-filled from the current timeline."""
    if (folder / "gold.json").exists():
        raise InputError("gold.json already exists; pick a new folder or edit it by hand", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    for src in inputs:
        if not src.exists():
            raise InputError("no such file or folder", path=str(src))
        dest = folder / src.name
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest)
        copied.append(dest)
    gold = skeleton([str(p) for p in copied], tz=tz)
    (folder / "gold.json").write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder / "gold.json"


def skeleton(paths: list[str], *, tz: str | None = None) -> dict[str, Any]:
    """A gold.json with the machine's current answers, every field marked for a human to correct."""
    from assistant.timeline import build_timeline

    tl = build_timeline(paths, tz=tz)
    kt = tl.key_times

    def iso(value: Any) -> str | None:
        return value.isoformat() if value else None

    key_ids = {v for v in tl.key_events.model_dump().values() if v}
    timeline = [
        {
            "time": e.time.isoformat(),
            "event": e.text[:200],
            "source": e.source.value,
            "must_include": e.id in key_ids,
        }
        for e in tl.events
        if e.id in key_ids or e.source.value in ("alert", "note")
    ][:40]
    return {
        "_comment": "Pre-filled from the current timeline: correct every field, then delete this line.",
        "title": "",
        "severity": "SEV2",
        "services": [],
        "start": iso(kt.start),
        "detected": iso(kt.detected),
        "mitigated": iso(kt.mitigated),
        "resolved": iso(kt.resolved),
        "timezone": tz or "UTC",
        "customer_impact": "",
        "impact_numbers": [],
        "root_cause": "",
        "root_cause_keywords": [],
        "contributing_factors": [],
        "red_herrings": [],
        "timeline": timeline,
        "action_items": [],
        "blame_bait": [],
        "secrets": [],
        "injection": None,
        "similar_categories": [],
    }
