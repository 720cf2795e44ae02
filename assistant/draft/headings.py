"""What a notes or ticket section is about, from its heading or a line's leading label, in several languages.

Responders write the mechanism under "Root cause" ("Ursache", "Causa raíz", "原因"), discarded ideas
under "Ruled out" and conditions under "Contributing factors". The ingesters keep the heading a line
sits under (``attrs["heading"]``); a line may also open with the label itself ("RCA: ...",
"Causa: ..."). This module owns that heading vocabulary; the offline drafter reads sections from it.
Covered: English, German, Spanish, Portuguese, French, Dutch, Japanese. Other languages fall back to
the role classifier.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.domain import Event

Section = Literal["cause", "factors", "ruled_out"]

_F = re.IGNORECASE
# Ordered: "contributing causes" is factors, "not the cause" is ruled out, before the plain "cause".
_SECTIONS: tuple[tuple[Section, re.Pattern[str]], ...] = (
    (
        "ruled_out",
        re.compile(
            r"\b(ruled[- ]out|red herrings?|not the cause|dead ends?|discarded|excluded|ausgeschlossen|"
            r"descartad[oa]s?|hip[óo]teses descartadas|exclu(?:e|ída)s?|écart[ée]s?|uitgesloten)\b|除外|否定",
            _F,
        ),
    ),
    (
        "factors",
        re.compile(
            r"\b(contribut\w+|factors?|conditions|why it lasted|why (?:it )?took so long|aggravat\w+|"
            r"begünstig\w+|beitragend\w*|faktoren|factores|fatores|contribuy\w+|contribu[ií]\w+|"
            r"facteurs?|bijdragend\w*)\b|要因|背景",
            _F,
        ),
    ),
    (
        "cause",
        re.compile(
            r"\b(root[- ]?causes?|causes?|rca|cause analysis|what (?:went wrong|happened technically)|"
            r"why it happened|mechanism|technical (?:cause|details|summary)|diagnosis|"
            r"ursachen?|grundursache|fehlerursache|causas?(?: ra[ií]z| principal)?|causa-raiz|"
            r"cause racine|oorza(?:ak|ken)|grondoorzaak)\b|根本原因|原因",
            _F,
        ),
    ),
)
_ROOT = re.compile(r"\b(root|rca|grund|ra[ií]z|racine)|根本", _F)
# A line opening with the label: "Root cause: ...", "RCA - ...", "Ursache: ...", "原因：...".
_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?(?:\*\*)?(?P<label>[^:：\-–—]{2,40}?)(?:\*\*)?\s*[:：–—-]\s+(?=\S)")


def section_of(heading: str) -> Section | None:
    """The kind of section a heading names ("4. Root cause" -> "cause"), or None."""
    h = heading.strip().strip("#*:：").strip()
    if not h or len(h.split()) > 8:
        return None
    kinds = [kind for kind, rx in _SECTIONS if rx.search(h)]
    if "ruled_out" in kinds:
        return "ruled_out"
    # "Root cause and contributing factors" leads with the mechanism; "Contributing causes" are factors.
    if "cause" in kinds and "factors" in kinds:
        return "cause" if _ROOT.search(h) else "factors"
    return kinds[0] if kinds else None


def labelled(text: str) -> tuple[Section, str] | None:
    """A line that opens with a section label ("Root cause: X") as (kind, the rest), else None."""
    m = _LABEL.match(text)
    if m is None:
        return None
    kind = section_of(m.group("label"))
    rest = text[m.end() :].strip()
    return (kind, rest) if kind is not None and len(rest) >= 15 else None


def event_section(e: Event) -> Section | None:
    """The section a notes or ticket line belongs to: its heading's kind, or its own leading label's."""
    if e.source.value not in ("note", "chat"):
        return None
    heading = e.attrs.get("heading")
    if e.source.value == "note" and isinstance(heading, str):
        kind = section_of(heading)
        if kind is not None:
            return kind
    found = labelled(e.text)
    return found[0] if found else None
