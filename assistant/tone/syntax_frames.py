"""More blame constructions read from the dependency parse, and the target of a flagged sentence.

``syntax.py`` finds the agent of a cause or a fault; this module adds constructions where the blame
sits in what is done *to* a person or in how their act is framed, each decided by the parse:

- a sanction aimed at a person: a sanction verb (revoke, suspend, strip, dock, fire …) whose patient
  is a person or a person's privilege ("her deploy rights are suspended", "access for the engineer
  was revoked"), or an employment sanction noun as an outcome ("will result in termination");
- a closing remark on a person's act ("Paulo set the retention to 1h, end of story");
- a habit ("the berlin team keeps deploying on fridays": keep + a verb in -ing with a person or
  team as subject);
- minimising: a low-status or any-one subject who "could have" found or fixed it ("a first-year
  student could have found this"), or a tiny effort as the subject of a counterfactual ("one glance
  at the diff would have shown it");
- a cause label followed by a person's work ("root cause -> Bea's config push") and a harm noun
  whose attribute is a person or team ("every incident this month has been the platform team");
- a harm as the product of a person's act ("a direct consequence of Priya's failure to …", "the
  regression came in with Lars's refactor") and a person's act followed by the harm it caused ("…
  flushed by Mateo at 10:14, causing the stampede").

``targets`` names the person or team a flagged sentence is about, so a sentence flagged for one
reason ("formal warning for the on-call eng") also carries the person/team category.

Decisions come from dependency relations and spaCy lemmas; the word classes below are features
(which verbs sanction, which nouns are privileges), never whole phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.tone.lexicon import PRODUCT_NAMES
from assistant.tone.rules import QUOTED

Kind = Callable[[Any], "str | None"]
# (category, start, end, why) with offsets relative to the sentence
Found = tuple[str, int, int, str]

_SANCTION_VERBS = frozenset(
    {"revoke", "suspend", "strip", "dock", "remove", "fire", "demote", "ban", "bar", "terminate", "pull"}
)
_PRIVILEGES = frozenset(
    {"access", "right", "privilege", "permission", "bonus", "pay", "salary", "badge", "key", "role"}
)
_PEOPLE_PRIVILEGES = frozenset({"right", "privilege", "bonus", "pay", "salary"})  # need no stated owner
_SANCTION_NOUNS = frozenset({"termination", "dismissal", "demotion", "firing"})
_PRONOUN_PEOPLE = frozenset({"his", "her", "him", "he", "she"})
_CLOSERS = (
    "end of story",
    "end of discussion",
    "that's the whole story",
    "that is the whole story",
    "simple as that",
    "plain and simple",
    "case closed",
    "nothing more to say",
    "full stop",
)
_FINDING_VERBS = frozenset(
    {"find", "fix", "spot", "notice", "catch", "see", "solve", "avoid", "prevent", "debug"}
)
# "make"/"do" minimise only with a repair as their object ("a fix any engineer could have made");
# "anyone could have made this mistake" says the opposite.
_DO_VERBS = frozenset({"make", "do"})
_REPAIRS = frozenset({"fix", "rollback", "revert", "restart", "change", "check"})
_LOW_STATUS = frozenset(
    {"student", "intern", "junior", "child", "kid", "newbie", "beginner", "trainee", "monkey", "grad"}
)
_ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody"})
_EFFORT_NOUNS = frozenset({"glance", "look", "peek", "click", "grep", "google", "search", "keystroke"})
_SHOW_VERBS = frozenset({"show", "reveal", "find", "catch", "prevent", "avoid", "tell", "surface", "save"})
_CAUSE_LABELS = frozenset({"cause", "trigger", "culprit", "reason", "rca", "why"})
_HARM = frozenset({"outage", "incident", "breakage", "failure", "page", "sev", "sev1", "problem"})
_SEPARATOR = re.compile(r"\s*(?:->|=>|→|:|=|—|-)\s*")

_SANCTION_WHY = "calls for a sanction against a person; ask what would make the system safer"
_CLOSER_WHY = "closes the inquiry on a person's act; describe the conditions that allowed it"
_HABIT_WHY = "presents a person's or team's habit as the cause; describe what the process allows"
_MINIMISE_WHY = "treats finding or fixing it as trivial; describe why it was hard to see at the time"
_PERSON_WHY = "presents a person as the cause; describe the action and the conditions around it"
_TEAM_WHY = "presents a team as the cause; describe the conditions around the change"


def _lemma(tok: Any) -> str:
    return str(tok.lemma_ or tok.text).lower()


def _span(tokens: list[Any]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return int(first.idx), int(last.idx + len(last.text))


def _owner_is_person(tok: Any, kind: Kind) -> bool:
    """``tok`` (a privilege) belongs to a person: "her access", "the engineer's rights", "access for X"."""
    for c in tok.children:
        if c.dep_ == "poss" and (c.lower_ in _PRONOUN_PEOPLE or kind(c) == "person"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("for", "of", "from")
            and any(g.dep_ == "pobj" and kind(g) == "person" for g in c.children)
        ):
            return True
        # "access for whoever ran the script": a free relative names the person by their act
        if c.dep_ == "prep" and any(
            g.dep_ == "pcomp" and any(w.dep_ == "nsubj" and w.lower_ in _WHOEVER for w in g.children)
            for g in c.children
        ):
            return True
    return False


_WHOEVER = frozenset({"whoever", "whomever"})
_MEASURES = frozenset({"action", "measure", "step", "consequence", "sanction", "discipline", "proceeding"})
_STAFF = frozenset(
    {"employee", "staff", "engineer", "person", "people", "individual", "developer", "operator"}
)


def _action_against(doc: Any, kind: Kind) -> list[Found]:
    """A measure taken against people: "appropriate action against the employees involved"."""
    out: list[Found] = []
    for tok in doc:
        if _lemma(tok) not in _MEASURES:
            continue
        for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"):
            for g in (g for g in p.children if g.dep_ == "pobj"):
                if kind(g) == "person" or _lemma(g) in _STAFF or g.lower_ in ("him", "her", "them"):
                    out.append(("punitive", *_span([tok, g]), _SANCTION_WHY))
    return out


def _surely_person(tok: Any, kind: Kind) -> bool:
    """A person by more than capitals: a PERSON entity, a handle, a role ("PGAudit was removed" is a tool)."""
    return kind(tok) == "person" and (tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON" or tok.text[:1] == "@")


def _sanctioned(tok: Any, kind: Kind) -> Any | None:
    """The patient of a sanction verb when it is a person or a person's privilege."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass", "dative"):
            continue
        if c.lower_ in ("him", "her") or _surely_person(c, kind):
            return c
        lemma = _lemma(c)
        if lemma in _PRIVILEGES and (_owner_is_person(c, kind) or lemma in _PEOPLE_PRIVILEGES):
            return c
    return None


