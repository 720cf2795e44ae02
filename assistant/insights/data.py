"""The figures behind the insights, read from the drafts database (no plotting here)."""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from assistant.insights.causes import CauseGroup, categorise, recurring
from assistant.store import DraftStore
from assistant.store.actions import TrackedItem, list_items
from assistant.store.models import ACTION_STATUSES, DraftRow

METRICS: tuple[tuple[str, str], ...] = (
    ("time_to_detect_s", "time to detect"),
    ("time_to_mitigate_s", "time to mitigate"),
    ("time_to_resolve_s", "time to resolve"),
)


@dataclass(frozen=True)
class IncidentFacts:
    """One stored postmortem as the insights see it (durations in minutes)."""

    draft_id: str
    title: str
    started: datetime
    severity: str
    services: tuple[str, ...]
    minutes: dict[str, float | None]
    cause: str = ""
    category: str = "unknown"


@dataclass(frozen=True)
class Insights:
    """Everything the report shows."""

    incidents: list[IncidentFacts]
    items: list[TrackedItem]
    today: date

    def median_minutes(
        self, metric: str, *, severity: str | None = None, category: str | None = None
    ) -> float | None:
        """Median of a metric over the incidents (of one severity or cause category) that have it."""
        values = [i.minutes[metric] for i in self.incidents
                  if i.minutes.get(metric) is not None and (severity is None or i.severity == severity)
                  and (category is None or i.category == category)]  # fmt: skip
        return statistics.median(v for v in values if v is not None) if values else None

    def categories(self) -> list[str]:
        """Cause categories present, most incidents first."""
        counts = Counter(i.category for i in self.incidents)
        return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def recurring_causes(self) -> list[CauseGroup]:
        """Groups of incidents whose stated causes mean the same (see ``insights.causes``)."""
        return recurring([i.draft_id for i in self.incidents], [i.cause for i in self.incidents])

    def severities(self) -> list[str]:
        """Severities present, in name order (SEV1 first)."""
        return sorted({i.severity for i in self.incidents})

    def items_by_status(self) -> dict[str, int]:
        """How many tracked action items are in each status."""
        counts = Counter(it.status for it in self.items)
        return {s: counts.get(s, 0) for s in ACTION_STATUSES}

    def open_item_ages(self) -> list[int]:
        """Days since each open item was created."""
        return [(self.today - it.created.date()).days for it in self.items if it.is_open()]

    def recurring_services(self) -> list[tuple[str, int]]:
        """Services named by more than one incident, most frequent first."""
        counts = Counter(s for i in self.incidents for s in set(i.services))
        return [(s, n) for s, n in counts.most_common() if n > 1]


def _started(row: DraftRow) -> datetime:
    start = ((row.draft or {}).get("key_times") or {}).get("start")
    if isinstance(start, str):
        try:
            parsed = datetime.fromisoformat(start)
            if parsed.tzinfo is not None:
                return parsed
        except ValueError:
            pass
    return row.created


def _minutes(draft: dict[str, Any]) -> dict[str, float | None]:
    metrics = draft.get("metrics") or {}
    out: dict[str, float | None] = {}
    for key, _ in METRICS:
        v = metrics.get(key)
        out[key] = round(float(v) / 60.0, 1) if isinstance(v, int | float) else None
    return out


def _cause(draft: dict[str, Any]) -> str:
    """The root cause a postmortem states, with its trigger ('' when neither is written)."""
    parts = []
    for key in ("root_cause", "trigger"):
        value = draft.get(key)
        text = value.get("text") if isinstance(value, dict) else value
        if isinstance(text, str) and text.strip():
            parts.append(text.strip())
    return " ".join(parts)


def collect(store: DraftStore, *, today: date | None = None) -> Insights:
    """Read every stored postmortem and tracked action item."""
    with store.db.session() as s:
        rows = s.scalars(select(DraftRow)).all()
        incidents = [
            IncidentFacts(
                draft_id=r.id, title=r.title or "Untitled draft", started=_started(r),
                severity=str((r.draft or {}).get("severity") or "unknown"),
                services=tuple(str(x) for x in (r.draft or {}).get("services") or ()),
                minutes=_minutes(r.draft or {}), cause=_cause(r.draft or {}),
            )
            for r in rows
        ]  # fmt: skip
        items = list_items(s)
    kinds = categorise([i.cause for i in incidents])
    incidents = [dataclasses.replace(i, category=k) for i, k in zip(incidents, kinds, strict=True)]
    incidents.sort(key=lambda i: i.started)
    return Insights(incidents=incidents, items=items, today=today or date.today())
