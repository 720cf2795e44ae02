"""Chat transcripts as text: `[14:02] name: text`, IRC `<nick>` styles, Slack/Teams copy-paste.

Times are kept as written: a time-of-day stamp stays time-of-day (``has_date=False``) unless a
date is written on the line or a day divider ("--- Day changed Wed Mar 04 2026", "Monday,
March 4th, 2026") states it. Dividers without a year are passed on in attrs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, RawTime, SourceKind, is_bot_name
from assistant.ingest._records import raw_time, record, time_of_day
from assistant.ingest._tz import MONTHS, hour24, stated_date, stated_zone
from assistant.vocabulary import RELATIVE_DAY, RELATIVE_DAYS

_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_DATED = re.compile(rf"^\[?(?P<d>\d{{4}}-\d{{2}}-\d{{2}})[ T](?P<t>{_T})\]?\s+(?P<rest>\S.*)$")
_BRACKET = re.compile(rf"^\[(?P<t>{_T})\]\s*(?P<rest>.*)$")
_BARE_IRC = re.compile(r"^(?P<t>\d{1,2}:\d{2}(?::\d{2})?)\s+(?P<rest>(?:<|-!-|\*|-->|<--).*)$")
_PASTE_HEAD = re.compile(
    rf"^(?P<name>[^\s\d\[\]<>:#\-*][^\[\]<>:]{{0,60}}?)(?:\s{{2,}}|\t|,\s*|\s+(?=\[))\[?(?P<t>{_T})\]?\s*$"
)
_PASTE_HEAD_AMPM = re.compile(
    r"^(?P<name>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}) (?P<t>\d{1,2}:\d{2}\s?[AaPp][Mm])\s*$"
)
_ALONE_TIME = re.compile(rf"^\[?(?P<t>{_T})\]?\s*$")
_NICK = re.compile(r"^<\s*[@+%~&]?(?P<n>[^>\s]+)>\s?(?P<text>.*)$")
_COLON = re.compile(r"^(?P<n>[^\s:<>][^:<>]{0,60}?):\s(?P<text>.*)$|^(?P<n2>[^\s:<>][^:<>\s]{0,60}):$")
_JOIN = re.compile(
    r"^(?:-!-|\*{1,3}|-->)?\s*(?P<n>[^\s\[]+)(?:\s+\[[^\]]*\])?\s+(?:has\s+)?(?:joined|left|quit)\b.*$",
    re.IGNORECASE,
)
_ACTION = re.compile(r"^\*\s+(?P<n>\S+)\s+(?P<text>.+)$")
_TEAMS_NAME = re.compile(r"^[A-Z][\w.'\-]*(?: [A-Za-z][\w.'\-]*){0,4}$")
_DAY_CHANGED = re.compile(r"^-{2,3}\s*(?:Day changed|Log opened)\s+\w{3}\s+(?P<rest>.*)$", re.IGNORECASE)
# A day divider: "Today", "Hoy", "今日"; "Tuesday, March 3rd"; "2026年10月20日（火）", "10월 14일 화요일".
_CJK_DAY = (
    r"(?:(?P<cy>\d{4})\s*[年년]\s*)?(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]"
    r"\s*(?:[(（]\s*\w{1,3}\s*[)）]|\w{1,3}요일|星期\w|\w曜日)?"
)
# A numeric date alone on a line, as LINE and other clients divide days: "2026/05/19（二）",
# "2026.05.19 Tuesday", "Tue, 05/19/2026", "19.05.2026". Year first, or year last (dots: day first).
_WEEKDAY_WORD = r"(?:[(（]\s*\w{1,9}\.?\s*[)）]|,?\s*[A-Za-z]{3,9}\.?)"
_NUM_DAY = (
    rf"(?:(?P<ny>\d{{4}})(?P<ns>[/.\-])(?P<nm>\d{{1,2}})(?P=ns)(?P<nd>\d{{1,2}})\s*{_WEEKDAY_WORD}?|"
    rf"(?:[A-Za-z]{{3,9}}\.?,?\s+)?(?P<n1>\d{{1,2}})(?P<ns2>[/.])(?P<n2>\d{{1,2}})(?P=ns2)(?P<n3>\d{{4}})"
    rf"\s*{_WEEKDAY_WORD}?)"
)
_DIVIDER = re.compile(
    rf"^[\s\-—=_*#]*(?P<label>(?i:{RELATIVE_DAY})|{_CJK_DAY}|{_NUM_DAY}|"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
    r"(?:(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?)|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[\s\-—=_*]*$"
)
_MDY = re.compile(r"(?P<mon>[A-Za-z]{3})\w*\s+(?P<day>\d{1,2})(?:\s+\d{2}:\d{2}:\d{2})?\s+(?P<year>\d{4})")


def _clock(t: str) -> tuple[int, int, int] | None:
    ampm = None
    m = re.match(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp])?", t)
    if not m:
        return None
    if m.group(4):
        ampm = m.group(4)
    h, mi, s = hour24(int(m.group(1)), ampm), int(m.group(2)), int(m.group(3) or 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _follow(c: tuple[int, int, int], last: tuple[int, int, int] | None) -> tuple[int, int, int]:
    """A 12-hour time without AM/PM: the reading that comes soonest after the previous time."""
    if last is None:
        return c
    prev = last[0] * 3600 + last[1] * 60 + last[2]
    options = [((h * 3600 + c[1] * 60 + c[2] - prev) % 86400, h) for h in (c[0] % 12, c[0] % 12 + 12)]
    return min(options)[1], c[1], c[2]


def _divider_date(mon: str | None, day: str | None, year: str | None) -> tuple[date | None, str | None]:
    if not mon or not day:
        return None, None
    mo = int(mon) if mon.isdigit() else MONTHS.get(mon[:3].lower())
    if not mo:
        return None, None
    if year:
        try:
            return date(int(year), mo, int(day)), None
        except ValueError:
            return None, None
    return None, f"{mo:02d}-{int(day):02d}"


def divider_day(m: re.Match[str]) -> tuple[date | None, str | None, int | None]:
    """What a day divider says: (date, "MM-DD" when it has no year, days from the copy's day for "Today")."""
    if m.group("cm"):
        day, month_day = _divider_date(m.group("cm"), m.group("cd"), m.group("cy"))
    elif m.group("ny"):
        day, month_day = _divider_date(m.group("nm"), m.group("nd"), m.group("ny"))
    elif m.group("n1"):
        first, second = int(m.group("n1")), int(m.group("n2"))
        day_first = first > 12 or (m.group("ns2") == "." and second <= 12)
        mon, dd = (m.group("n2"), m.group("n1")) if day_first else (m.group("n1"), m.group("n2"))
        day, month_day = _divider_date(mon, dd, m.group("n3"))
    else:
        day, month_day = _divider_date(m.group("mon"), m.group("day"), m.group("year"))
    return day, month_day, RELATIVE_DAYS.get(m.group("label").strip().lower())


class _State:
    def __init__(self, name: str) -> None:
        self.name = name
        self.records: list[RawRecord] = []
        self.header: list[str] = []
        self.day: date | None = None
        self.day_attrs: dict[str, Any] = {}
        self.cur: RawRecord | None = None
        self.cur_lines: list[str] = []
        self.pending_actor: tuple[str, int] | None = None  # Teams/Slack paste header awaiting text
        self.pending_time: RawTime | None = None
        self.styles: dict[str, int] = {}
        self.twelve_hour = False  # the paste shows AM/PM: bare "11:58" continues the same half-day
        self.last: tuple[int, int, int] | None = None

    def time(self, t: str, d: str | None) -> RawTime | None:
        c = _clock(t)
        if c is None:
            return None
        if re.search(r"[AaPp]\.?[Mm]\.?\s*$", t):
            self.twelve_hour = True
        elif self.twelve_hour and 1 <= c[0] <= 12:
            c = _follow(c, self.last)
        self.last = c
        if d:
            try:
                day = date.fromisoformat(d)
            except ValueError:
                return None
            return raw_time(datetime(day.year, day.month, day.day, *c))
        if self.day is not None:
            return raw_time(datetime(self.day.year, self.day.month, self.day.day, *c))
        return time_of_day(*c)

    def flush(self) -> None:
        if self.cur is not None and self.cur_lines:
            self.cur.__dict__["text"] = "\n".join([self.cur.text, *self.cur_lines]).strip()
        self.cur, self.cur_lines = None, []

    def add(self, when: RawTime, actor: str | None, text: str, line: int, style: str, **extra: Any) -> None:
        self.flush()
        self.styles[style] = self.styles.get(style, 0) + 1
        attrs: dict[str, Any] = {"bot": is_bot_name(actor), "subtype": extra.pop("subtype", None)}
        attrs.update(self.day_attrs)
        attrs.update(extra)
        self.cur = record(when, SourceKind.chat, text, self.name, line, actor=actor, attrs=attrs)
        self.records.append(self.cur)


def _message(st: _State, when: RawTime, rest: str, line: int, style: str) -> bool:
    """Handle the part after a timestamp; False when it is not a chat line."""
    if m := _NICK.match(rest):
        st.add(when, m.group("n"), m.group("text"), line, "irc")
        return True
    if m := _JOIN.match(rest):
        st.add(when, m.group("n"), f"{m.group('n')} joined the channel", line, style, subtype="channel_join")
        return True
    if m := _ACTION.match(rest):
        st.add(when, m.group("n"), m.group("text"), line, "irc", subtype="me_message")
        return True
    if rest.startswith("-!-"):
        st.add(when, None, rest[3:].strip(), line, "irc", subtype="irc_notice")
        return True
    if m := _COLON.match(rest):
        st.add(when, m.group("n") or m.group("n2"), m.group("text") or "", line, style)
        return True
    if _TEAMS_NAME.match(rest.strip()):
        # Teams "[10:26 AM] Full Name": the message is on the following lines.
        st.add(when, rest.strip(), "", line, "paste")
        return True
    st.add(when, None, rest, line, style)
    return True


def parse_chat(lines: Iterable[str], name: str) -> ParsedSource:
    """Records from a chat transcript pasted or exported as text."""
    st = _State(name)
    all_text: list[str] = []
    for n, line in enumerate(lines, start=1):
        all_text.append(line)
        s = line.strip()
        if not s or _timed_line(st, s, n) or _day_line(st, s):
            continue
        if st.cur is not None:
            st.cur_lines.append(line.rstrip())
        else:
            st.header.append(s)
    st.flush()
    records = [r for r in st.records if r.text or r.attrs.get("subtype")]
    style = max(st.styles, key=lambda k: st.styles[k]) if st.styles else "bracket"
    fmt = {"irc": "chat-irc", "dated": "chat-irc", "bracket": "chat-bracket", "paste": "chat-paste"}[style]
    warnings = []
    if len(records) < len(st.records):
        warnings.append(f"{len(st.records) - len(records)} empty messages skipped")
    return ParsedSource(
        path=name,
        format=fmt,
        kind=SourceKind.chat,
        records=records,
        stated_tz=stated_zone(all_text),
        stated_date=stated_date(st.header) if st.header else None,
        warnings=warnings,
    )


def _timed_line(st: _State, s: str, n: int) -> bool:
    """Start a message when the stripped line ``s`` opens with a time in one of the chat layouts."""
    if m := _DATED.match(s):
        when = st.time(m.group("t"), m.group("d"))
        if when is not None and _message(st, when, m.group("rest"), n, "dated"):
            return True
    if m := _BRACKET.match(s):
        when = st.time(m.group("t"), None)
        if when is not None:
            if m.group("rest").strip():
                _message(st, when, m.group("rest"), n, "bracket")
            elif st.cur is not None:  # "[10:27 AM]" alone: same author, new message
                st.add(when, st.cur.actor, "", n, "paste")
            return True
    if m := _BARE_IRC.match(s):
        when = st.time(m.group("t"), None)
        if when is not None and _message(st, when, m.group("rest"), n, "irc"):
            return True
    if m := (_PASTE_HEAD.match(s) or _PASTE_HEAD_AMPM.match(s)):
        when = st.time(m.group("t"), None)
        if when is not None and len(m.group("name").split()) <= 5:
            st.add(when, m.group("name").strip(), "", n, "paste")
            return True
    if (m := _ALONE_TIME.match(s)) and st.cur is not None:
        when = st.time(m.group("t"), None)
        if when is not None:
            st.add(when, st.cur.actor, "", n, "paste")
            return True
    return False


def _day_line(st: _State, s: str) -> bool:
    """Change the current day on an IRC "day changed" line or a date divider."""
    if m := _DAY_CHANGED.match(s):
        mm = _MDY.search(m.group("rest"))
        if mm:
            st.day, _ = _divider_date(mm.group("mon"), mm.group("day"), mm.group("year"))
            st.day_attrs = {}
        return True
    if m := _DIVIDER.match(s):
        _on_divider(st, m)
        return True
    return False


def _on_divider(st: _State, m: re.Match[str]) -> None:
    label = m.group("label")
    day, month_day, offset = divider_day(m)
    st.flush()
    st.day = day
    st.day_attrs = {} if day else {"day_label": label}
    if month_day:
        st.day_attrs["month_day"] = month_day
    if offset is not None:
        st.day_attrs["day_offset"] = offset
