"""Clock alignment from shared events: a source's unknown UTC offset, and a host's constant skew.

Offsets: a source written in local time with no zone echoes or mentions alerts whose times are
known (alerts.json carries UTC). Each echo votes for the whole/half-hour offset that explains it.
Skew: the same identifier (request id, order id, version) logged by two hosts a constant number
of minutes apart means one clock is off; the majority and the alert payloads are taken as right.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from statistics import median

from assistant.domain import RawRecord, SourceRef
from assistant.vocabulary import DONE_CUE, RESOLVED_ECHO, STOP_WORDS

_CAMEL = re.compile(r"\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*){2,}\b")
_INCIDENT_NO = re.compile(r"#(\d{3,})\b")
_HHMM = re.compile(r"\b(?:at|@|since|around|~)\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\b")
# Any time of day: in a message that names the alert, whatever its language ("paginou às 18:00"); not a
# stamp that carries its own date or zone ("2026-02-24T15:09:10Z", "24/02/26 15:08:00", "15:09 UTC"),
# which a tool wrote in its own clock, not the writer's.
_ANY_HHMM = re.compile(
    r"(?<![\d:T+])(?<!\d[-/.]\d\d )(?<!\d[-/.]\d\d\d\d )([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:[.,]\d+)?"
    r"(?![\d:])(?!\s*(?:Z\b|UTC|GMT|[+-]\d\d:?\d\d))"
)
_ALERT_WORDS = re.compile(
    r"\b(?<!status )(pag(ed|e|ing)|pagerduty|opsgenie|alert(ed|s)?|fired|firing|triggered)\b", re.I
)
_SHORT_NO = re.compile(r"^#?(\d{1,8})$")
_ID_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{4,}[A-Za-z0-9]")
_TIMEISH = re.compile(r"^[\d:.TZ+-]+$")
_MAX_OFFSET_MIN = 14 * 60


@lru_cache(maxsize=1)
def zone_offsets() -> frozenset[int]:
    """Whole- and half-hour UTC offsets (minutes) some tz database zone keeps in 2000-2035, winter or
    summer. An inferred offset is one of these: +05:30 (India), +09:30 (Adelaide), -03:30
    (Newfoundland) are; +00:30, +01:30 or +12:30 are in use nowhere."""
    from zoneinfo import ZoneInfo, available_timezones

    out: set[int] = set()
    for name in available_timezones():
        try:
            zone = ZoneInfo(name)
        except (OSError, ValueError):  # a zone the installed data cannot load
            continue
        for year in range(2000, 2036, 5):
            for month in (1, 7):
                off = datetime(year, month, 15, 12).replace(tzinfo=zone).utcoffset()
                minutes = int(off.total_seconds() // 60) if off is not None else 0
                if minutes % 30 == 0:
                    out.add(minutes)
    return frozenset(out)


def _offset_grid() -> list[int]:
    """The offsets (minutes) a zone-less source is tried at: every one some zone uses, -12 h to +14 h."""
    return [o for o in range(-12 * 60, 14 * 60 + 1, 30) if o in zone_offsets()]


@dataclass
class Anchor:
    """An event whose true time is known (an alert payload, or an already-resolved bot echo)."""

    time: datetime
    keys: frozenset[str]
    resolved: bool
    ref: SourceRef
    paging: bool = True
    words: frozenset[str] = frozenset()  # the content words of the alert's name (``name_words``)


@dataclass
class OffsetGuess:
    """The offset (minutes east of UTC) that best explains a source's echoes, with the evidence."""

    minutes: int
    votes: float
    evidence: list[tuple[SourceRef, SourceRef]] = field(default_factory=list)


_STATE_TAGS = re.compile(r"^(?:\s*\[[^\]]{1,24}\]\s*)+")