def _sanction(doc: Any, kind: Kind) -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        lemma = _lemma(tok)
        if tok.pos_ == "VERB" and lemma in _SANCTION_VERBS:
            patient = _sanctioned(tok, kind)
            if patient is not None:
                out.append(("punitive", *_span([tok, patient]), _SANCTION_WHY))
        elif (
            lemma in _SANCTION_NOUNS
            and tok.pos_ == "NOUN"
            and not any(c.dep_ in ("compound", "amod") and c.lower_ != "immediate" for c in tok.children)
            and tok.head.lower_ in ("in", "with", "to")
        ):
            out.append(("punitive", *_span([tok.head, tok]), _SANCTION_WHY))
    return out


def _closer(doc: Any, kind: Kind) -> list[Found]:
    low = doc.text.lower()
    if not any(c in low for c in _CLOSERS):
        return []
    for tok in doc:
        head = tok.head
        acts = head.pos_ in ("VERB", "AUX") and _lemma(head) not in _FINDING_VERBS
        if tok.dep_ == "nsubj" and acts and kind(tok) is not None:
            cat = "team-blame" if kind(tok) == "team" else "named-individual-fault"
            return [(cat, *_span([tok, head]), _CLOSER_WHY)]
    return []


def _habit(doc: Any, kind: Kind) -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        if _lemma(tok) != "keep" or tok.pos_ != "VERB":
            continue
        doing = [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            k = kind(subj)
            if doing and k is not None and _lemma(doing[0]) not in _FINDING_VERBS:
                cat = "team-blame" if k == "team" else "named-individual-fault"
                out.append((cat, *_span([subj, doing[0]]), _HABIT_WHY))
    return out


def _modal(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("could", "would", "'d", "can") for c in verb.children)


def _finds_or_fixes(verb: Any) -> bool:
    lemma = _lemma(verb)
    if lemma in _FINDING_VERBS:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "relcl" else [])
    return lemma in _DO_VERBS and any(_lemma(o) in _REPAIRS for o in objects)


