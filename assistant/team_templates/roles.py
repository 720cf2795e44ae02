"""Which event roles a free section of a team's template can be written from, by meaning.

A free section ("Leadup", "Fault", "Backlog check") has no drafter of its own. Offline, it is filled
with the events whose role (``assistant.roles``) fits its heading and guidance: both are embedded with
the offline MiniLM model and compared with a short description of each role. Roles at least
``THRESHOLD`` similar and within ``BAND`` of the best are used; none when nothing is that close, and
the section then says plainly that it is to be written.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant.domain import ROLE_NAMES

# Chatter is never material for a section.
ROLE_MEANINGS: dict[str, str] = {
    "symptom": "symptoms: errors, failures and degraded behaviour seen in the systems",
    "alert_firing": "alerts that fired and pages that were sent",
    "alert_resolved": "alerts that cleared",
    "report": "reports from customers or colleagues that something was wrong",
    "hypothesis": "hypotheses the responders considered while investigating the cause",
    "ruled_out": "hypotheses that were checked and ruled out",
    "finding": "findings of the investigation: what was found to be wrong and why it failed",
    "change": "changes made before the incident: deploys, configuration changes, migrations, upgrades",
    "mitigation": "steps responders took to mitigate and reduce the impact",
    "recovery": "signs that the service recovered",
    "relapse": "the failure coming back after it seemed fixed",
    "false_recovery": "an apparent recovery that did not last",
    "resolution": "the incident being resolved and closed",
    "impact": "statements of the impact on customers and users",
    "action_item": "follow-up work proposed for later, tasks and tickets",
}
# Measured on the 12 free headings of the built-in templates plus a few of our own (with their
# guidance): at 0.40 / 0.05 five get roles that fit (External: report, impact; Fault: relapse,
# symptom; Five whys: hypothesis; Responders: mitigation), three get none and are "to be written",
# three get a poor fit (What happened: resolution; Backlog check: relapse, ruled_out; Cost:
# resolution). Weak: a reviewer reads these as cited source lines, and the section says which roles.
THRESHOLD = 0.40
BAND = 0.05
MAX_ROLES = 3


@lru_cache(maxsize=1)
def _role_vectors() -> tuple[Any, list[str]]:
    from assistant.retrieval.minilm import MiniLMEmbedder

    names = [r for r in ROLE_NAMES if r in ROLE_MEANINGS]
    return MiniLMEmbedder.for_queries().embed([ROLE_MEANINGS[r] for r in names]), names


def roles_for(heading: str, guidance: str = "") -> list[tuple[str, float]]:
    """The roles (best first, with similarity) whose events can fill a section with this heading."""
    from assistant.retrieval.minilm import MiniLMEmbedder

    vectors, names = _role_vectors()
    text = f"{heading}: {guidance}" if guidance else heading
    sims = (MiniLMEmbedder.for_queries().embed([text]) @ vectors.T)[0]
    ranked = sorted(((float(s), r) for s, r in zip(sims, names, strict=True)), reverse=True)
    best = ranked[0][0]
    return [(r, round(s, 3)) for s, r in ranked[:MAX_ROLES] if s >= THRESHOLD and s >= best - BAND]