def text_keys(text: str, alert_name: str | None = None, number: object = None) -> frozenset[str]:
    """Identifiers an echo would repeat: CamelCase alert names and incident numbers."""
    keys = {m.group(0).lower() for m in _CAMEL.finditer(text)}
    keys.update("#" + m.group(1) for m in _INCIDENT_NO.finditer(text))
    if alert_name:
        keys.add(alert_name.lower())
        # "[Triggered] [P1] checkout 5xx > 5%": a relay in chat repeats the name, not the state tags.
        if (bare := _STATE_TAGS.sub("", alert_name).strip()) and bare != alert_name:
            keys.add(bare.lower())
    if number is not None and (m := _SHORT_NO.match(str(number).strip())):
        keys.add("#" + m.group(1))  # Opsgenie tinyId / PagerDuty number: chat says "#412"
    return frozenset(keys)


def echoes(text: str, keys: frozenset[str], anchor_keys: frozenset[str]) -> bool:
    """The text repeats an alert: a shared identifier, or the alert's multi-word name verbatim."""
    if keys & anchor_keys:
        return True
    low = text.lower()
    # Multi-word names ("High GC time on pricing-03") and hyphenated ones ("outbound-email-oldest-message-age").
    return any(len(k) >= 8 and (" " in k or "-" in k or "_" in k) and k in low for k in anchor_keys)


_NAME_WORD = re.compile(r"[^\W\d_][\w.\-]*\w", re.UNICODE)


def name_words(text: str) -> frozenset[str]:
    """The content words of a text (``payments-api``, ``checkout``, ``cl_waiting``; no stop words or numbers)."""
    return frozenset(w for w in _NAME_WORD.findall(text.lower()) if len(w) >= 3 and w not in STOP_WORDS)


def paraphrases(words: frozenset[str], anchor_words: frozenset[str]) -> bool:
    """The text names the alert in its own words: most of the name's content words, three at least
    ("P1 on Opsgenie, checkout error rate 7%" for "Checkout error rate > 5% (orders-api)")."""
    shared = len(words & anchor_words)
    return shared >= 3 and shared >= 0.6 * len(anchor_words)


def says_resolved(text: str) -> bool:
    """An echo of the closing side of an alert (resolved, closed, cleared), in any language the done
    vocabulary covers ("resolvido", "behoben")."""
    return bool(RESOLVED_ECHO.search(text) or DONE_CUE.search(text))


def anchor_from_alert(time: datetime, rec: RawRecord) -> Anchor:
    """An Anchor for an alert record (attrs per the ingest contract)."""
    status = str(rec.attrs.get("status") or "").lower()
    sev = str(rec.attrs.get("severity") or "").lower()
    return Anchor(
        time=time,
        keys=text_keys(rec.text, rec.attrs.get("alert"), rec.attrs.get("incident")),
        resolved=status == "resolved",
        ref=rec.ref,
        paging=sev not in ("warning", "info", "none", "low"),
        words=name_words(_STATE_TAGS.sub("", str(rec.attrs.get("alert") or ""))),
    )


def anchor_from_ticket(time: datetime, rec: RawRecord) -> Anchor | None:
    """An Anchor for a ticket's opening (attrs ``ticket``): a chat that names the ticket ("#77105",
    "OPS-4127") soon after it opened echoes it, as a relay echoes an alert. Only the ticket's own id
    is a key: the systems its text names are mentioned at any time."""
    tid = str(rec.attrs.get("ticket") or "").strip().lstrip("#")
    if not tid:
        return None
    key = (
        "#" + tid
        if tid.isdigit() and len(tid) >= 3
        else tid.lower()
        if len(tid) >= 8 and "-" in tid
        else None
    )
    if key is None:
        return None
    return Anchor(time=time, keys=frozenset({key}), resolved=False, ref=rec.ref, paging=False)


