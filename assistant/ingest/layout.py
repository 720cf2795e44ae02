"""Timestamp layout of a text log: learned from its first lines, compiled, then used on every line.

Learning (``learn_layout``): every sample line is searched for timestamps of a small grammar of
*generic* shapes — a date (year-month-day in any order the values allow, two- or four-digit years,
month names, compact ``YYYYMMDD``/``YYMMDD``, or no year at all), a time (``:`` or ``.`` separated,
any fraction with ``.``, ``,`` or ``:``, optional AM/PM, or compact ``HHMMSS``), an optional zone
(``Z``, ``±HH:MM``, ``±HHMM``, ``UTC``/``GMT``), or an epoch number of 10/13/16/19 digits
(s/ms/µs/ns). A candidate is described by its *signature*: the shape, the separators it used, and
where it sits (how many whitespace-separated fields come before it). The signature found on most
lines is the file's layout; further signatures that most lines also carry later in the header
(BGL-style "epoch date node timestamp") only move the start of the message.

Compiling (``Layout.match``): the chosen signature becomes one anchored regex with the separators
fixed, plus a converter from its groups to a datetime — one regex match and a few ``int()`` per line.
No vendor is named anywhere: syslog, ctime, ISO-8601, log4j, Android logcat, Hadoop or a compact
``YYMMDD HHMMSS`` are all points of the same grammar.

``python-dateutil`` 4.0.0 (installed) was measured on Hadoop_2k (same run, loaded machine): parsing
the already cut-out stamp took ~3x the time of the whole compiled-layout match per line, and
``fuzzy=True`` on whole lines took ~8x and read only 8 of 300 lines (it takes "INFO" for a zone).
It also guesses day/month order per line where the layout decides it once per file from the
values it sees; so it is not used. Python's own ``datetime`` does the arithmetic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from assistant.ingest._levels import LETTER_LEVELS
from assistant.ingest._records import PLACEHOLDER_DATE, PLACEHOLDER_YEAR
from assistant.ingest._tz import MONTHS, day_first_from

_MON = r"(?P<b>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?)"
_DOW = r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)"
_TIME = (
    r"(?P<H>[01]?\d|2[0-3])(?P<tsep>[:.])(?P<Mi>[0-5]\d)(?:(?P=tsep)(?P<S>[0-5]\d|60)"
    r"(?:(?P<fsep>[.,:])(?P<f>\d{1,9}))?)?(?:\s?(?P<p>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
)
# A time with no date must have seconds ("14:02" alone is too common in messages).
_TIME_S = _TIME.replace("(?:(?P=tsep)(?P<S>[0-5]\\d|60)", "(?P=tsep)(?P<S>[0-5]\\d|60)(?:").replace(
    ")?)?(?:", "))?(?:", 1
)
_CTIME = r"(?P<H>[01]\d|2[0-3])(?P<Mi>[0-5]\d)(?P<S>[0-5]\d)(?:(?P<fsep>[.,])(?P<f>\d{1,9}))?"
# An offset with minutes, or hours alone before a space (PostgreSQL's %m prints tzdata's "+03", "-03").
_ZONE = r"(?:\s?(?P<z>Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d|(?=\s))|UTC|GMT)(?![\w]))?"
_Y4 = r"(?P<Y>(?:19|20)\d\d)"
_MM = r"(?P<M>1[0-2]|0?[1-9])"
_DD = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_TSEP = r"(?P<dt>[T_\-:]|,?\s+)"

# name → (pattern, rank). Rank: how much of a time the shape carries (date+year > epoch > no year > time only).
_SHAPES: dict[str, tuple[str, int]] = {
    "ymd": (rf"{_Y4}(?P<dsep>[-/.]){_MM}(?P=dsep){_DD}{_TSEP}{_TIME}{_ZONE}", 4),
    "ymd-compact": (
        rf"{_Y4}(?P<M>1[0-2]|0[1-9])(?P<d>3[01]|[12]\d|0[1-9])(?P<dt>[T_\-]|\s+)?{_TIME}{_ZONE}",
        4,
    ),
    "ymd-basic": (rf"{_Y4}(?P<M>1[0-2]|0[1-9])(?P<d>3[01]|[12]\d|0[1-9])T{_CTIME}{_ZONE}", 4),
    "dmy": (rf"(?P<a>\d{{1,2}})(?P<dsep>[-/.])(?P<c>\d{{1,2}})(?P=dsep){_Y4}{_TSEP}{_TIME}{_ZONE}", 4),
    "y2md": (rf"(?P<a>\d\d)(?P<dsep>[-/.])(?P<c>\d\d)(?P=dsep)(?P<e2>\d\d){_TSEP}{_TIME}{_ZONE}", 4),
    "y2md-compact": (
        r"(?P<y>\d\d)(?P<M>1[0-2]|0[1-9])(?P<d>3[01]|[12]\d|0[1-9])(?P<dt>\s+)" + _CTIME + r"(?!\d)",
        4,
    ),
    "mon-d": (
        rf"{_DOW}?{_MON}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:,?\s+{_Y4})?,?\s+{_TIME}{_ZONE}(?:\s+(?P<Y2>(?:19|20)\d\d))?",
        3,
    ),
    "d-mon-y": (
        rf"{_DOW}?(?P<d>3[01]|[12]\d|0?[1-9])(?P<dsep>[-/ ]){_MON}(?P=dsep){_Y4}(?P<dt>[:T]|\s+){_TIME}{_ZONE}",
        4,
    ),
    "md": (rf"{_MM}(?P<dsep>[-/.]){_DD}\s+{_TIME}{_ZONE}", 3),
    # glog/klog "Lmmdd hh:mm:ss.uuuuuu": compact month-day, no year, seconds required
    "md-compact": (rf"(?P<M>1[0-2]|0[1-9])(?P<d>3[01]|[12]\d|0[1-9])\s+{_TIME_S}{_ZONE}", 3),
    "epoch": (r"(?P<e>1\d{9}|1\d{12}|1\d{15}|1\d{18})(?:\.(?P<ef>\d{1,9}))?(?![\d.:])", 3),
    "time": (rf"{_TIME_S}{_ZONE}", 1),
}
_NO_YEAR = frozenset(("md", "md-compact", "time"))
# Compact dates may be glued to a one-letter level at the line start (glog/klog "I0314 …", "E20260314 …").
_LETTER_GLUED = frozenset(("md-compact", "ymd-compact"))
_COMPILED = {k: re.compile(p) for k, (p, _) in _SHAPES.items()}
# A stamp starts at the line start or after whitespace / an opening bracket or quote / a separator.
_BOUNDARY = frozenset(" \t[(<>{\"'|=,")
_SPACE_FIELDS = re.compile(r"\S+")
_WS = re.compile(r"\s+")
_HEAD = 160  # characters of a line searched for a stamp
_ZONES: dict[str, timezone] = {}


def _zone(z: str) -> timezone:
    tz = _ZONES.get(z)
    if tz is None:
        if z in ("Z", "UTC", "GMT"):
            tz = UTC
        else:
            sign = -1 if z[0] == "-" else 1
            digits = z[1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
        _ZONES[z] = tz
    return tz


@dataclass(frozen=True)
class Signature:
    """Where a stamp sits and how it is written: shape, fields before it, fixed separators."""

    shape: str
    field: int
    glue: str  # what comes between the field's start and the stamp ("[", "*" for anything), or ""
    seps: tuple[tuple[str, str], ...]  # fixed separator groups, e.g. (("dsep", "-"), ("tsep", ":"))
    order: str = ""  # for ambiguous numeric dates: "ymd", "dmy", "mdy"

    def describe(self) -> str:
        """Human words for coverage: 'ymd stamp at field 0'."""
        seps = "".join(v for _, v in self.seps)
        where = "line start" if self.field == 0 else f"field {self.field + 1}"
        return f"{self.shape}{'/' + self.order if self.order else ''} stamp ({seps or 'no separators'}) at {where}"


@dataclass
class Stamp:
    """One located stamp: its datetime (naive when no zone was written) and span in the line."""

    when: datetime
    has_date: bool
    has_year: bool
    start: int
    end: int


def _candidates(line: str) -> list[tuple[Signature, re.Match[str]]]:
    head = line[:_HEAD]
    out: list[tuple[Signature, re.Match[str]]] = []
    for name, rx in _COMPILED.items():
        for m in rx.finditer(head):
            s = m.start()
            lettered = s == 1 and name in _LETTER_GLUED and head[0] in LETTER_LEVELS
            if s and head[s - 1] not in _BOUNDARY and not lettered:
                continue
            e = m.end()
            if e < len(head) and head[e].isalnum() and name != "time":
                continue
            fields = _SPACE_FIELDS.findall(head, 0, s)
            glue = ""
            if s and not head[s - 1].isspace():
                glue = fields.pop()  # "[2026-…", "x|2026…": the stamp is glued to what starts this field
                if len(glue) > 2 or lettered:
                    glue = "*"  # any level letter, not only the first line's
            gd = m.groupdict()
            seps = tuple((g, _WS.sub(" ", gd[g])) for g in ("dsep", "tsep", "dt") if gd.get(g) is not None)
            out.append((Signature(name, len(fields), glue, seps), m))
    return out


def _order(shape: str, matches: list[re.Match[str]]) -> str:
    """Day/month/year order for numeric shapes, decided once from the values the file shows."""
    if shape == "dmy":
        firsts = [int(m.group("a")) for m in matches]
        seconds = [int(m.group("c")) for m in matches]
        settled = day_first_from(firsts, seconds)
        if settled is not None:
            return "dmy" if settled else "mdy"
        return "mdy" if matches[0].group("dsep") == "/" else "dmy"
    if shape == "y2md":
        a = [int(m.group("a")) for m in matches]
        c = [int(m.group("c")) for m in matches]
        e = [int(m.group("e2")) for m in matches]
        ymd_ok = all(1 <= x <= 12 for x in c) and all(1 <= x <= 31 for x in e)
        if ymd_ok and (matches[0].group("dsep") != "." or not all(1 <= x <= 31 for x in a)):
            return "ymd"
        if all(1 <= x <= 31 for x in a) and all(1 <= x <= 12 for x in c):
            return "dmy"
        return "mdy"
    return ""


@dataclass
class Layout:
    """A compiled stamp layout: ``match(line)`` → ``Stamp`` or None; ``header_end`` past any later stamps."""

    sig: Signature
    regex: re.Pattern[str]
    convert: Callable[[re.Match[str]], tuple[datetime, bool, bool] | None]
    later: list[re.Pattern[str]] = field(default_factory=list)
    share: float = 0.0
    sample_lines: int = 0

    @property
    def has_year(self) -> bool:
        """True when the layout's stamps carry a year."""
        return self.sig.shape not in _NO_YEAR

    def describe(self) -> str:
        """Why this layout: 'ymd stamp (-: ) at line start on 200/200 sample lines'."""
        n = round(self.share * self.sample_lines)
        return f"{self.sig.describe()} on {n}/{self.sample_lines} sample lines"

    def match(self, line: str) -> Stamp | None:
        """The line's stamp when it has this layout."""
        m = self.regex.match(line)
        if m is None:
            return None
        got = self.convert(m)
        if got is None:
            return None
        end = m.end("stamp")
        for rx in self.later:
            lm = rx.match(line, end)
            if lm is not None:
                end = lm.end()
        if end < len(line) and line[end] in ")]>}\"'" and self.sig.glue:
            end += 1
        return Stamp(got[0], got[1], got[2], m.start("stamp"), end)


