"""What code knows before the model writes: facts (times, durations, clocks) and labelled hints (analysis).

Facts are computed here and stated as such: key times in UTC and, when the team's zone is known, in
that zone with its own label; every duration the sections state (time to detect, mitigate, resolve,
impact duration); and how each source's clock was read. Key times reach the model first as candidates
(``candidate_lines``: each with its event id, time, confidence and why); ``draft.keypick`` verifies the
model's picks, and only then are the decided times and durations stated (``key_time_lines``). Hints come from the deterministic analysis
the offline drafter uses (``facts.analyse``): cause candidates, hypotheses ruled out, follow-ups with
their owners, stated figures and the ids of blameful lines. They are labelled as suggestions and the
blameful lines are also marked in the sources, so the model never meets blame unannounced.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.domain import KeyTimes, Metrics, SourceKind, Timeline
from assistant.draft.analysis import Facts

BLAME_MARK = "(blameful wording: describe the system, never the person) "
_KEYS = ("start", "detected", "mitigated", "resolved")
_MAX_HINTS = 8  # per kind: hints inform, the sources decide


def duration(seconds: float | None) -> str:
    """``5400`` → ``1 h 30 min``; days for multi-day incidents; ``unknown`` for None."""
    if seconds is None:
        return "unknown"
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} h"] if hours or days else []
    return " ".join([*parts, f"{mins:02d} min" if parts else f"{mins} min"])


def team_zone(tl: Timeline, setting: str | None = None) -> tuple[tzinfo, str] | None:
    """The team's zone: the setting, else the zone the chat's clock was read in (when not UTC)."""
    if setting:
        try:
            return ZoneInfo(setting), f"{setting}, configured"
        except (ZoneInfoNotFoundError, ValueError):
            return None
    chat_files = {r.file for e in tl.events if e.source == SourceKind.chat for r in e.refs}
    for path, clock in tl.clock.items():
        if path in chat_files and clock.zone and clock.offset != "+00:00":
            try:
                return ZoneInfo(clock.zone), f"{clock.zone}, {clock.how} from the chat"
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


def _at(value: datetime | None, tz: tzinfo) -> str:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else "unknown"


def clock_lines(tl: Timeline, *, zone_setting: str | None = None) -> list[str]:
    """Clock facts: the team's zone (or that it is unknown) and how each source's clock was read."""
    zone = team_zone(tl, zone_setting)
    lines = [
        f"the team's zone: {zone[1]}; times below are given in UTC (+00:00) and, where said, in that zone"
        if zone is not None
        else "the team's zone: not known; every time below is UTC (+00:00)"
    ]
    for path, clock in sorted(tl.clock.items()):
        name = path.rsplit("/", 1)[-1]
        how = f"{clock.zone}, " if clock.zone else ""
        skew = f"; clock corrected by {clock.skew_s:+.0f} s" if clock.skew_s else ""
        lines.append(f"clock of {name}: read as UTC{clock.offset} ({how}{clock.how}){skew}")
    return lines


def key_time_lines(tl: Timeline, *, zone_setting: str | None = None) -> list[str]:
    """The decided key times (UTC and team zone, each labelled), their events, and every duration."""
    kt, ke = tl.key_times, tl.key_events
    m = Metrics.from_key_times(kt)
    lines = ["key times (UTC): " + ", ".join(f"{n}={_at(getattr(kt, n), UTC)}" for n in _KEYS)]
    zone = team_zone(tl, zone_setting)
    if zone is not None:
        lines.append(
            f"key times in the team's zone ({zone[1]}): "
            + ", ".join(f"{n}={_at(getattr(kt, n), zone[0])}" for n in _KEYS)
        )
    lines.append("key events: " + ", ".join(f"{n}={getattr(ke, n) or '-'}" for n in _KEYS))
    lines.append(
        "durations computed by code (state these, never estimate): "
        f"time to detect {duration(m.time_to_detect_s)}, time to mitigate {duration(m.time_to_mitigate_s)}, "
        f"time to resolve {duration(m.time_to_resolve_s)}, impact duration (start to mitigated) "
        f"{duration(impact_seconds(kt))}, incident duration (start to resolved) {duration(m.time_to_resolve_s)}"
    )
    return lines


def impact_seconds(kt: KeyTimes) -> float | None:
    """Impact duration: start to mitigated."""
    return (kt.mitigated - kt.start).total_seconds() if kt.start and kt.mitigated else None


def candidate_lines(tl: Timeline, *, zone_setting: str | None = None, per_key: int = 3) -> list[str]:
    """Key-time candidates from the roles stage, best first: ``E061 2026-04-14T08:52:14Z 0.80 why``.

    Compact on purpose (they share the window with the sources): times in UTC with ``Z``, a runner-up
    on the first candidate's day as its time of day; with a team zone, the first candidate's local time.
    """
    from assistant.draft.keypick import code_choices

    zone = team_zone(tl, zone_setting)
    lines = []
    for key, choice in code_choices(tl).items():
        cands: list[tuple[str, datetime, float, str]] = []
        if choice.event_id and choice.time:
            cands.append((choice.event_id, choice.time, choice.confidence, choice.why))
        cands += [(c.event_id, c.time, c.confidence, c.why) for c in choice.candidates]
        if not cands:
            lines.append(f"{key}: no candidate found")
            continue
        day = cands[0][1].astimezone(UTC).date()
        shown = []
        for n, (event_id, when, conf, why) in enumerate(cands[:per_key]):
            utc = when.astimezone(UTC)
            stamp = utc.strftime("%H:%M:%SZ" if n and utc.date() == day else "%Y-%m-%dT%H:%M:%SZ")
            local = f" ({when.astimezone(zone[0]).strftime('%H:%M')} team zone)" if zone and not n else ""
            shown.append(f"{event_id} {stamp}{local} {conf:.2f} {why[:80]}")
        lines.append(f"{key}: " + " | ".join(shown))
    return lines


def hint_lines(facts: Facts | None) -> list[str]:
    """Labelled analysis hints from the deterministic analysis (key-time candidates: ``candidate_lines``)."""
    if facts is None:
        return []
    from assistant.draft.actions import action_items

    lines = [
        f"cause candidate (from the sources' words, unverified) [{i}]: {t[:200]}"
        for t, i in facts.causes[:_MAX_HINTS]
    ]
    lines += [f"ruled out by the responders [{i}]: {t[:200]}" for t, i in facts.ruled_out[:_MAX_HINTS]]
    for item in action_items(facts).items[:_MAX_HINTS]:
        owner = f"; owner {item.owner}" if item.owner else "; no owner stated"
        due = f"; due {item.due}" if item.due else ""
        refs = ",".join(item.refs[:3])
        lines.append(f"follow-up proposed [{refs}]: {item.description[:200]}{owner}{due}")
    lines += [f"figure stated [{i}]: {t[:160]}" for t, i in facts.figures[:_MAX_HINTS]]
    if facts.blameful:
        ids = ", ".join(sorted(facts.blameful)[:30])
        lines.append(f"blameful lines (marked in the sources; never quote or echo their blame): {ids}")
    return lines