def _minutes(naive: datetime, has_date: bool, anchor: datetime) -> list[float]:
    """Candidate (local - UTC) differences in minutes; times of day wrap around midnight."""
    utc = anchor.replace(tzinfo=None) - (anchor.utcoffset() or timedelta(0))
    if has_date:
        return [(naive - utc).total_seconds() / 60]
    a = naive.hour * 60 + naive.minute + naive.second / 60
    b = utc.hour * 60 + utc.minute + utc.second / 60
    d = (a - b) % 1440
    return [x for x in (d, d - 1440) if abs(x) <= _MAX_OFFSET_MIN + 15]


def _lags(diffs: list[float], lo: float, hi: float) -> dict[int, float]:
    """Half-hour offsets whose residual (diff - offset) lies in [lo, hi] minutes, with the smallest residual."""
    out: dict[int, float] = {}
    for d in diffs:
        off = round(d / 30.0) * 30
        if abs(off) <= _MAX_OFFSET_MIN and lo <= d - off <= hi and off in zone_offsets():
            out[off] = min(out.get(off, hi), d - off)
    return out


def _vote(diffs: list[float], lo: float, hi: float) -> list[int]:
    """Half-hour offsets whose residual (diff - offset) lies in [lo, hi] minutes."""
    return list(_lags(diffs, lo, hi))


def infer_offset(records: list[RawRecord], anchors: list[Anchor]) -> OffsetGuess | None:
    """Vote over echoes (same alert name / incident number) and human mentions with a time."""
    if not anchors:
        return None
    votes: dict[int, float] = defaultdict(float)
    evidence: dict[int, list[tuple[SourceRef, SourceRef]]] = defaultdict(list)
    for rec in records:
        keys = text_keys(rec.text)
        words = name_words(rec.text)
        resolved = says_resolved(rec.text)
        naive, has_date = rec.time.value, rec.time.has_date
        matched = False
        for a in anchors:
            if a.resolved != resolved:
                continue
            # A verbatim echo counts fully; one in the writer's own words ("checkout error rate 7%") half.
            weight = 2.0 if echoes(rec.text, keys, a.keys) else 1.0 if paraphrases(words, a.words) else 0.0
            if not weight:
                continue
            matched = True
            # An echo comes after the alert: allow a little clock noise before, ten minutes after.
            for off, lag in _lags(_minutes(naive, has_date, a.time), -2.0, 10.0).items():
                # A relay posts within a minute or two; a message that names the alert later (a follow-up
                # "page on orders-db-pool-saturation") lands on some half-hour grid point by chance, so
                # the later an echo comes, the less it counts.
                votes[off] += weight if lag <= 2.0 else weight * (11.0 - lag) / 9.0
                evidence[off].append((rec.ref, a.ref))
            for off in set(_vote(_mentioned(rec, a, _ANY_HHMM), -2.0, 2.0)):
                votes[off] += weight
                evidence[off].append((rec.ref, a.ref))
        if matched or not _ALERT_WORDS.search(rec.text):
            continue
        # "PagerDuty paged me at 10:24": the stated time is the alert's local time.
        for a in anchors:
            if a.resolved or not a.paging:
                continue
            for off in set(_vote(_mentioned(rec, a), -1.5, 1.5)):
                votes[off] += 1.0
                evidence[off].append((rec.ref, a.ref))
    if not votes:
        return None
    # Whole hours are far more common than half hours: a half hour must explain strictly more.
    best = max(votes, key=lambda o: (votes[o], o % 60 == 0, -abs(o)))
    return OffsetGuess(minutes=best, votes=votes[best], evidence=evidence[best])


def _mentioned(rec: RawRecord, anchor: Anchor, times: re.Pattern[str] = _HHMM) -> list[float]:
    diffs: list[float] = []
    for m in times.finditer(rec.text):
        stated = rec.time.value.replace(
            hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3) or 0), microsecond=0
        )
        diffs.extend(_minutes(stated, rec.time.has_date, anchor.time))
    return diffs


@dataclass
class Skew:
    """A unit's clock error (seconds; positive = the clock runs ahead) and the refs that show it."""

    seconds: float
    matches: int
    evidence: list[SourceRef] = field(default_factory=list)