_SEP_CLASSES = {
    "dsep": ("[-/.]", "[-/ ]"),
    "tsep": ("[:.]",),
    "dt": ("[T_\\-:]|,?\\s+", "[T_\\-]|\\s+", "[:T]|\\s+", "\\s+"),
}


def _lit(v: str) -> str:
    return re.escape(v.rstrip()) + r"\s+" if v[-1:].isspace() else re.escape(v)


def _fixed(pattern: str, seps: tuple[tuple[str, str], ...], *, keep_names: bool) -> str:
    """The shape's pattern with the separators this file uses fixed (faster, and no mixing)."""
    out = pattern
    for g, v in seps:
        for cls in _SEP_CLASSES[g]:
            grp = f"(?P<{g}>{cls})"
            if grp in out:
                out = out.replace(grp, f"(?P<{g}>{_lit(v)})", 1)
                break
    if not keep_names:
        for g, v in seps:
            out = out.replace(f"(?P={g})", _lit(v))
        out = re.sub(r"\(\?P<\w+>", "(?:", out)
        out = re.sub(r"\(\?P=\w+\)", r"[-/.: ]", out)
    return out


def _prefix(sig: Signature) -> str:
    skip = rf"(?:\S+\s+){{{sig.field}}}" if sig.field else ""
    glue = r"\S*?" if sig.glue == "*" else re.escape(sig.glue)
    return rf"^\s*{skip}{glue}"


