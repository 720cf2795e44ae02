"""Chat pasted from any client: learn where speaker, time and message sit, then read every line.

Copy-paste from chat clients differs in layout, not in substance: a speaker, a time (sometimes a
date or "Yesterday at"), and the message on the same line or on the lines below. Rather than one
pattern per client, each candidate line is cut around its first time stamp and described by a
*shape*: whether the name comes before or after the time, the separator between them, brackets,
and whether the message follows on the same line. Shapes that recur (at least ``_MIN_HEADS``
times and a fair share of all stamped lines) are the file's layout; only lines of those shapes
start messages, so "yes at 3:02" inside a message is never a speaker line.

Seen in documentation and real pastes (none is special-cased): Discord ("name — 03/04/2026
3:04 PM", "Today at 9:41 AM"), Slack desktop ("Name  4:01 PM", time-only follow-ups, day
dividers, ":eyes: 3" reaction lines), Teams ("Name 9:41 AM", "Edited"), Zoom saved chat
("10:42:13 From Alice to Everyone:"), WhatsApp ("3/4/26, 3:04 PM - Alice: text",
"[04/03/2026, 15:04:11] Alice: text"), plain "14:02 alice: text", and a name line followed by a
time line. Day dividers ("Today", "Tuesday, March 3rd"), reactions and "(edited)" marks are read
as such, never as message text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any

from assistant.domain import ParsedSource, RawRecord, RawTime, SourceKind, is_bot_name
from assistant.ingest._levels import MONOLOG_LEVELS
from assistant.ingest._records import raw_time, record, time_of_day
from assistant.ingest._tz import MONTHS, day_first_from, hour24, normalize_zone, stated_date, stated_zone
from assistant.ingest.chat_text import _DIVIDER, divider_day

_TIME = r"(?P<time>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?(?:\s?[AaPp]\.?[Mm]\.?)?(?![\d:]))"
# An offset some clients write after the time inside a bracketed stamp ("[11.03.2026 09:14:07 UTC+09:00]",
# Telegram's hover title); outside brackets a zone ends mail headers ("Date: Tue, 14 Apr 2026 17:08 +0000").
_ZONE = r"(?:\s?(?P<zone>(?:UTC|GMT)\s?[+\-−]\d{1,2}(?::?\d{2})?|[+\-]\d{2}:?\d{2}|UTC|GMT)(?=\s*[\])]))?"
_NUM_DATE = r"\d{4}(?P<ysep>[-/.])\d{1,2}(?P=ysep)\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
_WORD_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?"
_DATE = rf"(?P<date>(?:{_WEEKDAY},?\s+)?(?:{_NUM_DATE}|{_WORD_DATE})|[Tt]oday|[Yy]esterday|{_WEEKDAY})"
_WHEN = re.compile(rf"(?:{_DATE}(?:,?\s+(?:at\s+)?|T))?{_TIME}{_ZONE}")
# "From Alice to Everyone:" (Zoom), "From Alice : hi" (older Zoom).
_ZOOM = re.compile(r"^From\s+(?P<n>.+?)\s+(?:to\s+(?P<to>.+?)|)\s*:\s*(?P<text>.*)$")
_INLINE = re.compile(
    r"^(?P<n>[^:|\t]{1,48}?)(?:\s*:\s|\s+\|\s|\s*\t)(?P<text>.*)$|^(?P<n2>[^:\s][^:]{0,47}):$"
)
_SEPS = " \t—–-|,•·:"
_ROLE_TAG = re.compile(r"\s+(?:APP|BOT|Bot|\(bot\)|\[bot\])$")
# Trailing decorations a client adds to a name: "(Guest)", "(she/her)", ":palm_tree:", a status emoji.
_GUEST = re.compile(r"(?:\s*\([^()]{1,20}\)|\s+:[\w+\-]+:|\s+[^\w\s]{1,3})+$")
_NAME_WORD = re.compile(r"^[@\w][\w.'’\-@]*$")
_REACTION = re.compile(
    r"^(?::[\w+\-]+:|[^\w\s\d]{1,3})(?:\s*\d{1,4})?(?:\s+(?::[\w+\-]+:|[^\w\s\d]{1,3})\s*\d{1,4})*$"
)
_EDITED_LINE = re.compile(r"^(?:Edited|Bearbeitet|\(edited\)|Modifié|Editado)$", re.IGNORECASE)
_EDITED_TAIL = re.compile(r"\s*\((?:edited|bearbeitet|modifié|editado)\)\s*$", re.IGNORECASE)
_MIN_HEADS = 3
_LEVELS = frozenset(
    {
        "TRACE",
        "DEBUG",
        "DBG",
        "INFO",
        "INF",
        "NOTICE",
        "WARN",
        "WARNING",
        "WRN",
        "ERROR",
        "ERR",
        "CRIT",
        "CRITICAL",
        "FATAL",
        "ALERT",
        "EMERG",
        "SEVERE",
        "PANIC",
    }
)


@dataclass(frozen=True)
class Head:
    """A line cut around its time stamp: who, when, and any message on the same line."""

    name: str | None
    date: str | None
    time: str
    text: str | None
    shape: tuple[str, str, bool]  # (order: "NT" | "TN" | "T", separator, bracketed)
    zone: str | None = None  # an offset written after the time ("UTC+09:00")


@lru_cache(maxsize=8192)
def starts_with_level(s: str) -> bool:
    """True when text starts with a log level word ("INFO", "[WARN]", "error:"), alone or after a logger
    channel the way Monolog (Laravel, Symfony) writes it ("production.ERROR:", "app.INFO:")."""
    first = (s.split(maxsplit=1)[0] if s.strip() else "").strip(":[]()")
    return first.upper() in _LEVELS or ("." in first and first.rsplit(".", 1)[1] in MONOLOG_LEVELS)


@lru_cache(maxsize=8192)
def _name_like(s: str) -> bool:
    s = _GUEST.sub("", _ROLE_TAG.sub("", s.strip().strip("*_")))
    if not s or len(s) > 48 or "://" in s or s[-1] in ".!?;":
        return False
    words = s.split()
    if starts_with_level(s):  # "INFO app.worker: ..." is a log line, not a speaker
        return False
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and not s[0].isdigit()


@lru_cache(maxsize=4096)
def _clean_name(s: str) -> tuple[str, bool]:
    s = s.strip().strip("*_")
    s = re.sub(r"^[@+%~&](?=\w)", "", s)  # IRC channel modes (op "@", voice "+") are not part of the nick
    bot = bool(_ROLE_TAG.search(s))
    return _GUEST.sub("", _ROLE_TAG.sub("", s)).strip(), bot


# Korean, Japanese and Chinese clients write the half of the day before the time ("오후 7:35", "午後3:05").
_MERIDIEM_FIRST = re.compile(
    r"(?P<m>오전|오후|午前|午後|上午|下午)\s*(?P<t>\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])"
)
_MORNING = ("오전", "午前", "上午")


def _meridiem_after(s: str) -> str:
    """ "오후 7:35" as "7:35 PM", the form the time patterns read."""
    return _MERIDIEM_FIRST.sub(lambda m: f"{m['t']} {'AM' if m['m'] in _MORNING else 'PM'}", s)


def cut(line: str) -> Head | None:
    """The line as a possible header (speaker/time/message), or None when it has no time stamp."""
    s = _meridiem_after(line.strip())
    if ":" not in s[:90]:
        return None  # no time stamp can start within reach (most message lines)
    m = _WHEN.search(s, 0, 90)
    if m is None or m.start() > 60:
        return None
    left, right = s[: m.start()], s[m.end() :]
    bracket = False
    if left.rstrip().endswith(("[", "(")) and right.lstrip().startswith(("]", ")")):
        left, right, bracket = left.rstrip()[:-1], right.lstrip()[1:], True
    date_s = m.group("date")
    zone = m.group("zone")
    if left.strip(_SEPS):
        name = left.rstrip(" \t—–-|,•·")
        if name.endswith(":") and not re.search(r":[\w+\-]+:$", name):
            name = name[:-1].rstrip()
        # The separator's punctuation is the layout ("—", "|", ","); runs of spaces all count as one.
        sep = "".join(ch for ch in left[len(name) :] if not ch.isspace()) or " "
        if not _name_like(name):
            return None
        rest = right.strip()
        if rest and not rest.startswith(":"):
            return None
        return Head(name, date_s, m.group("time"), rest[1:].strip() or None, ("NT", sep, bracket), zone)
    rest = right.lstrip(" \t—–-|,•·")
    lead = right[: len(right) - len(rest)].strip() or " "
    if not rest:
        return Head(None, date_s, m.group("time"), None, ("T", "", bracket), zone)
    if z := _ZOOM.match(rest):
        return Head(
            z.group("n").strip(),
            date_s,
            m.group("time"),
            z.group("text").strip() or None,
            ("TN", "From", bracket),
            zone,
        )
    if i := _INLINE.match(rest):
        name = i.group("n") or i.group("n2")
        if _name_like(name):
            return Head(
                name.strip(),
                date_s,
                m.group("time"),
                (i.group("text") or "").strip() or None,
                ("TN", lead + ":", bracket),
                zone,
            )
    if _name_like(rest) and (len(rest.split()) >= 2 or bracket):
        return Head(rest, date_s, m.group("time"), None, ("TN", lead, bracket), zone)
    return None


@dataclass
class Layout:
    """The header shapes a file uses, and whether a lone name line is followed by a time line."""

    shapes: frozenset[tuple[str, str, bool]]
    name_then_time: bool = False
    heads: int = 0
    day_first: bool = False
    order_open: bool = False  # numeric dates whose day/month order nothing in the file settles
    dated: bool = False  # speaker lines carry a full date ("2026-03-04 14:02:11\tbob\thi")


def learn(lines: Sequence[str]) -> Layout | None:
    """The layout of a chat paste from its first lines, or None when no speaker layout recurs."""
    sample = [ln for ln in lines[:600]]
    counts: Counter[tuple[str, str, bool]] = Counter()
    stamped = 0
    name_time = 0
    prev = ""
    dates: list[str] = []
    for ln in sample:
        s = ln.strip()
        if not s:
            continue
        h = cut(s)
        if h is not None:
            stamped += 1
            if h.shape[0] != "T":
                counts[h.shape] += 1
            elif _name_like(prev) and cut(prev) is None:
                name_time += 1
            if h.date:
                dates.append(h.date)
        prev = s
    if not counts and name_time < _MIN_HEADS:
        return None
    top = counts.most_common(1)[0][1] if counts else 0
    # A short chat (two messages) has fewer heads than _MIN_HEADS: then every stamped line must be one.
    need = _MIN_HEADS if stamped > _MIN_HEADS or top < stamped else max(2, top)
    keep = frozenset(sh for sh, c in counts.items() if c >= need and c >= 0.25 * top)
    heads = sum(counts[sh] for sh in keep)
    ntt = name_time >= _MIN_HEADS and name_time >= heads
    if ntt:
        keep, heads = frozenset(), name_time
    if heads < need or heads < 0.2 * stamped:
        return None
    order = _day_first(dates)
    return Layout(keep, ntt, heads, bool(order), order_open=order is None, dated=len(dates) >= 0.8 * stamped)


def _day_first(dates: list[str]) -> bool | None:
    """Numeric dates: day first when a first field exceeds 12 (or dots are used), month first when a
    second one does; None when nothing settles it ("07/04/2026" throughout: read month first, and the
    timeline may swap it to agree with the other sources)."""
    firsts: list[int] = []
    seconds: list[int] = []
    dots = 0
    swappable = False
    for d in dates:
        parts = re.split(r"[/.]", re.sub(rf"^{_WEEKDAY},?\s+", "", d))
        if len(parts) < 2 or len(parts[0]) == 4 or not all(p.isdigit() for p in parts):
            continue
        dots += "." in d
        firsts.append(int(parts[0]))
        seconds.append(int(parts[1]))
        swappable = swappable or parts[0] != parts[1]
    settled = day_first_from(firsts, seconds)
    if settled is not None:
        return settled
    if dots:
        return True
    return None if swappable else False


@lru_cache(maxsize=4096)
def _date_of(text: str | None, day_first: bool) -> date | None:
    if not text or text.lower() in ("today", "yesterday"):
        return None
    text = re.sub(rf"^{_WEEKDAY},?\s+", "", text)  # "Tue, 3/4/2026": the weekday adds nothing
    try:
        if m := re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", text):  # year first: always Y-M-D
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})", text):
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y = y + 2000 if y < 100 else y
            return date(y, b, a) if day_first else date(y, a, b)
        if m := re.fullmatch(r"([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text):
            return date(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        if m := re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]{2,8})\.? (\d{4})", text):
            return date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    except (ValueError, KeyError):
        return None
    return None


def _follow(c: tuple[int, int, int], last: tuple[int, int, int]) -> tuple[int, int, int]:
    """A 12-hour time without AM/PM: the reading that comes soonest after the previous time."""
    prev = last[0] * 3600 + last[1] * 60 + last[2]
    options = [((h * 3600 + c[1] * 60 + c[2] - prev) % 86400, h) for h in (c[0] % 12, c[0] % 12 + 12)]
    return min(options)[1], c[1], c[2]


@lru_cache(maxsize=64)
def _offset(zone: str | None) -> tzinfo | None:
    """The fixed offset a stamp's zone suffix states ("UTC+09:00", "+0200", "UTC"), or None."""
    z = normalize_zone(zone.replace("−", "-")) if zone else None
    if z == "UTC":
        return UTC
    if z and (m := re.fullmatch(r"([+-])(\d\d):(\d\d)", z)):
        minutes = int(m.group(2)) * 60 + int(m.group(3))
        return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    return None