@dataclass
class SkewUnit:
    """The records of one clock (a host or a log file), already placed in UTC."""

    key: str
    times: list[datetime]
    texts: list[str]
    refs: list[SourceRef]
    correctable: bool = True


def _tokens(text: str) -> set[str]:
    out = set()
    for tok in _ID_TOKEN.findall(text):
        if any(c.isdigit() for c in tok) and not _TIMEISH.match(tok) and tok.count(".") != 3:
            out.add(tok)
    return out


def shared_token_offset(
    records: list[RawRecord], placed: list[tuple[datetime, str, SourceRef]]
) -> OffsetGuess | None:
    """The offset at which a zone-less source's rare identifiers ("M20260519_PlanPriceV3", "job-88412")
    line up with the same identifiers in sources already placed: a bot relaying a log line into the
    chat, a ticket quoting a request id. Each identifier seen at most three times on each side votes for
    the offsets that put the two sightings within fifteen minutes; an offset other than UTC is returned
    only when two identifiers or more agree on it and UTC explains fewer than half as many.
    ``placed`` holds (UTC time, text, ref) of records whose clock is known."""
    theirs: dict[str, list[tuple[datetime, SourceRef]]] = defaultdict(list)
    for t, text, ref in placed:
        for tok in _tokens(text):
            theirs[tok].append((t, ref))
    theirs = {k: v for k, v in theirs.items() if len(v) <= 3}
    if not theirs:
        return None
    mine: dict[str, list[RawRecord]] = defaultdict(list)
    for rec in records:
        for tok in _tokens(rec.text):
            if tok in theirs:
                mine[tok].append(rec)
    votes: dict[int, set[str]] = defaultdict(set)
    evidence: dict[int, list[tuple[SourceRef, SourceRef]]] = defaultdict(list)
    for tok, recs in mine.items():
        if len(recs) > 3:
            continue
        for rec in recs:
            for when, ref in theirs[tok]:
                for off in _lags(_minutes(rec.time.value, rec.time.has_date, when), -15.0, 15.0):
                    if tok not in votes[off]:
                        evidence[off].append((rec.ref, ref))
                    votes[off].add(tok)
    if not votes:
        return None
    best = max(votes, key=lambda o: (len(votes[o]), o % 60 == 0, -abs(o)))
    n = len(votes[best])
    if best == 0 or n < 2 or 2 * len(votes.get(0, ())) >= n:
        return None
    return OffsetGuess(minutes=best, votes=float(n), evidence=evidence[best])


def detect_skew(units: list[SkewUnit], *, min_matches: int = 3, min_seconds: float = 90.0) -> dict[str, Skew]:
    """Constant clock offsets (minutes, not hours) of correctable units against the rest."""
    index: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        for ri, text in enumerate(u.texts):
            for tok in _tokens(text):
                index[tok][u.key].append(ri)
    by_key = {u.key: u for u in units}
    # Tokens that identify one happening: few occurrences per unit, seen by at least two units.
    shared = {t: occ for t, occ in index.items() if len(occ) >= 2 and all(len(v) <= 3 for v in occ.values())}
    shift: dict[str, float] = {u.key: 0.0 for u in units}
    found: dict[str, Skew] = {}
    for _ in range(min(5, len(units))):
        best: tuple[float, str, Skew] | None = None
        for u in units:
            if not u.correctable or u.key in found:
                continue
            deltas = _deltas(u, shared, by_key, shift)
            if len(deltas) < min_matches:
                continue
            mid = median(d for d, _, _ in deltas)
            agree = [r for d, r, _ in deltas if abs(d - mid) <= 30]
            share = len(agree) / len(deltas)
            if abs(mid) < min_seconds or share < 0.6 or len(agree) < min_matches:
                continue
            # One moment is not a clock: a process started later prints the same banner and config
            # digest the others printed earlier. A skewed clock shows on happenings minutes apart.
            moments = sorted(t for d, _, t in deltas if abs(d - mid) <= 30)
            if moments[-1] - moments[0] < timedelta(minutes=2):
                continue
            score = share * len(agree) + len(u.times) * -1e-9  # ties: the smaller unit is the odd one
            if best is None or score > best[0]:
                best = (score, u.key, Skew(round(mid), len(agree), agree[:5]))
        if best is None:
            break
        found[best[1]] = best[2]
        shift[best[1]] = best[2].seconds
    return found


