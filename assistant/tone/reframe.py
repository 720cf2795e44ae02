"""Syntax-level reframings of blame, one family per category, that keep the sentence's facts.

Each transformation turns a blame construction into a neutral statement of what happened, often
with a systemic question: counterfactual "X should have checked Y" → "X did not check Y; …",
named fault "X broke prod with the migration" → "the migration broke prod", judgment adjectives
and minimizers dropped, "why didn't anyone check Y" → "what would have prompted checking Y?".
The caller keeps a reframing only when the rules no longer flag it and every time and number
survived, so a transformation that misfires costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.tone.inflect import gerund, lemma, participle, past
from assistant.tone.lazyre import LazyRegex

_F = re.IGNORECASE
Reframe = tuple[str, str | None]  # new text, systemic question (or None)

_PERCEIVE = frozenset(
    {"see", "notice", "catch", "spot", "know", "realize", "realise", "foresee", "anticipate"}
)


def base_form(past_form: str) -> str:
    """Base verb of a past tense or participle ("checked" → "check", "escalated" → "escalate")."""
    return lemma(past_form)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --- counterfactuals ------------------------------------------------------------------------
_INDEFINITE = re.compile(
    r"^(?:any|anyone|anybody|someone|somebody|some\s+one|a|an|whoever|you|u|people|ppl|"
    r"nobody|no\s+one|one|they|engineers|folks)\b",
    _F,
)
_WHO = r"(?P<who>(?:[@\w'.-]+\s+){0,5}?[@\w'.-]+)"
_ADV = r"(?:(?:really|clearly|obviously|just|definitely|surely|easily|simply|honestly|at\s+least)\s+)*"
_MODAL = LazyRegex(
    rf"(?P<pre>^|^.*?(?:[,;:]\s+|\b(?:and|but|so|then)\s+)){_WHO}\s+{_ADV}(?:should|could|would|ought\s+to|must)"
    rf"(?:'ve|\s+have|\s+of)\s+{_ADV}(?P<pp>[a-z]+)(?P<rest>[^;]*?)(?P<end>[.!?]*)$",
    _F,
)
_BEEN = LazyRegex(r"\b(?:should|could)(?:'ve|\s+have)\s+been\s+(?=(?:a|an)\s)", _F)
_BEEN_PP = LazyRegex(
    r"\b(?:should|could)(?:'ve|\s+have)\s+been\s+(?:easily\s+)?(caught|noticed|spotted|seen|prevented|avoided|flagged|escalated)\b",
    _F,
)
_FAILED = LazyRegex(
    rf"(?P<pre>^|^.*?(?:[,;:]\s+|\b(?:and|but|so|then)\s+)){_WHO}\s+{_ADV}(?:failed|neglected|forgot|omitted|"
    r"refused|didn'?t\s+bother|did\s+not\s+bother|never\s+bothered|chose\s+not|decided\s+not)\s+to\s+(?P<v>[a-z]+)"
    r"(?P<rest>[^;]*?)(?P<end>[.!?]*)$",
    _F,
)
_IGNORED = LazyRegex(
    r"\b(ignored|disregarded|dismissed|brushed\s+off|blew\s+off|blew\s+past|missed|overlooked)\s+"
    r"(?:the\s+)?(?:obvious\s+|clear\s+)?",
    _F,
)
_WHY = LazyRegex(
    r"^(?P<pre>.*?)\bwhy\s+(?:didn'?t|did\s+not|did\s+no\s*(?:one|body)|wouldn'?t|couldn'?t)\s+(?:anyone|anybody|someone|"
    r"somebody|you|u|they|he|she|we|the\s+\w+|@?\w+)?\s*(?:just\s+|even\s+|bother\s+to\s+|think\s+to\s+|think\s+of\s+)?"
    r"(?P<v>[a-z]+)(?P<rest>[^?!.]*)[?!.]*\s*$",
    _F,
)


def _counterfactual(m: re.Match[str]) -> Reframe:
    who, pp, rest = m.group("who"), m.group("pp"), m.group("rest")
    base = base_form(pp)
    if pp.lower() == "been":
        return m.group(0), None
    if _INDEFINITE.match(who):
        verb = "surfaced" if base in _PERCEIVE else f"prompted {gerund(base)}"
        pre = m.group("pre").rstrip(" ,;:")
        rest = re.sub(r"^\s+(?:it|this|that)\b", " this", rest) if base in _PERCEIVE else rest
        q = f"what would have {verb}{rest}?"
        return (pre, q) if pre else ("", _cap(q))
    return (
        f"{m.group('pre')}{who} did not {base}{rest}{m.group('end')}",
        "what in the process would surface this at that point?",
    )


def _failed(m: re.Match[str]) -> Reframe:
    who = re.sub(
        r"^a\s+certain\s+(\w+)(?:\s+that\s+shall\s+not\s+be\s+named)?", r"a \1", m.group("who"), flags=_F
    )
    return (
        f"{m.group('pre')}{who} did not {m.group('v')}{m.group('rest')}{m.group('end')}",
        "what would have made this visible at that point?",
    )


def _why(m: re.Match[str]) -> Reframe:
    pre = m.group("pre").rstrip(" ,;:")
    q = f"what would have prompted {gerund(m.group('v').lower())}{m.group('rest').rstrip()}?"
    return (pre, q) if pre else ("", _cap(q))


# --- named fault, team blame -----------------------------------------------------------------
_OUTCOME = {
    "broke": "broke",
    "breaks": "broke",
    "took down": "went down",
    "takes down": "went down",
    "brought down": "went down",
    "knocked out": "went down",
    "knocked over": "went down",
    "nuked": "was wiped",
    "wiped": "was wiped",
    "killed": "went down",
    "crashed": "crashed",
    "hosed": "broke",
    "borked": "broke",
    "trashed": "broke",
    "wrecked": "broke",
    "tanked": "went down",
}
_OUTCOME_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _OUTCOME), key=len, reverse=True))
_BROKE = LazyRegex(
    rf"(?:^|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bthen\s))(?:@?[\w.-]+|he|she|they)\s+(?:just\s+|then\s+|also\s+)?"
    rf"(?P<v>{_OUTCOME_RE})\s+(?P<obj>(?:the\s+)?[^,;.!?]+?)(?=\s*(?:[,;.!?]|$)|\s+(?:and|but|so|with|at|on|in|during|after|before|then)\b)",
    _F,
)
_TRACES = LazyRegex(
    r"\b(?:traces?\s+(?:back\s+)?to|because\s+of|due\s+to|caused\s+by|comes?\s+down\s+to)\s+(?P<who>(?-i:[A-Z][\w-]+)|@[\w.-]+)"
    r"\s+(?P<g>[a-z]+ing)\b(?P<rest>[^,;.!?]*)",
    _F,
)
_LET_THROUGH = LazyRegex(
    r"^(?P<who>.+?)\s+let\s+(?P<obj>.+?)\s+(?:through|slip\s+through|get\s+through|past)\b(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_EVERY_TIME = LazyRegex(
    r"^\W*every\s+time\s+(?:the\s+)?(?P<who>[\w-]+(?:\s+[\w-]+)?)\s+(?:touch(?:es)?|change[sd]?|deploy|deploys)\s+"
    r"(?P<obj>[\w.-]+(?:\s+[\w.-]+)?)\s+(?:something|it|everything|stuff)\s+(?:breaks|goes\s+down|falls\s+over)\W*$",
    _F,
)
_WITHOUT_TELLING = LazyRegex(
    r"\s+without\s+(?:even\s+)?(?:telling|informing|notifying|warning|asking|consulting)\s+(?:anyone|anybody|"
    r"us|the\s+rest\s+of\s+us|other\s+teams|people)\b",
    _F,
)
_TEAM_AGAIN = LazyRegex(
    r",?\s+(?:yet\s+)?again\b(?:\s+(?:lmao|lol|smh))?(?=\W*$)|\s+strikes\s+again\b|\s+(?:as\s+usual|as\s+always)(?=\W*$)",
    _F,
)


_BYPASSED = LazyRegex(
    r"^(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?P<v>bypassed|skipped|circumvented)\s+(?P<x>the\s+[^,;.]+?)"
    r"(?P<rest>(?:\s+and\b|[,.;]|$).*)$",
    _F,
)


def _bypassed(m: re.Match[str]) -> Reframe:
    who = re.sub(r"^The\b", "the", m.group("who"))
    return (
        f"{_cap(m.group('x'))} was {m.group('v')} by {who}{m.group('rest')}",
        "what made that path available?",
    )


def _broke(m: re.Match[str]) -> Reframe:
    verb = _OUTCOME[re.sub(r"\s+", " ", m.group("v").lower())]
    obj = m.group("obj")
    obj = "this" if obj.lower() in ("it", "everything") else obj
    return f"{obj} {verb}", "what let the change through?"


def _traces(m: re.Match[str]) -> Reframe:
    return m.group(0).replace(
        m.group("who") + " " + m.group("g"), m.group("g")
    ) + f" (by {m.group('who')})", None


def _let_through(m: re.Match[str]) -> Reframe:
    return (
        f"{_cap(m.group('obj'))} went through{m.group('rest')}{m.group('end')}",
        "what checks should have stopped it?",
    )


def _every_time(m: re.Match[str]) -> Reframe:
    obj = m.group("obj")
    return (
        f"Changes to {obj} by the {m.group('who')} have repeatedly been followed by breakage",
        f"what checks run on {obj} changes?",
    )


# --- minimizing, sarcasm, insinuation, punitive ---------------------------------------------
_ALL_HAD = LazyRegex(
    r"^(?P<pre>.*?)\b(?:all|the\s+only\s+thing)\s+(?:he|she|they|you|u|\w+)\s+(?:had|needed|has|have|needs?)\s+to\s+do\s+"
    r"(?:was|is)\s+(?P<v>[a-z]+)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_JUST_HAD = LazyRegex(
    r"^(?P<pre>.*?)(?:@?[\w.-]+|he|she|they|you|u)\s+(?:just|only|simply)\s+(?:had|needed|has|have|needs?)\s+to\s+"
    r"(?P<v>[a-z]+)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_TRIVIAL_YET = LazyRegex(
    r"^(?P<what>.+?)\s+(?:is|was)\s+(?:so\s+|really\s+)?(?:trivial|easy|simple|basic|straightforward),?\s+"
    r"(?:yet|but)\s+(?:it|this|that)\s+was\s+(?P<how>skipped|missed|forgotten|not\s+done)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_HOW_WRONG = LazyRegex(
    r",?\s*how\s+(?:do|did|does|could|can)\s+(?:you|u|they|he|she|anyone|someone|one)\s+(?:even\s+)?(?:get|mess|screw)\s+"
    r"(?:that|this|it)\s+(?:wrong|up)\W*$",
    _F,
)
_DECISION = LazyRegex(
    r"^(?:it\s+was\s+)?(?:certainly\s+|truly\s+|really\s+|such\s+|what\s+)?(?:a\s+|an\s+)?(?:bold|inspired|brilliant|genius|"
    r"stellar|visionary|great)\s+(?:choice|decision|move|idea|call|plan)\s+(?:to\s+)?(?P<v>[a-z]+)(?P<rest>[^.;!?]*?)"
    r"\W*$",
    _F,
)
_PRAISE_DOING = LazyRegex(
    r"^(?:wow,?\s+|oh\s+)?(?:nice\s+one(?:\s+(?P<who>@?\w+))?,?\s+)?(?:real\s+|such\s+a\s+|what\s+a\s+)?(?:genius|great|nice|good|"
    r"brilliant|amazing|stellar|fantastic|excellent|awesome|10x)\s+(?:move|job|work|one|stuff)\s+(?:on\s+)?"
    r"(?P<g>[a-z]+ing)\b(?P<rest>[^.;!?]*?)\W*$",
    _F,
)
_OUTCOME_GERUND = {
    "taking down": "went down",
    "breaking": "broke",
    "deleting": "was deleted",
    "nuking": "was wiped",
    "killing": "went down",
    "wiping": "was wiped",
    "crashing": "crashed",
    "dropping": "was dropped",
}
_ERRORS_MADE = LazyRegex(
    r"^(?:(?:honestly|frankly),?\s+)?(?:mistakes|errors)\s+were\s+made(?:\s+by\s+(?:an?\s+)?(?:certain\s+|some\s+)?[\w-]+)?"
    r"(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_VAGUE_SKIPPED = LazyRegex(
    r"^(?:let'?s\s+just\s+say\s+|not\s+naming\s+names\s+but\s+)?(?:some\s+people|someone|somebody|certain\s+"
    r"(?:individuals|people|engineers|team\s+members))\s+(?:👀\s*)?(?P<v>skipped|bypassed|ignored|missed|forgot|"
    r"pushed|deployed|merged)\s+(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$",
    _F,
)
_KNOWN_WHO = LazyRegex(
    r"^.*?\b(?:noted|known|clear|obvious|evident|recorded)\s+(?:who|which\s+\w+)\s+(?:was|were|is|are)\s+"
    r"(?:on\s+shift|on\s+call|responsible|involved)\s+(?:when|while)\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$",
    _F,
)
_WHO_SET = LazyRegex(
    r"^(?:\w+\s+)?(?:fire\s+|blame\s+)?whoever\s+(?P<v>[a-z]+ed|set|put|wrote|ran|made)\s+(?P<obj>(?:the\s+|this\s+|that\s+|"
    r"[\w-]+'s\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?)(?P<rest>(?:\s+(?:to|at|on|in|during|before|after)\s+[^,;.!?]+?)?)"
    r"(?:\s+(?:should|needs?\s+to|must|owes?|is|tbh)\b.*|\s+tbh)?\W*$",
    _F,
)
_WHO_DID = LazyRegex(
    r"^(?P<who>(?:the|that)\s+[\w-]+)\s+who\s+(?P<v>[a-z]+ed|ran|wrote|made|set)\s+(?P<what>[^,;]+?)\s+(?:should|must|needs?\s+to|"
    r"will)\s+(?:be\s+|get\s+|lose\s+).*$",
    _F,
)
_ACCESS = LazyRegex(
    r"^.*?\b(?:lose|losing|revok\w*|strip\w*|remov\w*|pull\w*|suspend\w*|no\s+more|no\s+business\s+\w+)\s+(?:(?:his|her|their)\s+|(?:[\w-]+\s+){1,3}?of\s+)?"
    r"(?P<what>(?:prod|production|deploy|root|admin|merge)\s+(?:access|credentials|rights|privileges|permissions)).*$",
    _F,
)
_EXCESS = LazyRegex(
    r"\s*[👏🙌😂🤣🙃🤌🤔👀🙄🤦]+|\b(?:lmao|lol|smh|tbh|ngl)\b,?|^\W*(?:ah\s+yes|classic|wow),?\s+|\.?\s*\bclassic\W*$",
    _F,
)


_PRE_SUBS: list[tuple[LazyRegex, str]] = [
    (LazyRegex(a, _F), b)
    for a, b in [
        (
            r"\ba\s+certain\s+(team|engineer|person|individual|developer|someone)(?:\s+(?:that|who)\s+shall\s+(?:not\s+be\s+named|remain\s+nameless))?",
            r"a \1",
        ),
        (r"\s+anyway\b", ""),
        (
            r"\band\s+still\s+(hit|pushed|deployed|merged|ran|clicked|went|shipped|approved|restarted|did)\b",
            r"and then \1",
        ),
        (r"\bin\s+hindsight\s+it\s+was\s+(?:obvious|clear)\s+(?:that\s+)?", ""),
        (r"\b(it|this|that)\s+should(?:\s+not|n't)\s+have\s+taken\b", r"\1 took"),
        (r"\b(?:an?\s+)?mis-?click\b", "an unintended click"),
        (r"\bclassic\s+", ""),
        (r"\byet\s+another\b", "another"),
        (r"\band\s+caused\s+(?:the|an|this)\s+(outage|incident)", r"and the \1 followed"),
        (r"\bdisciplinary\s+action\s+for\b", "a review of the process and tooling around"),
        (
            r"(?:\b(?:a|the)\s+)?(?:lack\s+of\s+(?:attention|care|diligence)(?:\s+to\s+detail)?|lapses?\s+(?:in|of)\s+(?:diligence|judge?ment|attention|care)|"
            r"negligence|carelessness|sloppiness|recklessness)\s+(?:by|of|from|on\s+the\s+part\s+of)\s+",
            "conditions around ",
        ),
        (
            r"(?<![\w'-])(?:the\s+)?[\w-]+'s\s+(?:gross\s+)?(?:negligence|carelessness|sloppiness|recklessness|incompetence)\s+",
            "conditions in the process ",
        ),
        (
            r"\b(?:showed|displayed|demonstrated)\s+(?:gross\s+|real\s+)?(?:negligence|carelessness|sloppiness|recklessness|incompetence)\s+in\b",
            "ran into problems in",
        ),
        (
            r"\b(?:is|are|was|were)\s+(?:so\s+|very\s+|really\s+|being\s+)?(?:reckless|careless|sloppy|lazy|irresponsible)\s+to\s+",
            "chose to ",
        ),
        (r"\bshould\s+(?:never|not)\s+have\s+been\s+(given|granted|allowed|trusted\s+with)\b", r"was \1"),
    ]
]
_IF_HADNT = LazyRegex(
    r"^(?P<pre>.*?)\b(?:if|had)\s+(?P<who>@?[\w.-]+)\s+(?:hadn'?t|had\s+not|didn'?t|did\s+not)\s+(?P<pp>\w+)\s+(?P<x>.+?)(?:,\s*|\s+)"
    r"(?:we'?d|we\s+would|it\s+would|this\s+would|none\s+of\s+this\s+would|everything\s+would)\b.*$",
    _F,
)
_WHO_NEEDS = LazyRegex(r"^\W*who\s+needs\s+(?P<x>\w+(?:\s+\w+)?)\s+when\b.*$", _F)
_SOME_OF_US = LazyRegex(r"^\W*some\s+of\s+us\s+(?:actually\s+)?(?P<v>\w+)\s+(?P<x>.+?)\W*$", _F)
_ROOT_WHO = LazyRegex(
    r"^\W*(?:the\s+)?root\s+cause\s*(?::|is|was)\s*(?P<who>(?:the\s+)?[\w@.-]+(?:\s+[\w-]+)?),\s+who\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$",
    _F,
)
_RESP_WHICH = LazyRegex(
    r"^.*?\bresponsib\w+\s+(?:for\s+[^,]+?\s+)?(?:lies|rests|sits|falls|is)\s+(?:solely\s+|entirely\s+|squarely\s+)?(?:with|on)\s+"
    r"(?P<who>[^,]+?),\s+(?:which|who)\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$",
    _F,
)
_IF_ONLY = LazyRegex(r"^\W*if\s+only\s+(?P<who>.+?)\s+had\s+(?P<pp>\w+)\s+(?P<x>[^,]+),\s*.+$", _F)


def _root_who(m: re.Match[str]) -> Reframe:
    return (
        f"The mechanism behind this is under review: {m.group('who')} {m.group('rest').strip()}{m.group('end')}",
        None,
    )


def _resp_which(m: re.Match[str]) -> Reframe:
    return (
        f"{_cap(m.group('who').strip())} {m.group('rest').strip()}{m.group('end')}",
        "what made the signals easy to set aside?",
    )


def _if_only(m: re.Match[str]) -> Reframe:
    who = m.group("who")
    return (
        f"{_cap(who)} did not {base_form(m.group('pp'))} {m.group('x')}",
        "what would have put it in front of them in time?",
    )


_CONGRATS = LazyRegex(
    r"^\W*congrat\w*\s+(?:to\s+(?P<who>.+?)\s+for|on)\s+(?:finding\s+a\s+new\s+way\s+to\s+)?(?P<g>\w+)\s+(?P<rest>.+?)\W*$",
    _F,
)


def _if_hadnt(m: re.Match[str]) -> Reframe:
    return (
        f"{m.group('pre')}{m.group('who')} {m.group('pp')} {m.group('x')}",
        "what about that change led to the incident, and what would have caught it?",
    )


def _who_needs(m: re.Match[str]) -> Reframe:
    return "", f"Should this change have gone through {m.group('x')}?"


def _some_of_us(m: re.Match[str]) -> Reframe:
    return "", f"What would make {gerund(m.group('v').lower())} {m.group('x')} automatic?"


def _congrats(m: re.Match[str]) -> Reframe:
    g, rest = m.group("g").lower(), m.group("rest")
    if g in ("take", "taking") and rest.lower().startswith("down "):
        return f"{rest[5:]} went down in a new way", "what made this possible?"
    if m.group("who") and g.endswith("ing"):
        return f"{m.group('who')} {past(lemma(g))} {rest}", "what made this possible?"
    return "", None


def _all_had(m: re.Match[str]) -> Reframe:
    pre = m.group("pre").rstrip(" ,;:")
    act = f"{gerund(m.group('v').lower())}{m.group('rest')}"
    body = f"{pre} {act} was the expected step" if pre else f"{_cap(act)} was the expected step"
    return body, "what made it hard to do at the time?"


def _trivial_yet(m: re.Match[str]) -> Reframe:
    return (
        f"{m.group('what')} was {m.group('how')}{m.group('rest')}{m.group('end')}",
        "what made it easy to skip?",
    )


def _decision(m: re.Match[str]) -> Reframe:
    if m.group("v").lower().endswith("ing"):
        return f"{_cap(m.group('v'))}{m.group('rest')}", "what made this look safe at the time?"
    return (
        f"The decision was made to {m.group('v')}{m.group('rest')}",
        "what made this look safe at the time?",
    )


def _praise_doing(m: re.Match[str]) -> Reframe:
    g = m.group("g").lower()
    rest = m.group("rest")
    if m.group("who") and g != "taking":
        return f"{m.group('who')} {past(lemma(g))}{rest}", "what made this possible?"
    for lead, outcome in _OUTCOME_GERUND.items():
        words = lead.split()
        if g == words[0] and rest.lower().lstrip().startswith(" ".join(words[1:])):
            obj = rest.lstrip()[len(" ".join(words[1:])) :].strip()
            return f"{_cap(obj)} {outcome}", "what made this possible?"
    return f"{_cap(g)}{rest}", "what made this look like the right call at the time?"


def _errors_made(m: re.Match[str]) -> Reframe:
    return f"Something went wrong{m.group('rest')}{m.group('end')}", "what in the process allowed it?"


_PASSIVE = {
    "skipped": "was skipped",
    "bypassed": "was bypassed",
    "ignored": "was not acted on",
    "missed": "was missed",
    "forgot": "was not done",
    "pushed": "went out",
    "deployed": "went out",
    "merged": "was merged",
}


def _vague_skipped(m: re.Match[str]) -> Reframe:
    v = m.group("v").lower()
    rest = m.group("rest").strip()
    if v in ("pushed", "deployed", "merged"):
        return f"A change {_PASSIVE[v]} {rest}{m.group('end')}", "what lets such changes through?"
    return f"{_cap(rest)} {_PASSIVE[v]}{m.group('end')}", "what made it easy to skip?"


def _known_who(m: re.Match[str]) -> Reframe:
    return _cap(m.group("rest").strip()) + m.group("end"), "which conditions let this go unnoticed?"


def _who_set(m: re.Match[str]) -> Reframe:
    v = m.group("v").lower()
    pp = participle(lemma(v))
    return f"{m.group('obj')} was {pp}{m.group('rest')}", "what review or guard applies to this change?"


def _who_did(m: re.Match[str]) -> Reframe:
    return (
        f"{_cap(m.group('who'))} {m.group('v')} {m.group('what')}",
        "we will review the process and tooling around this change.",
    )


def _access(m: re.Match[str]) -> Reframe:
    return "", f"How {m.group('what')} are granted and safeguarded will be reviewed."


_TRANSFORMS: list[tuple[LazyRegex, Callable[[re.Match[str]], Reframe]]] = [
    (_ROOT_WHO, _root_who),
    (_RESP_WHICH, _resp_which),
    (_IF_ONLY, _if_only),
    (_IF_HADNT, _if_hadnt),
    (_WHO_NEEDS, _who_needs),
    (_SOME_OF_US, _some_of_us),
    (_CONGRATS, _congrats),
    (_BYPASSED, _bypassed),
    (_WHO_DID, _who_did),
    (_WHO_SET, _who_set),
    (_ACCESS, _access),
    (_TRACES, _traces),
    (_EVERY_TIME, _every_time),
    (_LET_THROUGH, _let_through),
    (_WHY, _why),
    (_MODAL, _counterfactual),
    (_FAILED, _failed),
    (_ALL_HAD, _all_had),
    (_JUST_HAD, _all_had),
    (_TRIVIAL_YET, _trivial_yet),
    (_DECISION, _decision),
    (_PRAISE_DOING, _praise_doing),
    (_ERRORS_MADE, _errors_made),
    (_VAGUE_SKIPPED, _vague_skipped),
    (_KNOWN_WHO, _known_who),
    (_BROKE, _broke),
]


def reframe(text: str) -> tuple[str, list[str]]:
    """``text`` with every blame construction reframed, and the systemic questions raised."""
    out = _EXCESS.sub("", text).strip()
    for rx, repl in _PRE_SUBS:
        out = rx.sub(repl, out)
    out = _BEEN.sub("was expected to be ", out)
    out = _BEEN_PP.sub(lambda m: f"was not {m.group(1)}", out)
    out = _WITHOUT_TELLING.sub(", and other teams were not notified", out)
    out = _TEAM_AGAIN.sub("", out)
    questions: list[str] = []
    if _HOW_WRONG.search(out):
        out = _HOW_WRONG.sub("", out)
        questions.append("what made it easy to get wrong?")
    for rx, fn in _TRANSFORMS:
        pos = 0
        while (m := rx.search(out, pos)) is not None and m.end() > m.start():
            new, q = fn(m)
            out = out[: m.start()] + new + out[m.end() :]
            pos = m.start() + len(new)
            if q:
                questions.append(q)
            if not out:
                break
    out = _IGNORED.sub(
        lambda m: (
            "did not act on the "
            if m.group(1).lower() not in ("missed", "overlooked")
            else "did not spot the "
        ),
        out,
    )
    return out.strip(), questions