def _converter(
    sig: Signature,
) -> Callable[
    [
        re.Match[str],
    ],
    tuple[datetime, bool, bool] | None,
]:
    shape, order = sig.shape, sig.order
    placeholder = PLACEHOLDER_DATE

    def convert(m: re.Match[str]) -> tuple[datetime, bool, bool] | None:
        g = m.groupdict()
        try:
            if shape == "epoch":
                v = float(g["e"] + ("." + g["ef"] if g.get("ef") else ""))
                digits = len(g["e"])
                v = v / 10 ** (digits - 10)
                return datetime.fromtimestamp(v, tz=UTC), True, True
            has_date, has_year = True, True
            if shape == "time":
                y, mo, d = placeholder.year, placeholder.month, placeholder.day
                has_date = has_year = False
            elif shape in ("md", "md-compact"):
                y, mo, d = PLACEHOLDER_YEAR, int(g["M"]), int(g["d"])
                has_year = False
            elif shape in ("ymd", "ymd-compact", "ymd-basic"):
                y, mo, d = int(g["Y"]), int(g["M"]), int(g["d"])
            elif shape == "y2md-compact":
                y, mo, d = 2000 + int(g["y"]), int(g["M"]), int(g["d"])
            elif shape == "dmy":
                a, c = int(g["a"]), int(g["c"])
                y, mo, d = (int(g["Y"]), a, c) if order == "mdy" else (int(g["Y"]), c, a)
            elif shape == "y2md":
                a, c, e = int(g["a"]), int(g["c"]), int(g["e2"])
                y, mo, d = (
                    (2000 + a, c, e)
                    if order == "ymd"
                    else (2000 + e, c, a)
                    if order == "dmy"
                    else (2000 + e, a, c)
                )
            else:  # month names
                mo = MONTHS[g["b"][:3].lower()]
                d = int(g["d"])
                yr = g.get("Y") or g.get("Y2")
                if yr:
                    y = int(yr)
                else:
                    y, has_year = PLACEHOLDER_YEAR, False
            h, mi, s = int(g["H"]), int(g["Mi"]), int(g["S"] or 0)
            if s == 60:
                s = 59
            p = g.get("p")
            if p:
                pm = p[0] in "Pp"
                if h == 12:
                    h = 0 if not pm else 12
                elif pm:
                    h += 12
            f = g.get("f")
            us = int(f[:6].ljust(6, "0")) if f else 0
            z = g.get("z")
            return datetime(y, mo, d, h, mi, s, us, tzinfo=_zone(z) if z else None), has_date, has_year
        except (ValueError, KeyError, OverflowError, OSError):
            return None

    return convert