@lru_cache(maxsize=4096)
def _clock(t: str) -> tuple[int, int, int] | None:
    m = re.match(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", t)
    if not m:
        return None
    ampm = re.search(r"([AaPp])\.?[Mm]\.?$", t)
    h = hour24(int(m.group(1)), ampm.group(1) if ampm else None)
    mi, s = int(m.group(2)), int(m.group(3) or 0)
    if h > 23 or mi > 59 or s > 59 or (ampm and not 1 <= int(m.group(1)) <= 12):
        return None
    return h, mi, s


@dataclass
class _Reader:
    name: str
    layout: Layout
    records: list[RawRecord] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    day: date | None = None
    day_attrs: dict[str, Any] = field(default_factory=dict)
    paste_day: date | None = None  # the day "Today" means, once absolute dates pin it
    last: tuple[date | None, tuple[int, int, int]] | None = None
    actor: str | None = None
    bot: bool = False
    lines: list[str] = field(default_factory=list)
    at: RawTime | None = None
    line_no: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    prev_name: str | None = None
    twelve_hour: bool = False

    def when(self, h: Head) -> RawTime | None:
        c = _clock(h.time)
        if c is None:
            return None
        if re.search(r"[AaPp]\.?[Mm]\.?$", h.time):
            self.twelve_hour = True
        elif self.twelve_hour and 1 <= c[0] <= 12 and self.last is not None:
            c = _follow(c, self.last[1])  # Slack's "1:27" under "1:14 PM" is PM
        d = _date_of(h.date, self.layout.day_first)
        label = (h.date or "").lower()
        if label in ("today", "yesterday"):
            off = 0 if label == "today" else -1
            last_day = self.last[0] if self.last is not None else None
            if self.paste_day is None and self.last is not None and last_day is not None:
                same = last_day if c >= self.last[1] else last_day + timedelta(days=1)
                self.paste_day = same - timedelta(days=off)
            if self.paste_day is not None:
                d = self.paste_day + timedelta(days=off)
            else:
                self.day_attrs = {"day_label": h.date, "day_offset": off}
        if d is None:
            d = self.day
        self.last = (d, c)
        if d is not None:
            return raw_time(datetime(d.year, d.month, d.day, *c, tzinfo=_offset(h.zone)))
        return time_of_day(*c)

    def flush(self) -> None:
        if self.at is None:
            return
        text = "\n".join(self.lines).strip()
        if text:
            attrs: dict[str, Any] = {"bot": self.bot or is_bot_name(self.actor), "subtype": None}
            attrs.update(self.day_attrs)
            attrs.update(self.extra)
            self.records.append(
                record(self.at, SourceKind.chat, text, self.name, self.line_no, actor=self.actor, attrs=attrs)
            )
        self.at, self.lines, self.extra = None, [], {}

    def start(self, when: RawTime, actor: str | None, text: str | None, n: int) -> None:
        self.flush()
        self.prev_name = None
        if actor is not None:
            self.actor, self.bot = _clean_name(actor)
        self.at, self.line_no = when, n
        self.lines = [text] if text else []

    def take_prev_name(self) -> str | None:
        """The lone name line just before a time line (name-then-time layouts), removed from the text."""
        name, self.prev_name = self.prev_name, None
        target = self.lines if self.at is not None else self.header
        if target and name is not None and target[-1].strip() == name:
            target.pop()
        return name

    def body(self, s: str) -> None:
        self.prev_name = s.strip() if self.layout.name_then_time and _name_like(s) else None
        if self.at is None:
            self.header.append(s.strip())
            return
        if _EDITED_LINE.match(s.strip()):
            self.extra["edited"] = True
            return
        if _REACTION.match(s.strip()) and any(ch.isdigit() for ch in s):
            self.extra.setdefault("reactions", []).append(s.strip())
            return
        if _EDITED_TAIL.search(s):
            self.extra["edited"] = True
            s = _EDITED_TAIL.sub("", s)
        self.lines.append(s.rstrip())


def parse_chat_layout(lines: Iterable[str], name: str, layout: Layout | None = None) -> ParsedSource:
    """Records from a chat paste whose layout is learned from its own lines."""
    all_lines = list(lines)
    lay = layout or learn(all_lines) or Layout(frozenset())
    rd = _Reader(name, lay)
    for n, line in enumerate(all_lines, start=1):
        s = line.strip()
        if not s:
            continue
        h = cut(s)
        if h is not None and (
            h.shape in lay.shapes or (h.shape[0] == "T" and (rd.actor or lay.name_then_time))
        ):
            when = rd.when(h)
            if when is not None:
                if h.shape[0] == "T" and lay.name_then_time and rd.prev_name is not None:
                    actor = rd.take_prev_name()
                    rd.start(when, actor, None, n)
                elif h.shape[0] == "T":
                    rd.start(when, rd.actor, None, n)  # a time alone: same speaker, new message
                else:
                    rd.start(when, h.name, h.text, n)
                continue
        notice = lay.dated and rd.at is not None and not line[:1].isspace()
        if notice and (h is None or h.shape not in lay.shapes) and (w := _WHEN.match(s)) and w.group("date"):
            # A dated line that is no speaker line ("2026-03-04 14:02:11  -->  bob has joined"): the
            # client's own notice, kept as a message of no one rather than glued to the last one.
            when = rd.when(Head(None, w.group("date"), w.group("time"), None, ("T", "", False)))
            if when is not None:
                rd.start(when, None, " ".join(s[w.end() :].split()), n)
                rd.actor, rd.bot = None, True
                continue
        if (m := _DIVIDER.match(s)) and len(s) < 48:
            rd.flush()
            rd.at = None
            _divider(rd, m)
            continue
        rd.body(line)
    rd.flush()
    warnings = []
    if len(rd.header) > 10:
        warnings.append(
            f"{len(rd.header)} lines before the first message were not read as messages "
            "(no speaker and time found on them)"
        )
    return ParsedSource(
        path=name,
        format="chat-layout",
        kind=SourceKind.chat,
        records=rd.records,
        warnings=warnings,
        stated_tz=stated_zone(all_lines),
        stated_date=_header_date(rd.header, lay.day_first),
        swappable_dates=lay.order_open,
    )


def _divider(rd: _Reader, m: re.Match[str]) -> None:
    label = m.group("label")
    day, month_day, offset = divider_day(m)
    if day is None and month_day and rd.day is not None:
        try:
            day = date(rd.day.year, int(month_day[:2]), int(month_day[3:]))
        except ValueError:
            day = None
    rd.day = day
    rd.day_attrs = {} if day else {"day_label": label}
    if month_day and day is None:
        rd.day_attrs["month_day"] = month_day
    if offset is not None:
        if rd.paste_day is not None:
            rd.day, rd.day_attrs = rd.paste_day + timedelta(days=offset), {}
        else:
            rd.day_attrs["day_offset"] = offset


def _header_date(header: list[str], day_first: bool) -> str | None:
    """A date the header states: ISO, or numeric ("am 10.02.2026") read with the file's date order."""
    iso = stated_date(header) if header else None
    if iso:
        return iso
    for ln in header[:8]:
        if m := re.search(r"\b(\d{1,2}[/.]\d{1,2}[/.]\d{4})\b", ln):
            d = _date_of(m.group(1), day_first or "." in m.group(1))
            if d:
                return d.isoformat()
    return None


# People talk to each other; programs report. Words of address and first/second person, a question,
# thanks or an emoji mark a message as talk in the languages our users write (en, de, es, pt, fr, nl;
# polite endings and thanks in ja, zh, ko);
# log messages almost never carry them ("Could not connect", "No such file" do not count).
_TALK = re.compile(
    r"(?:\?\s*$|[\U0001F300-\U0001FAFF\u2600-\u27BF]|:[a-z_+\-]+:|"
    r"\b(?-i:I)(?:'m|'ve|'ll|'d)?\s|"
    r"(?i:\b(?:me|my|our|we|we're|we've|you|you're|your|anyone|someone|anybody|let's|thanks|thank you|thx|lol|"
    r"ich|wir|du|ihr|jemand|danke|nosotros|alguien|gracias|você|vocês|nós|alguém|obrigad[oa]|"
    r"je|nous|vous|merci|jij|wij|bedankt)\b)|"
    # Japanese, Chinese and Korean talk: polite verb endings, greetings, thanks, a full-width question mark
    r"？|です|ます|ました|ません|でしょう|ください|お願い|ありがとう|すみません|おはよう|お疲れ|"
    r"吗|我们|谢谢|你们|습니다|해요|세요|감사)"
)


def talk_share(lines: Sequence[str], layout: Layout) -> float:
    """Share of the layout's same-line messages that read as talk between people (see ``_TALK``)."""
    texts = [h.text for ln in lines if (h := cut(ln)) is not None and h.shape in layout.shapes and h.text]
    return sum(1 for t in texts if _TALK.search(t)) / len(texts) if texts else 0.0


# A person's display name: two to four words, each a capital followed by small letters in any script
# ("Priya Nair", "Zoë van Dijk", "José da Silva"), the way chat clients show people.
_PERSON = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:\s+[^\W\d_][^\W\d_'’\-]*){1,3}$")


def _person_like(name: str) -> bool:
    words = _clean_name(name)[0].split()
    caps = sum(1 for w in words if w[0].isupper() and (w[1:].islower() or len(w) == 1))
    return bool(_PERSON.match(" ".join(words))) and caps >= 2


def people_share(lines: Sequence[str], layout: Layout) -> float:
    """Share of the layout's speaker lines whose speaker is a person's display name ("Priya Nair").

    Language-independent evidence of chat, where ``talk_share`` knows only some languages' words: a
    log's component column holds program names ("sshd[812]", "app.worker", "Thu,"), not people, and
    several different people speak in any incident channel.
    """
    names = [h.name for ln in lines if (h := cut(ln)) is not None and h.shape in layout.shapes and h.name]
    people = [n for n in names if _person_like(n)]
    if len({_clean_name(n)[0] for n in people}) < 2:
        return 0.0
    return len(people) / len(names) if names else 0.0


# IRC client logs (WeeChat's logger, "stamp<TAB>prefix<TAB>message"): the prefix column holds a nick with
# its channel mode ("@sanne", "+joris") or a notice arrow ("-->" join, "<--" quit, "--" topic/mode, "-!-",
# "=!=" error), which no log's component column is.
_IRC_PREFIX = re.compile(r"^(?:-->|<--|--|-!-|=!=|[@+%~&][A-Za-z_\[\]\\`^{}|][\w\-\[\]\\`^{}|]*)$")


def irc_prefixes(lines: Sequence[str]) -> int:
    """Lines whose tab-separated prefix column is an IRC nick with its mode or a notice arrow."""
    return sum(1 for ln in lines if len(cols := ln.split("\t")) >= 3 and _IRC_PREFIX.match(cols[1].strip()))


def looks_like_chat(lines: Sequence[str]) -> bool:
    """True when a speaker layout recurs in the lines (used by format detection)."""
    return learn(lines) is not None


__all__ = [
    "Head",
    "Layout",
    "cut",
    "irc_prefixes",
    "learn",
    "looks_like_chat",
    "parse_chat_layout",
    "people_share",
    "starts_with_level",
    "talk_share",
]
