"""The public ``postmortem timeline --json`` shape (issue 1 item 6, plus ``clock`` of issue 8).

Stable keys: events[id, time, source, actor, text, refs], key_times, key_events, metrics, clock.
Added keys (never removed): events[].recorded_time when a clock was corrected, findings, problems,
key_candidates (how each key time was chosen, runner-ups, open question), roles (event id -> role) and
coverage (per input file: format and why, lines read, timed, condensed, untimed kept, dropped with reasons).
"""

from __future__ import annotations

from typing import Any

from assistant.domain import KEY_NAMES, Event, Timeline


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "time": e.time.isoformat(),
        "source": e.source.value,
        "actor": e.actor,
        "text": e.text,
        "refs": e.ref_strings,
    }
    if e.recorded_time is not None:
        out["recorded_time"] = e.recorded_time.isoformat()
    count = e.attrs.get("count")
    if isinstance(count, int) and count > 1:
        out["count"] = count
        out["last"] = e.attrs.get("last")
    return out


def timeline_to_json(tl: Timeline) -> dict[str, Any]:
    """The timeline as plain JSON types; times are ISO-8601 strings with an offset, or null."""
    kt = tl.key_times
    return {
        "events": [_event(e) for e in tl.events],
        "key_times": {k: (v.isoformat() if (v := getattr(kt, k)) else None) for k in KEY_NAMES},
        "key_events": {k: getattr(tl.key_events, k) for k in KEY_NAMES},
        "metrics": tl.metrics.model_dump(),
        "clock": {
            path: {
                "offset": c.offset,
                "skew_s": c.skew_s,
                "how": c.how,
                "evidence": c.evidence,
                "zone": c.zone,
                "notes": c.notes,
            }
            for path, c in tl.clock.items()
        },
        "key_candidates": {k: c.model_dump(mode="json") for k, c in tl.key_candidates.items()},
        "roles": {eid: r.model_dump(mode="json", exclude_none=True) for eid, r in tl.roles.items()},
        "findings": list(tl.findings),
        "problems": [p.model_dump() for p in tl.problems],
        "coverage": {c.file: c.model_dump(exclude={"file"}) for c in tl.coverage},
    }
