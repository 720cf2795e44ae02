"""What the deterministic reading of one timeline holds (``Facts``), and the text cleaner its steps share.

``facts.analyse`` fills a ``Facts`` in; ``causes`` ranks the causes from it; the offline drafter
(``draft.offline``) and the prompt hints (``hints``) read it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from assistant.domain import Event, Timeline
from assistant.tone.sentences import split_sentences


@dataclass
class Facts:
    """What the offline drafter knows about one timeline."""

    timeline: Timeline
    usable: dict[str, Event] = field(default_factory=dict)  # not blameful, not injection
    scores: dict[str, float] = field(default_factory=dict)
    selected: list[str] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)
    causes: list[tuple[str, str]] = field(default_factory=list)
    ruled_out: list[tuple[str, str]] = field(default_factory=list)
    mitigation: list[tuple[str, str]] = field(default_factory=list)
    resolution: list[tuple[str, str]] = field(default_factory=list)
    lucky: list[tuple[str, str]] = field(default_factory=list)
    well: list[tuple[str, str]] = field(
        default_factory=list
    )  # what helped: the step that worked, the finding
    early_alerts: list[Event] = field(default_factory=list)
    severity: str = "unknown"
    services: list[str] = field(default_factory=list)
    trigger: Event | None = None  # the change that set the fault off, when the sources show one
    severity_basis: str = ""  # "stated" or how it was inferred (for the open questions)
    blameful: set[str] = field(default_factory=set)  # ids of lines left out because they blame people
    people: tuple[str, ...] = ()  # the participants, known to the tone check as persons


def clean(text: str, limit: int = 240) -> str:
    """One line, code fences and mention markup removed, cut at ``limit`` characters."""
    t = re.sub(r"```+", " ", text)
    t = re.sub(r"<@\w+>", "", t)
    t = re.sub(r"\s+", " ", t).strip(" -*•")
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + " …"


def sentence_pieces(text: str, *, ends: str = ".!?") -> list[str]:
    """``text`` cut where the one sentence splitter (``tone.sentences``) ends a sentence with one of ``ends``.

    A line break alone does not cut (a "numbers:" heading stays with its list), and list markers
    ("1) ...") and code stay in the piece they start, so cue patterns still see them.
    """
    end = re.compile(rf"[{re.escape(ends)}][\"')\]]*$")
    cuts = [0, *(s.end for s in split_sentences(text) if end.search(s.text)), len(text)]
    return [piece for a, b in itertools.pairwise(cuts) if (piece := text[a:b].strip())]


# "(run #5512, triggered by hao-lin)", "revision v3.18.0 by mateo.g": who pressed the button, in a bot's notice.
_BY_PERSON = re.compile(
    r",?\s*(?:\b(?:triggered|started|requested|initiated|approved|merged|deployed|pushed|committed)\s+)?"
    r"\bby\s+@?[A-Za-z][\w.\-]*[\w]",
    re.I,
)


def impersonal(text: str) -> str:
    """A bot's notice without the person who set it off: the timeline states what changed, not who."""
    return re.sub(r"\s{2,}", " ", _BY_PERSON.sub("", text)).strip()
