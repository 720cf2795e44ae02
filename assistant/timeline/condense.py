"""Log condensation: a million lines become a few hundred events with counts, first/last time and examples.

Each line's template comes from the one template miner (``assistant.templates``: variables masked by
syntax, then keys that differ only where a word takes many values merged), in its ``states`` mode:
digit-free values (``status=FAILED``) stay words, because on a timeline a changed state is news
(dev cases: must-include events 0.88 → 0.93 against masking them); keyed with the level and
service it groups the lines. One pass fills a dict of templates; at the end each template becomes events:
rare templates (a handful of lines) keep every line, frequent ones become bursts (runs separated
by quiet gaps) and state changes (a usually identical line that changed). Much faster than drain3,
which walks a prefix tree per line; see ``eval/bench/bench_condense.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, pairwise
from statistics import median
from typing import Any

from assistant.domain import SourceRef
from assistant.ingest._levels import ERROR_LEVEL_VALUES, WARNING_LEVEL_VALUES, access_status
from assistant.templates import TemplateMiner, render, template_words

_ERROR_WORDS = re.compile(
    r"\b(error|errors|exception|fail(ed|ure|ing)?|fatal|critical|panic|timed? ?out|refused|unavailable|"
    r"unreachable|oomkill(ed)?|out of memory|crash(ed|loop\w*)?|denied|traceback)\b",
    re.IGNORECASE,
)
_HTTP_5XX = re.compile(r"(?:\"\s|\bstatus[=:]\s?\"?|\s)5\d\d\s")
# Cache key: the line without digits and hex letters. Lines that differ only in numbers/ids share it,
# so the (slower) masking regex runs once per shape instead of once per line.
RARE = 3  # templates seen this often or less keep every line
MAX_BURSTS = 8
MIN_GAP_S = 300.0
_MANY = 1 << 30


def mask(text: str) -> str:
    """The template of a log line (stage 1 of the template miner) as text."""
    return render(template_words(text))


def level_class(level: str | None, text: str) -> str:
    """'error', 'warn' or 'info': the level when the format has one, else the words (and HTTP 5xx)."""
    if level:
        lv = level.strip().lower()
        if lv in ERROR_LEVEL_VALUES:
            return "error"
        if lv in WARNING_LEVEL_VALUES:
            return "warn"
        return "error" if _server_error(text) else "info"
    if _ERROR_WORDS.search(text) or _server_error(text):
        return "error"
    return "info"


def _server_error(text: str) -> bool:
    """An HTTP 5xx: an access line's own status where its format puts it (its byte counts and timings
    are numbers too: " 519 " bytes is no status), else a 5xx standing alone ("GET /x 503 12ms")."""
    code = access_status(text)
    return code >= 500 if code is not None else bool(_HTTP_5XX.search(text))


@dataclass
class CondensedEvent:
    """One event made from one or many log lines of the same template."""

    time: datetime
    text: str
    refs: list[SourceRef]
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Group:
    template: str
    level: str
    service: str | None
    items: list[tuple[datetime, SourceRef, str, int]] = field(default_factory=list)
    last_text: str = ""
    changes: list[int] = field(default_factory=list)
    n_changes: int = 0
    count: int = 0


class Condenser:
    """Feed log lines with ``add``; ``events()`` returns the condensed events in time order."""

    def __init__(self, *, max_events: int = 300) -> None:
        """Keep at most ``max_events`` condensed events."""
        self.max_events = max_events
        self.groups: dict[tuple[str | None, str | None, str], _Group] = {}
        self.lines = 0
        self.cut_lines = 0  # lines of the events ``events()`` left out to stay under ``max_events``
        self._miner = TemplateMiner(states=True)
        self._words: dict[str, tuple[str, ...]] = {}  # template text → its miner key
        self._rendered: dict[tuple[str, ...], str] = {}

    def add(
        self,
        time: datetime,
        text: str,
        ref: SourceRef,
        *,
        level: str | None = None,
        service: str | None = None,
        weight: int = 1,
        varying: bool = False,
    ) -> None:
        """Count one line into its template (``weight`` > 1: it stands for that many lines of its
        template in the same minutes, as the large-log path samples them; ``varying``: that path saw
        the text change too often for a state change)."""
        self.lines += weight
        head = text if len(text) < 400 else text[:400]
        words = self._miner.add(head.split("\n", 1)[0], weight)
        template = self._rendered.get(words)
        if template is None:
            template = self._rendered[words] = render(words)
            self._words.setdefault(template, words)
        key = (service, level, template)
        g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = _Group(key[2], level_class(level, head), service)
        elif text != g.last_text and g.n_changes < _MANY:
            g.n_changes += 1
            if g.n_changes <= 20:
                g.changes.append(len(g.items))
        if varying:
            g.n_changes = _MANY
        g.items.append((time, ref, text, weight))
        g.count += weight
        g.last_text = text

    def error_times(self) -> list[tuple[datetime, SourceRef]]:
        """Time and ref of every error-class line (for the error-rate onset)."""
        return [
            (t, ref)
            for g in self.groups.values()
            if g.level == "error"
            for t, ref, _, w in g.items
            for _ in range(w)
        ]

    def merge_templates(self) -> None:
        """Stage 2 of the miner: groups whose templates merged (a word with many values) become one."""
        if not self._words:
            return
        self._miner.finish()
        merged: dict[tuple[str | None, str | None, str], _Group] = {}
        for (svc, lvl, tpl), g in self.groups.items():
            final = self._miner.template_of(self._words[tpl]).text
            key = (svc, lvl, final)
            m = merged.get(key)
            if m is None:
                g.template = final
                merged[key] = g
                continue
            base = len(m.items)
            m.items.extend(g.items)
            m.count += g.count
            m.n_changes = min(_MANY, m.n_changes + g.n_changes + 1)
            m.changes.extend(base + i for i in g.changes)
            m.last_text = g.last_text
        self.groups = merged
        self._words = {}

    def events(self) -> list[CondensedEvent]:
        """Rare lines, bursts and state changes of every template, capped at ``max_events``."""
        self.merge_templates()
        out: list[tuple[int, CondensedEvent]] = []
        for g in self.groups.values():
            out.extend(_group_events(g))
        if len(out) > self.max_events:
            # Keep errors, warnings, state changes and rare lines before routine bursts.
            out.sort(key=lambda p: (p[0], p[1].time))
            self.cut_lines = sum(int(e.attrs.get("count", 1)) for _, e in out[self.max_events :])
            out = out[: self.max_events]
        events = [e for _, e in out]
        events.sort(key=lambda e: e.time)
        return events


def _priority(level: str, kind: str) -> int:
    rank = {"error": 0, "warn": 1}.get(level, 2)
    return rank * 10 + {"line": 0, "change": 1, "burst": 2}[kind]


def _group_events(g: _Group) -> list[tuple[int, CondensedEvent]]:
    items = g.items
    base = {"template": g.template, "level": g.level, "service": g.service}
    if g.count <= RARE:
        return [
            (_priority(g.level, "line"), CondensedEvent(t, text, [ref], {**base, "count": 1}))
            for t, ref, text, _ in items
        ]
    order = sorted(range(len(items)), key=lambda i: items[i][0])
    times = [items[i][0] for i in order]
    gaps = [(b - a).total_seconds() for a, b in pairwise(times)]
    weights = [items[i][3] for i in order]
    cum = [0, *accumulate(weights)]
    mid = _median_gap(gaps, weights[1:]) if len(items) < g.count else (median(gaps) if gaps else 0.0)
    threshold = max(MIN_GAP_S, 10 * mid)
    while True:
        cuts = [i + 1 for i, gap in enumerate(gaps) if gap > threshold]
        if len(cuts) < MAX_BURSTS:
            break
        threshold *= 2
    out: list[tuple[int, CondensedEvent]] = []
    bounds = [0, *cuts, len(order)]
    for lo, hi in pairwise(bounds):
        first, last = items[order[lo]], items[order[hi - 1]]
        n = cum[hi] - cum[lo]
        examples = _examples(items, order[lo:hi])
        text = first[2] if n == 1 else f"{first[2]}  [x{n} until {last[0].isoformat()}]"
        refs = [first[1]] if n == 1 else [first[1], last[1]]
        attrs = {
            **base,
            "count": n,
            "first": first[0].isoformat(),
            "last": last[0].isoformat(),
            "examples": examples,
            "burst": len(bounds) > 2,
        }
        out.append((_priority(g.level, "burst"), CondensedEvent(first[0], text, refs, attrs)))
    # A line that is nearly always identical and then changes is a state change worth its own event.
    if g.changes and g.n_changes <= min(20, max(1, g.count // 10)):
        for i in g.changes:
            t, ref, text, _ = items[i]
            out.append(
                (
                    _priority(g.level, "change"),
                    CondensedEvent(t, text, [ref], {**base, "count": 1, "state_change": True}),
                )
            )
    return out


def _median_gap(gaps: list[float], weights: list[int]) -> float:
    """Median line gap when an item of weight w stands for w lines: its gap splits into w equal ones."""
    parts = sorted((gap / w, w) for gap, w in zip(gaps, weights, strict=True))
    half, seen = sum(weights) / 2, 0
    for gap, w in parts:
        seen += w
        if seen >= half:
            return gap
    return 0.0


def _examples(items: list[tuple[datetime, SourceRef, str, int]], idx: list[int], k: int = 3) -> list[str]:
    seen: list[str] = []
    for i in idx:
        text = items[i][2]
        if text not in seen:
            seen.append(text if len(text) <= 500 else text[:500] + "…")
            if len(seen) >= k:
                break
    return seen
