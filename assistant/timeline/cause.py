"""Clocks that put an effect before its cause: a host's log running a release before it was started.

A **cause** is a change announced as it starts, by a person or a CI bot, naming the release it
ships: "deploying orders-api v2.4.1 to web-3", "rolling out 4f9c2ab1", "Deploy started: 2.4.1".
Past-tense reports ("deployed v2.4.1") are not causes: people report a change after it happened.
A **reaction** is a line of a host's own log naming the same release (the new build starting, the
image pulled). A release cannot run before it was started, so a host whose lines name releases
minutes before their announcements has a clock that is behind.

Conservative by design (a wrong correction moves every line of a host):

- at least ``_MIN_PAIRS`` different releases must each lead their announcement by more than
  ``_SLACK`` (people type "deploying now" a little after clicking), and the leads must agree within
  ``_AGREE`` (one fixed shift, not timing noise);
- announcements come only from sources whose zone is known (stated, inferred from shared events,
  or written in the stamps): with a guessed zone the lead may be the guess;
- a lead within two minutes of a whole number of hours is a zone question, not a clock: left alone;
- hosts whose clock a responder stated or whose skew was measured are left alone.

The correction is the smallest shift that puts every reaction at or after its cause — a lower
bound of the error — applied to that host's lines; ``clock`` names the pairs as evidence.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from assistant.domain import SourceKind, SourceRef

if TYPE_CHECKING:
    from assistant.timeline.placed import Placed, SourceClock

_START = re.compile(
    r"\b(?:deploying|rolling out|rolling back to|restarting with|upgrading to|releasing|promoting"
    r"|(?:deploy(?:ment)?|rollout|release|upgrade)\s+(?:started|starting|begun|kicked off|in progress)"
    r"|(?:starting|kicking off|kicked off|begin(?:ning)?)\s+(?:the\s+|a\s+)?(?:deploy(?:ment)?|rollout|release|upgrade))\b",
    re.IGNORECASE,
)
# A release: v2.4 / 2.4.1 / 2.4.1-rc1 (a bare "2.4" is too often a number), or a commit sha.
_RELEASE = re.compile(
    r"(?<![\w.])(?:v\d+\.\d+(?:\.\d+)*|\d+\.\d+\.\d+(?:\.\d+)*)(?:-[0-9A-Za-z.]+)?(?![\w.])"
    r"|(?<![\w.])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w.])"
)
_SLACK = 120.0
_AGREE = 60.0
_MIN_PAIRS = 2
_MAX_LEAD = 12 * 3600.0
_KNOWN_ZONE = ("stated", "inferred")


def releases(text: str) -> set[str]:
    """Release names in a text, without a leading 'v' ("v2.4.1" and "2.4.1" are one release)."""
    return {m.group().lstrip("v") for m in _RELEASE.finditer(text)}


def _causes(placed: list[Placed], clocks: dict[str, SourceClock]) -> dict[str, Placed]:
    """Release → the earliest announcement that starts it, from sources whose zone is known."""
    out: dict[str, Placed] = {}
    for p in placed:
        if p.rec.kind not in (SourceKind.chat, SourceKind.note):
            continue
        clock = clocks.get(p.path)
        if not (p.rec.time.is_aware or (clock is not None and clock.how in _KNOWN_ZONE)):
            continue
        if not _START.search(p.rec.text):
            continue
        for rel in releases(p.rec.text):
            if rel not in out or p.time < out[rel].time:
                out[rel] = p
    return out


def apply_causal_order(
    placed: list[Placed], clocks: dict[str, SourceClock], findings: list[str], *, skip: frozenset[str]
) -> frozenset[str]:
    """Correct hosts whose lines run releases before they were started; the groups corrected."""
    causes = _causes(placed, clocks)
    if len(causes) < _MIN_PAIRS:
        return frozenset()
    units: dict[str, list[Placed]] = {}
    first_seen: dict[str, dict[str, Placed]] = {}
    for p in placed:
        if p.rec.kind != SourceKind.log:
            continue
        host = p.rec.attrs.get("host") or ""
        key = f"{p.path}#{host}" if host else p.path
        if key in skip or p.recorded is not None:
            continue
        units.setdefault(key, []).append(p)
        seen = first_seen.setdefault(key, {})
        for rel in releases(p.rec.text) & causes.keys():
            if rel not in seen or p.time < seen[rel].time:
                seen[rel] = p
    done: set[str] = set()
    for key, seen in first_seen.items():
        pairs = [(rel, r, causes[rel]) for rel, r in seen.items()]
        leads = [(c.time - r.time).total_seconds() for _, r, c in pairs]
        ahead = [x for x in leads if x > _SLACK]
        if len(ahead) < _MIN_PAIRS or len(ahead) < len(leads) or max(ahead) - min(ahead) > _AGREE:
            continue
        shift = max(ahead)
        if shift > _MAX_LEAD or abs(shift - round(shift / 3600) * 3600) <= 120:
            continue
        _correct(key, units[key], shift, pairs, clocks, findings)
        done.add(key)
    return frozenset(done)


def _correct(
    key: str,
    items: list[Placed],
    shift: float,
    pairs: list[tuple[str, Placed, Placed]],
    clocks: dict[str, SourceClock],
    findings: list[str],
) -> None:
    delta = timedelta(seconds=shift)
    for p in items:
        p.recorded = p.time
        p.time = p.time + delta
    path, _, host = key.partition("#")
    c = clocks[path]
    if abs(shift) > abs(c.skew_s):
        c.skew_s = -shift
    evidence: list[SourceRef] = []
    shown = []
    for rel, r, cause in sorted(pairs, key=lambda x: x[2].time):
        evidence += [cause.rec.ref, r.rec.ref]
        shown.append(
            f"{rel}: line {r.rec.ref} at {_hm(r.time)}, started at {cause.rec.ref} at {_hm(cause.time)}"
        )
    c.evidence.extend(evidence)
    mins, secs = divmod(int(shift), 60)
    who = f"host {host} in {path}" if host else path
    c.notes.append(
        f"{who}: clock at least {mins} min {secs} s behind — its lines ran releases before they were "
        f"started ({'; '.join(shown)}); corrected by the smallest shift that puts them after"
    )
    findings.append(
        f"Clock: {who} shows {len(pairs)} releases running {mins} min {secs} s or more before they were "
        "started; its times are moved later by that much (a lower bound) and the originals kept as recorded."
    )


def _hm(t: datetime) -> str:
    return t.strftime("%H:%M:%S")
