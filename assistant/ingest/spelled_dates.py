"""Dates written out in words, in any language: "Mittwoch, 11. Februar 2026 um 09:12:40",
"Wednesday, February 11, 2026 at 9:12:40 AM UTC", "mercredi 11 février 2026 à 09:12".

Exports localise their stamps (Google Takeout writes the account's language), so a hand-written
month table covers only the languages someone happened to see. ``dateparser`` carries the CLDR month
and weekday names and date orders of some 200 locales; we use it rather than grow our own tables.
It is slow on text that is no date (it tries every locale, about two seconds), so only strings
shaped like a full stamp reach it: a four-digit year, a time of day and a word. Once a stamp's
locale is found, the next stamps try that locale first (``try_previous_locales``), a few ms each.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

# A year, a clock time and a word of three letters or more (a month or weekday name), in any order.
_SHAPE = re.compile(
    r"(?=.*(?<!\d)(?:19|20)\d{2}(?!\d))(?=.*(?<!\d)\d{1,2}:\d{2}(?!\d))(?=.*[^\W\d_]{3})", re.S
)
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser  # imported on first use: 0.3 s, and most inputs need none

    return DateDataParser(
        try_previous_locales=True,
        settings={"REQUIRE_PARTS": ["day", "month", "year"]},  # aware only when the stamp names a zone
    )


@lru_cache(maxsize=4096)
def spelled_datetime(text: str) -> datetime | None:
    """The stamp a date written out in words states: aware when it names a zone, naive otherwise.

    None for text that is not a full stamp (no year, no time of day, or no date at all).
    """
    s = text.strip()
    if len(s) > 80 or not _SHAPE.match(s):
        return None
    with _LOCK:  # the parser remembers locales between calls
        found = _parser().get_date_data(s)
    value = found.date_obj if found is not None else None
    if not isinstance(value, datetime):
        return None
    offset = value.utcoffset()  # pytz's zone object as the standard library's fixed offset
    return value.replace(tzinfo=timezone(offset)) if offset is not None else value


__all__ = ["spelled_datetime"]