def compile_signature(
    sig: Signature, later: Sequence[Signature] = (), share: float = 0.0, sample_lines: int = 0
) -> Layout:
    """The anchored regex and converter for one signature (and the later header stamps)."""
    body = _fixed(_SHAPES[sig.shape][0], sig.seps, keep_names=True)
    rx = re.compile(f"{_prefix(sig)}(?P<stamp>{body})")
    later_rx: list[re.Pattern[str]] = []
    prev = sig.field
    for s2 in later:
        gap = max(0, s2.field - prev - 1)
        b2 = _fixed(_SHAPES[s2.shape][0], s2.seps, keep_names=False)
        glue = r"\S*?" if s2.glue == "*" else re.escape(s2.glue)
        later_rx.append(re.compile(rf"(?:\s+\S+){{{gap}}}\s+{glue}(?:{b2})"))
        prev = s2.field
    return Layout(sig, rx, _converter(sig), later_rx, share, sample_lines)


def _learn_one(lines: list[str], total: int) -> tuple[Layout, list[str]] | None:
    """The signature most of ``lines`` share, compiled, and the lines it does not read."""
    per_sig: dict[Signature, list[re.Match[str]]] = {}
    hits: Counter[Signature] = Counter()
    for ln in lines:
        seen: set[Signature] = set()
        for sig, m in _candidates(ln):
            if sig in seen:
                continue
            seen.add(sig)
            hits[sig] += 1
            per_sig.setdefault(sig, []).append(m)
    if not hits:
        return None
    n = len(lines)

    def rank(sig: Signature) -> tuple[int, bool, int, int, int]:
        # Most lines first; among stamps most lines carry, the earliest dated one (text before it stays
        # header: "<134>Mar  4 … [04/Mar/2026:…]"), then the one that says the most.
        r = _SHAPES[sig.shape][1]
        return (hits[sig] * 10 // n, r >= 3, -sig.field if r >= 3 else 0, r, hits[sig])

    usable = [sig for sig in hits if _log_like(per_sig[sig])]
    if not usable:
        return None
    best = max(usable, key=rank)
    best = Signature(best.shape, best.field, best.glue, best.seps, _order(best.shape, per_sig[best]))
    # Stamps nearly every line carries after the chosen one (still in the header) end the header.
    later: list[Signature] = []
    for s2 in sorted(hits, key=lambda x: x.field):
        if (
            best.field < s2.field <= best.field + 6
            and hits[s2] >= 0.9 * hits[best]
            and s2.shape != "time"
            and (not later or s2.field > later[-1].field)
        ):
            later.append(s2)
    layout = compile_signature(best, later, 0.0, total)
    rest = [ln for ln in lines if layout.match(ln) is None]
    layout.share = (n - len(rest)) / total
    return layout, rest


def _log_like(matches: list[re.Match[str]]) -> bool:
    """Log stamps carry seconds (or are epochs) and have the message after them on the same line.

    Chat copy-pastes put "name — 03/04/2026 3:04 PM" on a line of its own with the message below;
    notes write "14:02" without seconds: neither is a log layout.
    """
    n = len(matches)
    if matches[0].re.groupindex.get("S") is not None:
        with_seconds = sum(1 for m in matches if m.group("S") is not None)
        if with_seconds < 0.9 * n:
            return False
    followed = sum(1 for m in matches if len(m.string) - m.end() > 3)
    return followed >= 0.5 * n


class Layouts:
    """The layouts of one file (usually one; interleaved sources give several), tried most recent first."""

    def __init__(self, layouts: list[Layout], sample_lines: int) -> None:
        """The layouts found in a file and how many sample lines they were learned from."""
        self.layouts = layouts
        self.sample_lines = sample_lines
        self._order = list(layouts)

    @property
    def share(self) -> float:
        """Share of the sample lines some layout reads."""
        return sum(lay.share for lay in self.layouts)

    @property
    def has_year(self) -> bool:
        """True when every layout's stamps carry a year."""
        return all(lay.has_year for lay in self.layouts)

    def describe(self) -> str:
        """Why: each layout's signature and how many sample lines it read."""
        return "; ".join(lay.describe() for lay in self.layouts)

    def match(self, line: str) -> Stamp | None:
        """The line's stamp under the first layout that reads it (that layout is tried first next time)."""
        order = self._order
        for i, lay in enumerate(order):
            st = lay.match(line)
            if st is not None:
                if i:
                    order.insert(0, order.pop(i))
                return st
        return None


def learn_layout(lines: Sequence[str], *, min_share: float = 0.3, max_layouts: int = 4) -> Layouts | None:
    """The stamp layouts of a sample, compiled; None when under ``min_share`` of its lines carry a stamp.

    A second (third, …) layout is learned from the lines the first ones do not read, when at least
    5% of the sample (and two lines) share it: stern/compose output interleaves several formats.
    """
    sample = [ln for ln in lines if ln.strip()][:300]
    if not sample:
        return None
    total = len(sample)
    found: list[Layout] = []
    rest = sample
    while rest and len(found) < max_layouts:
        got = _learn_one(rest, total)
        if got is None:
            break
        lay, left = got
        read = len(rest) - len(left)
        if (read < 2 and total > 1) or read < 0.05 * total:
            break
        found.append(lay)
        rest = left
    out = Layouts(found, total)
    if not found or out.share < min_share:
        return None
    return out