def _minimising(doc: Any) -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        if tok.pos_ != "VERB" or not _modal(tok):
            continue
        perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in tok.children)
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            lemma = _lemma(subj)
            det = {c.lower_ for c in subj.children if c.dep_ == "det"}
            low_status = lemma in _LOW_STATUS or any(_lemma(c) in _LOW_STATUS for c in subj.children)
            anyone = lemma in _ANYONE or (bool(det & {"any"}) and subj.pos_ == "NOUN")
            if _finds_or_fixes(tok) and (low_status or (anyone and perfect)):
                out.append(("minimizing-or-judging-difficulty", *_span([subj, tok]), _MINIMISE_WHY))
            tiny = (
                lemma in _EFFORT_NOUNS
                and any(c.lower_ in ("one", "single", "a", "quick") for c in subj.children)
            ) or (  # "thirty seconds with the logs"
                lemma in ("second", "minute")
                and any(c.dep_ == "nummod" for c in subj.children)
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in subj.children)
            )
            if tiny and perfect and _lemma(tok) in _SHOW_VERBS:
                out.append(("minimizing-or-judging-difficulty", *_span([subj, tok]), _MINIMISE_WHY))
    return out


def _labelled_cause(doc: Any, kind: Kind) -> list[Found]:
    """ "root cause -> Bea's config push", "trigger = Ana's edit": a cause label, a separator, a person's work."""
    out: list[Found] = []
    for tok in doc:
        if _lemma(tok) not in _CAUSE_LABELS:
            continue
        end = tok.idx + len(tok.text)
        sep = _SEPARATOR.match(doc.text, end)
        if sep is None:
            continue
        after = [t for t in doc if t.idx >= sep.end()][:4]
        for n, t in enumerate(after):
            if t.is_punct:
                break
            k = kind(t) or _possessor(t)
            if k is not None and (t.dep_ == "poss" or n == 0):
                cat = "team-blame" if k == "team" else "named-individual-fault"
                out.append((cat, *_span([t]), _TEAM_WHY if k == "team" else _PERSON_WHY))
                break
    return out


def _possessor(tok: Any) -> str | None:
    """A capitalised possessor that is no product: "Bea's" in a fragment the parser misreads."""
    if tok.dep_ == "poss" and tok.pos_ == "PROPN" and tok.text.istitle() and tok.lower_ not in PRODUCT_NAMES:
        return "person"
    return None


def _harm_is_someone(doc: Any, kind: Kind) -> list[Found]:
    """ "every incident this month has been the platform team": a harm noun whose attribute is people."""
    out: list[Found] = []
    for tok in doc:
        if _lemma(tok) != "be":
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and _lemma(c) in _HARM]
        for attr in (c for c in tok.children if c.dep_ == "attr"):
            k = kind(attr)
            if subjects and k is not None:
                cat = "team-blame" if k == "team" else "named-individual-fault"
                out.append((cat, *_span([subjects[0], attr]), _TEAM_WHY if k == "team" else _PERSON_WHY))
    return out


_HINDSIGHT_WHY = "judges a person by what they could have done, with hindsight; ask what they saw at the time"
_SOMEBODY = frozenset({"someone", "somebody"})


