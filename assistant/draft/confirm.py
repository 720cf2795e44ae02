"""Which explanations responders confirmed: someone else agreed soon after, or a fix on its subject followed.

A finding that others agree with ("matches what I see", "confirmed", "that's it", "genau", "eso es")
or that a mitigation or change on the same subject follows is what the responders established; an
explanation nobody took up is a hypothesis. The agreement words are cues, read only at the opening of
a short reply; the fix that followed is read from event roles.
"""

from __future__ import annotations

import re
from datetime import timedelta

from assistant.domain import Event, Timeline, is_bot
from assistant.roles import role_of

_AGREE = re.compile(
    r"^\W*(?:yes|yep|yup|yeah|exactly|confirmed|confirm(?:ing)?|agreed?|correct|indeed|bingo|nailed it|"
    r"good (?:catch|find)|nice (?:catch|find)|that'?s it|that'?s the one|that explains|makes sense|"
    r"(?:this |that )?matches|same here|can confirm|\+1|genau|stimmt|bestätigt|richtig|das war'?s|"
    r"exacto|confirmado|eso es|correcto|tiene sentido|isso(?: mesmo)?|exato|faz sentido|"
    r"c'?est ça|exactement|confirmé|klopt|bevestigd|その通り|確認しました|確かに|なるほど)\b",
    re.IGNORECASE,
)
_REPLY_WINDOW = timedelta(minutes=15)
_REPLIES = 3  # an agreement further down the channel answers someone else
_FIX_WINDOW = timedelta(minutes=45)
_FIX_ROLES = frozenset(("mitigation", "change"))
_WORD = re.compile(r"[a-z][a-z0-9_.\-]{3,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def confirmed_ids(tl: Timeline, candidates: list[Event]) -> set[str]:
    """Ids of the candidate chat or notes lines that a later agreement or fix on the same subject confirms."""
    people = sorted((e for e in tl.events if e.source.value in ("chat", "note")), key=lambda e: e.time)
    out: set[str] = set()
    for c in candidates:
        words = _words(c.text)
        replies = 0
        for later in people:
            if later.time < c.time or later.id == c.id:
                continue
            replies += 1
            gap = later.time - c.time
            if gap > _FIX_WINDOW:
                break
            if (
                replies <= _REPLIES
                and gap <= _REPLY_WINDOW
                and later.actor != c.actor
                and not is_bot(later)
                and len(later.text.split()) <= 25
                and _AGREE.search(later.text)
            ):
                out.add(c.id)
                break
            if role_of(tl, later.id) in _FIX_ROLES and len(words & _words(later.text)) >= 2:
                out.add(c.id)  # a step on the same subject followed: the responders acted on it
                break
    return out
