"""E-mail threads between people: an mbox file, a saved ``.eml``, or messages pasted with their headers.

Each message becomes one note record at its ``Date:`` header (which carries the sender's offset), with the
sender's display name as actor and the subject plus the new part of the body as text (quoted replies,
``>`` lines and "On … wrote:" tails, are the earlier messages already read). Headers are parsed with the
standard library's ``email`` package (RFC 5322 dates, encoded words, multipart bodies), not by hand.
Notification mails from monitoring tools (Zabbix, Nagios) are read by ``alert_mail`` instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from email import message_from_string, policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from assistant.clock import format_offset
from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._records import raw_time, record

# An mbox separator ("From alice@example.org Mon Nov 30 09:12:41 2026") or a pasted message's first header.
_MBOX_FROM = re.compile(r"^From \S+ +\w{3} \w{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}")
_HEADER = re.compile(
    r"^(From|To|Cc|Date|Subject|Message-ID|In-Reply-To|References|Reply-To|MIME-Version):\s", re.I
)
_QUOTE_TAIL = re.compile(
    r"^(?:On .{4,120} wrote:|Am .{4,120} schrieb .{1,80}:|El .{4,120} escribió:|Em .{4,120} escreveu:|"
    r"Le .{4,120} a écrit ?:|Op .{4,120} schreef .{1,80}:|-----Original Message-----|_{10,})\s*$"
)
_RULE = re.compile(r"^\s*([=\-_*~#])\1{4,}\s*$")
_BODY_LIMIT = 600


def looks_like_email_thread(lines: Sequence[str]) -> bool:
    """An mbox, or a paste whose messages open with From/Date/Subject headers (at least one message)."""
    head = list(lines[:400])
    starts = sum(1 for ln in head if _MBOX_FROM.match(ln))
    dates = sum(1 for ln in head if ln.lower().startswith("date:"))
    froms = sum(1 for ln in head if ln.lower().startswith("from:"))
    subjects = sum(1 for ln in head if ln.lower().startswith("subject:"))
    if starts and dates:
        return True
    first = next((ln for ln in head if ln.strip()), "")
    return bool(_HEADER.match(first)) and dates >= 1 and froms >= 1 and subjects >= 1


def _chunks(lines: Sequence[str]) -> list[tuple[int, list[str]]]:
    """(1-based first line, lines) of each message: split at mbox separators, else at a From: header that
    follows a blank line or a rule ("=====", "-----") and is followed by a Date: header within a few lines."""
    mbox = [i for i, ln in enumerate(lines) if _MBOX_FROM.match(ln)]
    starts = mbox or [
        i
        for i, ln in enumerate(lines)
        if ln.lower().startswith("from:")
        and (i == 0 or not lines[i - 1].strip() or _RULE.match(lines[i - 1]))
        and any(x.lower().startswith("date:") for x in lines[i : i + 8])
    ]
    if not starts:
        return [(1, list(lines))]
    return [
        (s + 1, list(lines[s : (starts[k + 1] if k + 1 < len(starts) else len(lines))]))
        for k, s in enumerate(starts)
    ]


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    try:
        text = part.get_content() if part is not None else ""
    except (LookupError, ValueError):
        text = ""
    if part is not None and part.get_content_type() == "text/html":
        text = re.sub(r"<[^>]+>", " ", text)
    out: list[str] = []
    for ln in str(text).splitlines():
        if _QUOTE_TAIL.match(ln.strip()) or ln.strip() == "--":
            break  # the quoted earlier message or the signature
        if ln.lstrip().startswith(">") or _RULE.match(ln):
            continue  # a quoted line, or the rule between pasted messages
        if ln.strip():
            out.append(ln.strip())
    return " ".join(out)


def parse_email_thread(lines: Sequence[str], name: str) -> ParsedSource:
    """One note record per message, at its Date header; messages without a readable date are reported."""
    records: list[RawRecord] = []
    warnings: list[str] = []
    offsets: Counter[str] = Counter()
    for first, chunk in _chunks(lines):
        body_lines = chunk[1:] if _MBOX_FROM.match(chunk[0]) else chunk
        msg = message_from_string("\n".join(body_lines), policy=policy.default)
        raw_date = str(msg.get("Date") or "")
        try:
            when: datetime = parsedate_to_datetime(raw_date)
        except (TypeError, ValueError, IndexError):
            warnings.append(f"{name}:{first}: message without a readable Date header ({raw_date!r}); skipped")
            continue
        sender_name, sender_addr = parseaddr(str(msg.get("From") or ""))
        subject = str(msg.get("Subject") or "").strip()
        body = _body(msg)
        if len(body) > _BODY_LIMIT:
            body = body[:_BODY_LIMIT].rsplit(" ", 1)[0] + " …"
        text = f"{subject} — {body}" if subject and body else subject or body or "(empty message)"
        if when.tzinfo is not None:
            offsets[format_offset(when.utcoffset())] += 1
        records.append(
            record(
                raw_time(when, True),
                SourceKind.note,
                text,
                name,
                first,
                actor=sender_name or sender_addr or None,
                attrs={"email": True, "subject": subject or None},
            )
        )
    zone = offsets.most_common(1)[0][0] if offsets else None
    return ParsedSource(
        path=name,
        format="email",
        kind=SourceKind.note,
        records=records,
        warnings=warnings,
        stated_tz=zone,
    )


__all__ = ["looks_like_email_thread", "parse_email_thread"]
