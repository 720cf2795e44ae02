"""The cheap, language-spanning cues the role classifier reads beside the sentence embedding.

These are features, not rules: each is one column the trained weights scale. all-MiniLM-L6-v2 is
an English model, so a handful of cue words in German, Spanish, Portuguese and Japanese keep the
other languages from falling to "chatter" (the embedding of a Japanese sentence is mostly noise).
"""

from __future__ import annotations

import re

from assistant.vocabulary import DONE_CUE, FIGURE_CUE, HEDGE_CUE, RECOVERY_CUE

_F = re.IGNORECASE
_QUESTION = re.compile(r"\?|？|\bwhat if\b|でしょうか|かな", _F)
_NEGATION = re.compile(
    r"\b(not|isn'?t|wasn'?t|no|nope|ruled out|excluded?|unrelated|red herring|nicht|kein\w*|ausschließen|"
    r"descartad\w*|descartamos|nada que ver|não|nao|descart\w*)\b|ではありません|ではない|関係ない",
    _F,
)
_CAUSE = re.compile(
    r"\b(root cause|caused by|because|due to|turns out|found it|the cause|that'?s why|so that'?s|the problem is|"
    r"ursache|deshalb|weil|gefunden|la causa|por eso|el problema es|encontr\w*|a causa|o problema é|achei|"
    r"porque)\b|原因",
    _F,
)
_OBLIGATION = re.compile(
    r"\b(should|must|need to|we need|action items?|todo|follow[- ]?ups?|going forward|make sure|sollten|müssen|"
    r"tenemos que|hay que|acción|pendiente|precisamos|temos que|ação)\b|^\s*(-\s*)?\[ \]|^\s*AI:|必要|対応事項",
    _F,
)
_AGAIN = re.compile(
    r"\b(again|back|reopen\w*|still|wieder|otra vez|de nuevo|volvi\w*|vuelv\w*|reabr\w*|de novo|voltar\w*|"
    r"voltou a)\b|また|再発|再び",
    _F,
)
_ALERTISH = re.compile(
    r"^\W*\[?(FIRING|RESOLVED|ALERT\w*|OK|PROBLEM|RECOVERY|TRIGGERED|WARNING|CRITICAL)\b|"
    r"\b(alarm|monitor (triggered|recovered)|changed state)\b",
    _F,
)
_WORSE = re.compile(
    r"\b(rising|rises|climbing|spik\w*|jump\w*|through the roof|growing|grows|pegged|crash\w*|fail\w*|"
    r"timeouts?|timing out|steigt|Decke|sube|subió|crece|subiu|cresce|falhando)\b|上昇|多発|溜まり|超えて",
    _F,
)

# "again" after customer-facing failure (impact returning) versus after a component's churn.
_IMPACT_AGAIN = re.compile(
    r"\b(fail\w*|erroring|errors?|down|broken|timing out|5\d\d\w*|unavailable|degraded)\s+again\b|"
    r"\b(errors?|failures?|impact)\s+(are|is)\s+back\b",
    _F,
)
_CHURN_AGAIN = re.compile(r"\b(crash\w*|restart\w*|oom\w*|evict\w*|flapp\w*)\s+again\b", _F)

FEATURE_NAMES: tuple[str, ...] = (
    "question",
    "hedge",
    "negation",
    "cause",
    "figure",
    "obligation",
    "again",
    "alertish",
    "done_state",
    "short",
    "better",
    "worse",
    "impact_again",
    "churn_again",
)


def looks_like_alert(text: str) -> bool:
    """The text opens like an alert notification ("[FIRING]", "RESOLVED (High): …", "monitor recovered")."""
    return bool(_ALERTISH.search(text))


def says_done(text: str) -> bool:
    """The text uses a closing word ("resolved", "geschlossen", "encerrado", "解決"): one cue, not a verdict."""
    return bool(DONE_CUE.search(text))


def cues(text: str) -> list[float]:
    """The cue columns, in FEATURE_NAMES order (0/1 each)."""
    return [
        float(bool(_QUESTION.search(text))),
        float(bool(HEDGE_CUE.search(text))),
        float(bool(_NEGATION.search(text))),
        float(bool(_CAUSE.search(text))),
        float(bool(FIGURE_CUE.search(text))),
        float(bool(_OBLIGATION.search(text))),
        float(bool(_AGAIN.search(text))),
        float(bool(_ALERTISH.search(text))),
        float(bool(DONE_CUE.search(text))),
        float(len(text.split()) <= 3 and len(text) < 25),
        float(bool(RECOVERY_CUE.search(text))),
        float(bool(_WORSE.search(text))),
        float(bool(_IMPACT_AGAIN.search(text))),
        float(bool(_CHURN_AGAIN.search(text))),
    ]