def _could_have(doc: Any, kind: Kind) -> list[Found]:
    """ "Mira could easily have caught it", "the reviewer should have caught this", "you should have run
    it on a copy", "should've just rolled back": a person's unrealised act, judged with hindsight.

    The modal perfect (could/should/must + have + an active verb) with a person as its subject, or
    with no subject at all at the head of a chat line. "We" is left alone: a team saying what it would
    do differently is the review's own voice, and safeguards ("the canary should have caught it") are
    not people.
    """
    out: list[Found] = []
    quoted = [m.span() for m in QUOTED.finditer(doc.text)]
    for tok in doc:
        if any(a <= tok.idx - doc[0].idx < b for a, b in quoted):
            continue  # "counterfactuals such as 'the engineer should have checked'" mentions one
        aux = [c for c in tok.children if c.dep_ == "aux"]
        words = {c.lower_ for c in aux}
        if tok.pos_ != "VERB" or not words & _HINDSIGHT_MODALS or not {"have", "'ve"} & words:
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or _lemma(tok) in _DO_VERBS:
            continue  # "could have been paged" happened to them; "could have made this mistake" excuses
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "nobody could have known": an excuse, not a judgement
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "expl")]
        for subj in subjects:
            if subj.lower_ in _SOMEBODY or subj.lower_ in _YOU or kind(subj) == "person":
                out.append(("counterfactual-hindsight", *_span([subj, tok]), _HINDSIGHT_WHY))
        first = min(c.i for c in aux)
        if not subjects and tok.dep_ == "ROOT" and first - doc[0].i <= 1:
            out.append(("counterfactual-hindsight", *_span([*aux, tok]), _HINDSIGHT_WHY))
    return out


_HINDSIGHT_MODALS = frozenset({"could", "should", "must", "ought"})
_YOU = frozenset({"you", "u", "ya"})


_PRAISE = frozenset(
    {"thank", "thanks", "love", "congrats", "congratulation", "kudos", "props", "bravo", "appreciate"}
)
_HARM_THINGS = frozenset(
    {"outage", "incident", "downtime", "breakage", "crash", "mess", "disaster", "meltdown"}
)
_HARM_ACTS = frozenset(
    {"break", "crash", "wipe", "nuke", "kill", "corrupt", "delete", "drop", "tank", "wreck"}
)
_UNANNOUNCED = frozenset({"surprise", "unannounced", "unplanned", "unexpected", "bonus", "free"})
_SARCASM_WHY = "praises or thanks people for the harm itself; state what happened plainly"


def _praised(tok: Any) -> list[Any]:
    """What ``tok`` (a word of thanks or praise) is for: "thanks for X", "love X", "congrats on X"."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    # "thanks a lot for X", "thanks so much for X": the preposition can hang on the intensifier
    hosts = [tok, *(c for c in tok.children if c.dep_ in ("npadvmod", "advmod"))]
    for c in (c for h in hosts for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("for", "on"):
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        # "thank you so much to the person who deleted the database": praise for the harm done
        if c.dep_ == "prep" and c.lower_ == "to":
            out += [r for g in c.children if g.dep_ == "pobj" for r in g.children if r.dep_ == "relcl"]
            out += [g for g in c.children if g.dep_ == "pcomp"]  # "thanks to whoever dropped the table"
    return out


def _is_harm(tok: Any) -> bool:
    lemma = _lemma(tok)
    if tok.pos_ == "VERB":  # "congrats on breaking prod", "love finding out from the pager"
        return lemma in _HARM_ACTS or any(
            _is_harm(c) for c in tok.children if c.dep_ in ("prep", "pobj", "agent")
        )
    if tok.dep_ == "prep":
        return any(_is_harm(g) for g in tok.children if g.dep_ == "pobj")
    return lemma in _HARM_THINGS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in _UNANNOUNCED for c in tok.children
    )


def _ironic_praise(doc: Any) -> list[Found]:
    """Thanks or praise whose object is the harm itself: "thanks for the surprise outage"."""
    if any(t.lower_ in ("would", "could", "'d") for t in doc):
        return []  # "great catch, this would have bitten us": the harm was averted
    out: list[Found] = []
    for tok in doc:
        if _lemma(tok) in _PRAISE or tok.lower_ in _PRAISE:
            things = [t for t in _praised(tok) if _is_harm(t)]
            if things:
                out.append(("sarcasm-or-mockery", *_span([tok, things[0]]), _SARCASM_WHY))
    return out


_OUTCOME_NOUNS = frozenset({"consequence", "result", "outcome", "product", "effect", "fallout"})
_ARRIVE_VERBS = frozenset({"come", "arrive", "land", "creep", "sneak", "slip", "ship", "introduce"})
_DEFECTS = frozenset(
    {"regression", "bug", "defect", "leak", "breakage", "outage", "incident", "problem", "issue"}
)
_CAUSING = frozenset(
    {"cause", "trigger", "lead", "result", "take", "bring", "break", "knock", "crash", "overload"}
)
_EFFECTS = (
    _HARM_THINGS
    | _DEFECTS
    | frozenset(
        {
            "stampede",
            "spike",
            "cascade",
            "loss",
            "error",
            "failure",
            "storm",
            "overload",
            "degradation",
            "backlog",
            "delay",
        }
    )
)


def _person_or_team(who: Any, tokens: list[Any], kind: Kind) -> Found:
    """The finding for blame placed on ``who``: the team category for a team, else the person one."""
    team = kind(who) == "team"
    return (
        "team-blame" if team else "named-individual-fault",
        *_span(tokens),
        _TEAM_WHY if team else _PERSON_WHY,
    )


def _someones(tok: Any, kind: Kind) -> Any | None:
    """The person or team ``tok`` is or belongs to: "Priya", "Priya's failure", "the Orion team's push"."""
    if kind(tok) is not None:
        return tok
    return next((c for c in tok.children if c.dep_ == "poss" and kind(c) is not None), None)


def _came_from_someone(doc: Any, kind: Kind) -> list[Found]:
    """A harm presented as the product of a person's act: "the outage was a direct consequence of Priya's
    failure to drain the node", "this regression came in with Lars's refactor"."""
    out: list[Found] = []
    for tok in doc:
        lemma = _lemma(tok)
        preps: list[Any] = []
        if lemma in _OUTCOME_NOUNS:
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        elif (
            tok.pos_ == "VERB"
            and lemma in _ARRIVE_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in _DEFECTS for c in tok.children)
        ):
            preps = [
                c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "via")
            ]
        for p in preps:
            for g in (g for g in p.children if g.dep_ == "pobj"):
                who = _someones(g, kind)
                if who is not None:
                    out.append(_person_or_team(who, [tok, g], kind))
    return out