def _deltas(
    u: SkewUnit, shared: dict[str, dict[str, list[int]]], by_key: dict[str, SkewUnit], shift: dict[str, float]
) -> list[tuple[float, SourceRef, datetime]]:
    """Offsets of ``u`` against every other unit on the happenings they share (within an hour), with
    the unit's own time of each."""
    deltas: list[tuple[float, SourceRef, datetime]] = []
    for occ in shared.values():
        mine = occ.get(u.key)
        if not mine:
            continue
        for other_key, theirs in occ.items():
            if other_key == u.key:
                continue
            other = by_key[other_key]
            d = min(
                (
                    (u.times[i] - other.times[j]).total_seconds() + shift[other_key]
                    for i in mine
                    for j in theirs
                ),
                key=abs,
            )
            if abs(d) <= 3600:
                deltas.append((d, u.refs[mine[0]], u.times[mine[0]]))
    return deltas


_QUOTED_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})")


def quoted_stamps(text: str) -> list[datetime]:
    """Full timestamps a message quotes ("[2026-03-04 14:28:20,663] INFO ..."), naive, to the second."""
    out = []
    for m in _QUOTED_STAMP.finditer(text):
        try:
            out.append(datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}"))
        except ValueError:
            continue
    return out


def log_echo_offset(
    records: list[RawRecord], logged: dict[datetime, tuple[datetime, SourceRef]]
) -> OffsetGuess | None:
    """The offset that explains log lines quoted in chat: a pasted line's stamp is the log's clock,
    the message's stamp is the chat's; a paste comes a little after the line was logged."""
    votes: dict[int, float] = defaultdict(float)
    evidence: dict[int, list[tuple[SourceRef, SourceRef]]] = defaultdict(list)
    for rec in records:
        if rec.time.is_aware:
            continue
        for q in quoted_stamps(rec.text):
            hit = logged.get(q)
            if hit is None:
                continue
            true, ref = hit
            for off in set(_vote(_minutes(rec.time.value, rec.time.has_date, true), -2.0, 15.0)):
                votes[off] += 1.0
                evidence[off].append((rec.ref, ref))
    if not votes:
        return None
    best = max(votes, key=lambda o: (votes[o], o % 60 == 0, -abs(o)))
    return OffsetGuess(minutes=best, votes=votes[best], evidence=evidence[best])


_TALK_BEFORE_MIN = 15  # people rarely talk about trouble before the timed sources show any
_TALK_AFTER_MIN = 120  # ... and keep talking for a while after the last error