def _act_causing_harm(doc: Any, kind: Kind) -> list[Found]:
    """A person's act followed by the harm it caused: "the cache was flushed by Mateo at 10:14, causing the
    stampede", "Ana dropped the index, which took search down" reads the same without the relative."""
    out: list[Found] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        who = next((a for a in agents if kind(a) is not None and a.lower_ not in ("we", "i", "us")), None)
        if who is None:
            continue
        for adv in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"):
            if _lemma(adv) not in _CAUSING:
                continue
            harmed = [
                t
                for t in adv.subtree
                if t.i > adv.i
                and _lemma(t) in _EFFECTS
                and t.pos_ in ("NOUN", "PROPN")
                and not any(c.lower_ in ("no", "zero") or c.dep_ == "neg" for c in t.children)
            ]
            if harmed:
                out.append(_person_or_team(who, [who, harmed[0]], kind))
    return out


def extra_hits(doc: Any, kind: Kind) -> list[Found]:
    """Blame constructions of this module in one parsed sentence."""
    return [
        *_came_from_someone(doc, kind),
        *_action_against(doc, kind),
        *_act_causing_harm(doc, kind),
        *_sanction(doc, kind),
        *_closer(doc, kind),
        *_habit(doc, kind),
        *_minimising(doc),
        *_labelled_cause(doc, kind),
        *_harm_is_someone(doc, kind),
        *_could_have(doc, kind),
        *_ironic_praise(doc),
    ]


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "poss", "appos", "pobj", "dobj", "dative", "attr", "conj"})


def target(doc: Any, kind: Kind) -> Found | None:
    """The person (first) or else the team a flagged sentence is about, as a person/team finding."""
    team: Found | None = None
    for tok in doc:
        handle = tok.text.startswith("@")
        if (tok.dep_ not in _ARGUMENTS and not handle) or (
            tok.dep_ == "pobj" and _lemma(tok.head.head) == "thank"
        ):
            continue  # a name inside a compound ("US East Availability Zones") or a thank-you
        k = kind(tok)
        if k == "person":
            return ("named-individual-fault", *_span([tok]), _PERSON_WHY)
        if k == "team" and team is None:
            team = ("team-blame", *_span([tok]), _TEAM_WHY)
    return team