def activity_offset(
    records: list[RawRecord], trouble: list[datetime], *, prefer: int | None = None
) -> OffsetGuess | None:
    """The offset that puts an incident chat's talk where the timed sources show trouble.

    For a chat with no zone, no echoed alert and no quoted log line: an incident channel talks while
    errors and firing alerts run. Each whole/half-hour offset is scored by the share of messages it
    puts inside the trouble window (the 2nd to 98th percentile of the main burst of error-level log
    lines and firing alerts — the largest run without a three-hour gap — widened by
    ``_TALK_BEFORE_MIN`` before and ``_TALK_AFTER_MIN`` after). An offset other
    than UTC is returned only when it places most messages there and UTC clearly does not; trouble
    spread over more than twelve hours tells nothing and returns None. ``prefer`` (the offset another
    chat of the same incident was read at) wins among offsets that place about as many messages.
    """
    if len(records) < 5 or len(trouble) < 2:
        return None
    ts = _main_burst(sorted(trouble))
    if len(ts) < 2:
        return None
    lo, hi = ts[int(0.02 * (len(ts) - 1))], ts[int(0.98 * (len(ts) - 1))]
    if hi - lo > timedelta(hours=12):
        return None
    start = lo - timedelta(minutes=_TALK_BEFORE_MIN)
    end = hi + timedelta(minutes=_TALK_AFTER_MIN)

    span = (end - start).total_seconds() / 60
    diffs = [_minutes(r.time.value, r.time.has_date, start) for r in records]

    def share(offset_min: int) -> float:
        return sum(any(0 <= d - offset_min <= span for d in ds) for ds in diffs) / len(records)

    scores = {o: share(o) for o in _offset_grid()}
    top = max(scores.values())
    if top < 0.7 or scores[0] > 0.4 or top - scores[0] < 0.3:
        return None
    # Among the offsets that place about as many messages, the one that puts them nearest to the
    # errors themselves (people talk while it breaks); half-hour zones only when clearly nearer.
    near = {o: _median_gap(records, o, ts) for o, v in scores.items() if v >= top - 0.1}
    best = min(near, key=lambda o: (o != prefer, near[o] + (0 if o % 60 == 0 else 15), abs(o)))
    if best == 0:
        return None
    return OffsetGuess(minutes=best, votes=scores[best], evidence=[(records[0].ref, records[0].ref)])


def burst_offset(errors: list[RawRecord], alerts: list[datetime]) -> OffsetGuess | None:
    """The offset that lines a zone-less log's burst of error lines up with the alerts that fired.

    Logs carry background errors all day; what an alert marks is a *rise*. Each whole/half-hour
    offset is scored by the lift of the error lines inside the main burst of firing alerts (widened by
    30 minutes each side): their share there divided by the window's share of the errors' whole span.
    Returned only when that lift is at least 3 and three times UTC's.
    """
    if len(errors) < 5 or len(alerts) < 2:
        return None
    ts = _main_burst(sorted(alerts))
    if len(ts) < 2 or ts[-1] - ts[0] > timedelta(hours=12):
        return None
    start, end = ts[0] - timedelta(minutes=30), ts[-1] + timedelta(minutes=30)
    window = (end - start).total_seconds() / 60
    values = [r.time.value for r in errors]
    span = max(window, (max(values) - min(values)).total_seconds() / 60)

    diffs = [_minutes(r.time.value, r.time.has_date, start) for r in errors]

    def lift(offset_min: int) -> float:
        inside = sum(any(0 <= d - offset_min <= window for d in ds) for ds in diffs)
        return (inside / len(errors)) / (window / span)

    scores = {o: lift(o) for o in _offset_grid()}
    best = max(scores, key=lambda o: (round(scores[o], 2), o % 60 == 0, -abs(o)))
    if best == 0 or scores[best] < 3 or scores[best] < 3 * scores[0]:
        return None
    return OffsetGuess(minutes=best, votes=scores[best], evidence=[(errors[0].ref, errors[0].ref)])


def _main_burst(times: list[datetime]) -> list[datetime]:
    """The largest run of sorted times without a gap of three hours (the later one on a tie)."""
    runs: list[list[datetime]] = [[times[0]]]
    for t in times[1:]:
        if t - runs[-1][-1] > timedelta(hours=3):
            runs.append([])
        runs[-1].append(t)
    return max(reversed(runs), key=len)


def _median_gap(records: list[RawRecord], offset_min: int, trouble: list[datetime]) -> float:
    """Median minutes from each message (read at ``offset_min``) to the nearest trouble time."""
    anchor = trouble[0]
    points = sorted((t - anchor).total_seconds() / 60 for t in trouble)
    gaps = []
    for r in records:
        for d in _minutes(r.time.value, r.time.has_date, anchor)[:1]:
            m = d - offset_min
            i = bisect_left(points, m)
            gaps.append(min(abs(m - points[j]) for j in (i - 1, i) if 0 <= j < len(points)))
    return median(gaps) if gaps else float("inf")
