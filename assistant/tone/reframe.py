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

_PERCEIVE = frozenset({"see", "notice", "catch", "spot", "know", "realize", "realise", "foresee", "anticipate"})


def base_form(past_form: str) -> str:
    """Base verb of a past tense or participle ("checked" → "check", "escalated" → "escalate")."""
    return lemma(past_form)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --- counterfactuals ------------------------------------------------------------------------
_INDEFINITE = re.compile(r"^(?:any|anyone|anybody|someone|somebody|some\s+one|a|an|whoever|you|u|people|ppl|"
                         r"nobody|no\s+one|one|they|engineers|folks)\b", _F)
_WHO = r"(?P<who>(?:[@\w'.-]+\s+){0,5}?[@\w'.-]+)"
_ADV = r"(?:(?:really|clearly|obviously|just|definitely|surely|easily|simply|honestly|at\s+least)\s+)*"
_MODAL = LazyRegex(
    rf"(?P<pre>^|^.*?(?:[,;:]\s+|\b(?:and|but|so|then)\s+)){_WHO}\s+{_ADV}(?:should|could|would|ought\s+to|must)"
    rf"(?:'ve|\s+have|\s+of)\s+{_ADV}(?P<pp>[a-z]+)(?P<rest>[^;]*?)(?P<end>[.!?]*)$", _F)
_BEEN = LazyRegex(r"\b(?:should|could)(?:'ve|\s+have)\s+been\s+(?=(?:a|an)\s)", _F)
_BEEN_PP = LazyRegex(r"\b(?:should|could)(?:'ve|\s+have)\s+been\s+(?:easily\s+)?(caught|noticed|spotted|seen|prevented|avoided|flagged|escalated)\b", _F)
_FAILED = LazyRegex(
    rf"(?P<pre>^|^.*?(?:[,;:]\s+|\b(?:and|but|so|then)\s+)){_WHO}\s+{_ADV}(?:failed|neglected|forgot|omitted|"
    r"refused|didn'?t\s+bother|did\s+not\s+bother|never\s+bothered|chose\s+not|decided\s+not)\s+to\s+(?P<v>[a-z]+)"
    r"(?P<rest>[^;]*?)(?P<end>[.!?]*)$", _F)
_IGNORED = LazyRegex(r"\b(ignored|disregarded|dismissed|brushed\s+off|blew\s+off|blew\s+past|missed|overlooked)\s+"
                     r"(?:the\s+)?(?:obvious\s+|clear\s+)?", _F)
_WHY = LazyRegex(
    r"^(?P<pre>.*?)\bwhy\s+(?:didn'?t|did\s+not|did\s+no\s*(?:one|body)|wouldn'?t|couldn'?t)\s+(?:anyone|anybody|someone|"
    r"somebody|you|u|they|he|she|we|the\s+\w+|@?\w+)?\s*(?:just\s+|even\s+|bother\s+to\s+|think\s+to\s+|think\s+of\s+)?"
    r"(?P<v>[a-z]+)(?P<rest>[^?!.]*)[?!.]*\s*$", _F)


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
    return f"{m.group('pre')}{who} did not {base}{rest}{m.group('end')}", "what in the process would surface this at that point?"


def _failed(m: re.Match[str]) -> Reframe:
    who = re.sub(r"^a\s+certain\s+(\w+)(?:\s+that\s+shall\s+not\s+be\s+named)?", r"a \1", m.group("who"), flags=_F)
    return (f"{m.group('pre')}{who} did not {m.group('v')}{m.group('rest')}{m.group('end')}",
            "what would have made this visible at that point?")


def _why(m: re.Match[str]) -> Reframe:
    pre = m.group("pre").rstrip(" ,;:")
    q = f"what would have prompted {gerund(m.group('v').lower())}{m.group('rest').rstrip()}?"
    return (pre, q) if pre else ("", _cap(q))


# --- named fault, team blame -----------------------------------------------------------------
_OUTCOME = {"broke": "broke", "breaks": "broke", "took down": "went down", "takes down": "went down",
            "brought down": "went down", "knocked out": "went down", "knocked over": "went down",
            "nuked": "was wiped", "wiped": "was wiped", "killed": "went down", "crashed": "crashed",
            "hosed": "broke", "borked": "broke", "trashed": "broke", "wrecked": "broke", "tanked": "went down"}
_OUTCOME_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _OUTCOME), key=len, reverse=True))
_BROKE_WITH = LazyRegex(
    rf"(?P<pre>^|^.*?(?:[,;:]\s+|\b(?:and|but|so|then)\s+))(?P<who>@?[\w.-]+|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:just\s+|totally\s+|"
    rf"literally\s+|basically\s+)?(?P<v>{_OUTCOME_RE})\s+(?P<obj>[\w.-]+(?:\s+[\w.-]+){{0,3}}?)\s+(?:with|by\s+(?:running|pushing|"
    r"deploying|merging|applying|shipping))\s+(?P<tool>[^,;]+?)(?P<end>[,;.!?]*)$", _F)
_BROKE = LazyRegex(rf"(?:^|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bthen\s))(?:@?[\w.-]+|he|she|they)\s+(?:just\s+|then\s+|also\s+)?"
                   rf"(?P<v>{_OUTCOME_RE})\s+(?P<obj>(?:the\s+)?[^,;.!?]+?)(?=\s*(?:[,;.!?]|$)|\s+(?:and|but|so|with|at|on|in|during|after|before|then)\b)", _F)
_POSS_CAUSE = LazyRegex(r"(?<![\w'-])(?P<owner>(?:the\s+)?[A-Za-z][\w-]*(?:\s+team|\s+office|\s+folks)?)'s\s+(?:overly\s+|very\s+|rather\s+)?"
                        r"(?P<np>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?=caused|broke|took\s+down|brought\s+down|knocked\s+out|"
                        r"predictably|turned|triggered|led\s+to)", _F)
_FAULT_FOR = LazyRegex(r"^(?P<pre>.*?)\b(?P<subj>(?:this|that|it)(?:\s+whole)?(?:\s+\w+)?)\s+(?:is|was|'s)\s+(?P<who>@?[\w.-]+)'s\s+"
                       r"fault\s+for\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$", _F)
_REASON = LazyRegex(r"^(?:@?[\w.-]+|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is|was)\s+(?:the\s+)?(?:sole\s+|real\s+|main\s+|only\s+)?"
                    r"(?:reason|cause)\s+(?:why\s+|that\s+)?(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$", _F)
_TRACES = LazyRegex(r"\b(?:traces?\s+(?:back\s+)?to|because\s+of|due\s+to|caused\s+by|comes?\s+down\s+to)\s+(?P<who>(?-i:[A-Z][\w-]+)|@[\w.-]+)"
                    r"\s+(?P<g>[a-z]+ing)\b(?P<rest>[^,;.!?]*)", _F)
_LET_THROUGH = LazyRegex(r"^(?P<who>.+?)\s+let\s+(?P<obj>.+?)\s+(?:through|slip\s+through|get\s+through|past)\b(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_BALL = LazyRegex(r"^(?P<pre>.*?)(?:\b(?:honestly|ngl|tbh)\s+)?(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+dropped\s+the\s+ball\s+(?:on|with)\s+"
                  r"(?P<obj>[^.;!?,]+)(?P<end>[.!?]*)$", _F)
_EVERY_TIME = LazyRegex(r"^\W*every\s+time\s+(?:the\s+)?(?P<who>[\w-]+(?:\s+[\w-]+)?)\s+(?:touch(?:es)?|change[sd]?|deploy|deploys)\s+"
                        r"(?P<obj>[\w.-]+(?:\s+[\w.-]+)?)\s+(?:something|it|everything|stuff)\s+(?:breaks|goes\s+down|falls\s+over)\W*$", _F)
_NEVER = LazyRegex(r"^(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+never\s+(?P<v>[a-z]+)\s+(?:their|its|the)\s+(?P<obj>[^,;.]+)", _F)
_WITHOUT_TELLING = LazyRegex(r"\s+without\s+(?:even\s+)?(?:telling|informing|notifying|warning|asking|consulting)\s+(?:anyone|anybody|"
                             r"us|the\s+rest\s+of\s+us|other\s+teams|people)\b", _F)
_TEAM_AGAIN = LazyRegex(r",?\s+(?:yet\s+)?again\b(?:\s+(?:lmao|lol|smh))?(?=\W*$)|\s+strikes\s+again\b|\s+(?:as\s+usual|as\s+always)(?=\W*$)", _F)


def _broke_with(m: re.Match[str]) -> Reframe:
    verb = _OUTCOME[re.sub(r"\s+", " ", m.group("v").lower())]
    tool = m.group("tool").strip()
    obj = m.group("obj")
    if verb == "broke":
        return f"{m.group('pre')}{_cap(tool)} broke {obj}{m.group('end')}", None
    return f"{m.group('pre')}{obj} {verb} after {tool}{m.group('end')}", None


_BYPASSED = LazyRegex(r"^(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?P<v>bypassed|skipped|circumvented)\s+(?P<x>the\s+[^,;.]+?)"
                      r"(?P<rest>(?:\s+and\b|[,.;]|$).*)$", _F)


def _bypassed(m: re.Match[str]) -> Reframe:
    who = re.sub(r"^The\b", "the", m.group("who"))
    return f"{_cap(m.group('x'))} was {m.group('v')} by {who}{m.group('rest')}", "what made that path available?"


def _poss_cause(m: re.Match[str]) -> Reframe:
    owner = re.sub(r"^the\s+", "", m.group("owner"), flags=_F)
    return f"the {m.group('np')} ({owner}) ", None


def _broke(m: re.Match[str]) -> Reframe:
    verb = _OUTCOME[re.sub(r"\s+", " ", m.group("v").lower())]
    obj = m.group("obj")
    obj = "this" if obj.lower() in ("it", "everything") else obj
    return f"{obj} {verb}", "what let the change through?"


def _fault_for(m: re.Match[str]) -> Reframe:
    subj = re.sub(r"\bwhole\s+|\bmess\b", lambda x: "" if x.group(0).startswith("whole") else "incident", m.group("subj"), flags=_F)
    return f"{m.group('pre')}{subj} followed {m.group('who')} {m.group('rest').strip()}{m.group('end')}", "what made this possible?"


def _reason(m: re.Match[str]) -> Reframe:
    return _cap(m.group("rest").strip()) + m.group("end"), "what in the system allowed this?"


def _traces(m: re.Match[str]) -> Reframe:
    return m.group(0).replace(m.group("who") + " " + m.group("g"), m.group("g")) + f" (by {m.group('who')})", None


def _let_through(m: re.Match[str]) -> Reframe:
    return f"{_cap(m.group('obj'))} went through{m.group('rest')}{m.group('end')}", "what checks should have stopped it?"


def _ball(m: re.Match[str]) -> Reframe:
    pre = m.group("pre")
    obj = m.group("obj").strip()
    return f"{pre}{obj} were not in place{m.group('end')}", f"how are responsibilities for {obj} tracked?"


def _every_time(m: re.Match[str]) -> Reframe:
    obj = m.group("obj")
    return f"Changes to {obj} by the {m.group('who')} have repeatedly been followed by breakage", f"what checks run on {obj} changes?"


def _never(m: re.Match[str]) -> Reframe:
    pp = participle(m.group("v"))
    return f"{m.group('obj')} from {m.group('who')} are not always {pp}", "what would make that check automatic?"


# --- minimizing, sarcasm, insinuation, punitive ---------------------------------------------
_ALL_HAD = LazyRegex(r"^(?P<pre>.*?)\b(?:all|the\s+only\s+thing)\s+(?:he|she|they|you|u|\w+)\s+(?:had|needed|has|have|needs?)\s+to\s+do\s+"
                     r"(?:was|is)\s+(?P<v>[a-z]+)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_JUST_HAD = LazyRegex(r"^(?P<pre>.*?)(?:@?[\w.-]+|he|she|they|you|u)\s+(?:just|only|simply)\s+(?:had|needed|has|have|needs?)\s+to\s+"
                      r"(?P<v>[a-z]+)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_TRIVIAL_YET = LazyRegex(r"^(?P<what>.+?)\s+(?:is|was)\s+(?:so\s+|really\s+)?(?:trivial|easy|simple|basic|straightforward),?\s+"
                         r"(?:yet|but)\s+(?:it|this|that)\s+was\s+(?P<how>skipped|missed|forgotten|not\s+done)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_HOW_WRONG = LazyRegex(r",?\s*how\s+(?:do|did|does|could|can)\s+(?:you|u|they|he|she|anyone|someone|one)\s+(?:even\s+)?(?:get|mess|screw)\s+"
                       r"(?:that|this|it)\s+(?:wrong|up)\W*$", _F)
_OPTIONAL = LazyRegex(r"^(?P<what>[A-Za-z]+ing\b[^.;!?]*?)\s+(?:was|is|were|are)\s+(?:apparently\s+)?(?:optional|overrated|for\s+the\s+weak|"
                      r"a\s+suggestion)(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_DECISION = LazyRegex(r"^(?:it\s+was\s+)?(?:certainly\s+|truly\s+|really\s+|such\s+|what\s+)?(?:a\s+|an\s+)?(?:bold|inspired|brilliant|genius|"
                      r"stellar|visionary|great)\s+(?:choice|decision|move|idea|call|plan)\s+(?:to\s+)?(?P<v>[a-z]+)(?P<rest>[^.;!?]*?)"
                      r"\W*$", _F)
_PRAISE_DOING = LazyRegex(r"^(?:wow,?\s+|oh\s+)?(?:nice\s+one(?:\s+(?P<who>@?\w+))?,?\s+)?(?:real\s+|such\s+a\s+|what\s+a\s+)?(?:genius|great|nice|good|"
                          r"brilliant|amazing|stellar|fantastic|excellent|awesome|10x)\s+(?:move|job|work|one|stuff)\s+(?:on\s+)?"
                          r"(?P<g>[a-z]+ing)\b(?P<rest>[^.;!?]*?)\W*$", _F)
_OUTCOME_GERUND = {"taking down": "went down", "breaking": "broke", "deleting": "was deleted", "nuking": "was wiped",
                   "killing": "went down", "wiping": "was wiped", "crashing": "crashed", "dropping": "was dropped"}
_ERRORS_MADE = LazyRegex(r"^(?:(?:honestly|frankly),?\s+)?(?:mistakes|errors)\s+were\s+made(?:\s+by\s+(?:an?\s+)?(?:certain\s+|some\s+)?[\w-]+)?"
                         r"(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_VAGUE_SKIPPED = LazyRegex(r"^(?:let'?s\s+just\s+say\s+|not\s+naming\s+names\s+but\s+)?(?:some\s+people|someone|somebody|certain\s+"
                           r"(?:individuals|people|engineers|team\s+members))\s+(?:👀\s*)?(?P<v>skipped|bypassed|ignored|missed|forgot|"
                           r"pushed|deployed|merged)\s+(?P<rest>[^.;!?]*)(?P<end>[.!?]*)$", _F)
_KNOWN_WHO = LazyRegex(r"^.*?\b(?:noted|known|clear|obvious|evident|recorded)\s+(?:who|which\s+\w+)\s+(?:was|were|is|are)\s+"
                       r"(?:on\s+shift|on\s+call|responsible|involved)\s+(?:when|while)\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$", _F)
_WHO_SET = LazyRegex(r"^(?:\w+\s+)?(?:fire\s+|blame\s+)?whoever\s+(?P<v>[a-z]+ed|set|put|wrote|ran|made)\s+(?P<obj>(?:the\s+|this\s+|that\s+|"
                     r"[\w-]+'s\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?)(?P<rest>(?:\s+(?:to|at|on|in|during|before|after)\s+[^,;.!?]+?)?)"
                     r"(?:\s+(?:should|needs?\s+to|must|owes?|is|tbh)\b.*|\s+tbh)?\W*$", _F)
_WHO_DID = LazyRegex(r"^(?P<who>(?:the|that)\s+[\w-]+)\s+who\s+(?P<v>[a-z]+ed|ran|wrote|made|set)\s+(?P<what>[^,;]+?)\s+(?:should|must|needs?\s+to|"
                     r"will)\s+(?:be\s+|get\s+|lose\s+).*$", _F)
_ACCESS = LazyRegex(r"^.*?\b(?:lose|losing|revok\w*|strip\w*|remov\w*|pull\w*|suspend\w*|no\s+more|no\s+business\s+\w+)\s+(?:(?:his|her|their)\s+|(?:[\w-]+\s+){1,3}?of\s+)?"
                    r"(?P<what>(?:prod|production|deploy|root|admin|merge)\s+(?:access|credentials|rights|privileges|permissions)).*$", _F)
_EXCESS = LazyRegex(r"\s*[👏🙌😂🤣🙃🤌🤔👀🙄🤦]+|\b(?:lmao|lol|smh|tbh|ngl)\b,?|^\W*(?:ah\s+yes|classic|wow),?\s+|\.?\s*\bclassic\W*$", _F)


_PRE_SUBS: list[tuple[LazyRegex, str]] = [(LazyRegex(a, _F), b) for a, b in [
    (r"\ba\s+certain\s+(team|engineer|person|individual|developer|someone)(?:\s+(?:that|who)\s+shall\s+(?:not\s+be\s+named|remain\s+nameless))?", r"a \1"),
    (r"\s+anyway\b", ""),
    (r"\band\s+still\s+(hit|pushed|deployed|merged|ran|clicked|went|shipped|approved|restarted|did)\b", r"and then \1"),
    (r"\bin\s+hindsight\s+it\s+was\s+(?:obvious|clear)\s+(?:that\s+)?", ""),
    (r",?\s*(?:so|and)\s+responsib\w+\s+for\s+(?P<x>[^.;]+?)\s+(?:lies|rests|falls|is)\s+(?:solely\s+|entirely\s+|squarely\s+)?(?:with|on)\s+\w+",
     r", which led to \g<x>"),
    (r"\b(it|this|that)\s+should(?:\s+not|n't)\s+have\s+taken\b", r"\1 took"),
    (r"\b(?:an?\s+)?mis-?click\b", "an unintended click"),
    (r"\b(i|he|she|they|we)\s+(?:was|were|am|is|are)\s+being\s+(?:an?\s+)?(?:idiot|careless|sloppy|stupid|dumb|lazy|reckless)\s+and\s+", r"\1 "),
    (r",?\s*and\s+(?:we\s+will|i'?ll)\s+leave\s+it\s+at\s+that", ""),
    (r"\bdragged\s+on\s+for\b", "took"),
    (r"\bwithout\s+a\s+second\s+look\b", "with no second look"),
    (r",?\s*(?:a\s+decision\s+)?(?:that|which)\s+in\s+hindsight\s+was\s+(?:plainly\s+|clearly\s+|obviously\s+)?\w+", ""),
    (r",?\s*didn'?t\s+think\s+(?:it|that)\s+was\s+(?:even\s+)?possible", ""),
    (r"\bclassic\s+", ""),
    (r"\byet\s+another\b", "another"),
    (r"\band\s+caused\s+(?:the|an|this)\s+(outage|incident)", r"and the \1 followed"),
    (r"\bdisciplinary\s+action\s+for\b", "a review of the process and tooling around"),
    (r"(?:\b(?:a|the)\s+)?(?:lack\s+of\s+(?:attention|care|diligence)(?:\s+to\s+detail)?|lapses?\s+(?:in|of)\s+(?:diligence|judge?ment|attention|care)|"
     r"negligence|carelessness|sloppiness|recklessness)\s+(?:by|of|from|on\s+the\s+part\s+of)\s+", "conditions around "),
    (r"(?<![\w'-])(?:the\s+)?[\w-]+'s\s+(?:gross\s+)?(?:negligence|carelessness|sloppiness|recklessness|incompetence)\s+", "conditions in the process "),
    (r"\b(?:showed|displayed|demonstrated)\s+(?:gross\s+|real\s+)?(?:negligence|carelessness|sloppiness|recklessness|incompetence)\s+in\b", "ran into problems in"),
    (r"(?P<owner>(?:the\s+)?[\w-]+(?:\s+team|\s+folks)?)'s\s+disregard\s+for\s+(?P<x>[^.,;]+)", r"\g<x> not being followed by \g<owner>"),
    (r"\b(?:is|are|was|were)\s+(?:so\s+|very\s+|really\s+|being\s+)?(?:reckless|careless|sloppy|lazy|irresponsible)\s+to\s+", "chose to "),
    (r"(?<![\w'-])(?:the\s+)?(?P<owner>[\w-]+(?:\s+team)?)'s\s+['\"‘“](?P<x>[^'\"’”]{2,30})['\"’”]", r"the \g<x> from the \g<owner>"),
    (r"\bshould\s+(?:never|not)\s+have\s+been\s+(given|granted|allowed|trusted\s+with)\b", r"was \1"),
    (r"^\W*(?:the\s+)?[\w-]+(?:\s+team)?\s+(?:strikes\s+)?again\b\W*(?=\w)", ""),
]]
_CARELESS_WITH = LazyRegex(r"^.*?\b(?:is|are|was|were|being)\s+(?:so\s+|very\s+|really\s+|too\s+)?(?:careless|sloppy|reckless|lazy)\s+"
                           r"(?:with|about|around)\s+(?P<x>[\w\s-]+?)(?:\s+it'?s\s+unreal)?\W*$", _F)
_NO_CLUE = LazyRegex(r"^(?:.*?\b(?:is|are|was)\s+(?:so\s+)?(?:incompetent|clueless|useless|hopeless)\b,?\s*)?(?:he|she|they|\w+)\s+"
                     r"(?:doesn'?t|don'?t|didn'?t)\s+(?:even\s+)?(?:understand|know)\s+(?P<x>[\w\s-]{1,20}?)\s+at\s+all\W*$", _F)
_NOT_TOUCH = LazyRegex(r"^(?P<pre>.*?)(?:@?[\w.-]+\s+)?(?:can\s+(?:u|you)\s+|please\s+|pls\s+)?(?:not|never|stop)\s+(?:to\s+)?(?:touch(?:ing)?|"
                       r"go(?:ing)?\s+near)\s+(?P<x>.+?)\s+(?:anymore|any\s+more|ever\s+again|again)(?:\s+(?:pls|please))?[\W]*(?P<post>.*)$", _F)
_PRO_TIP = LazyRegex(r"^\W*(?:pro\s+tip:?\s*)?maybe\s+(?:try\s+)?(?P<v>\w+)\s+(?P<x>.+?)\s+before\s+(?P<y>\w+ing\s+.+?)\W*$", _F)
_IF_HADNT = LazyRegex(r"^(?P<pre>.*?)\b(?:if|had)\s+(?P<who>@?[\w.-]+)\s+(?:hadn'?t|had\s+not|didn'?t|did\s+not)\s+(?P<pp>\w+)\s+(?P<x>.+?)(?:,\s*|\s+)"
                      r"(?:we'?d|we\s+would|it\s+would|this\s+would|none\s+of\s+this\s+would|everything\s+would)\b.*$", _F)
_YOUD_THINK = LazyRegex(r"^\W*you'?d\s+think\s+(?P<pre>(?:after|by)\s+[^,]+?,?\s+)?(?:people|ppl|they|folks|engineers|we|devs)\s+(?:would|should|'d)\s+"
                        r"know\s+(?P<neg>not\s+)?to\s+(?P<v>\w+)\s+(?P<x>.+?)\W*$", _F)
_WHO_NEEDS = LazyRegex(r"^\W*who\s+needs\s+(?P<x>\w+(?:\s+\w+)?)\s+when\b.*$", _F)
_SOME_OF_US = LazyRegex(r"^\W*some\s+of\s+us\s+(?:actually\s+)?(?P<v>\w+)\s+(?P<x>.+?)\W*$", _F)
_NEED_TO = LazyRegex(r"^\W*(?:some\s+people|some\s+of\s+(?:you|us)|certain\s+people|someone|somebody)\b[^,]*?\s+(?:need|needs|should|have|has)\s+"
                     r"to\s+(?!(?:get|be|lose|face)\b)(?P<v>\w+)\s+(?P<x>[^.;!?]+?)\W*$", _F)
_ROOT_WHO = LazyRegex(r"^\W*(?:the\s+)?root\s+cause\s*(?::|is|was)\s*(?P<who>(?:the\s+)?[\w@.-]+(?:\s+[\w-]+)?),\s+who\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$", _F)
_RESP_WHICH = LazyRegex(r"^.*?\bresponsib\w+\s+(?:for\s+[^,]+?\s+)?(?:lies|rests|sits|falls|is)\s+(?:solely\s+|entirely\s+|squarely\s+)?(?:with|on)\s+"
                        r"(?P<who>[^,]+?),\s+(?:which|who)\s+(?P<rest>[^.;!?]+)(?P<end>[.!?]*)$", _F)
_IF_ONLY = LazyRegex(r"^\W*if\s+only\s+(?P<who>.+?)\s+had\s+(?P<pp>\w+)\s+(?P<x>[^,]+),\s*.+$", _F)
_SPEAKS = LazyRegex(r"^.*?\bspeaks\s+for\s+itself\s+as\s+to\s+(?P<x>[^,.;!?]+)(?P<end>[.!?]*)$", _F)
_FIX_IT = LazyRegex(r"^\W*(?P<who>@?\w+)\s+broke\s+it,?\s+(?P=who)\s+(?:can\s+|should\s+|must\s+|gets\s+to\s+|has\s+to\s+)?fix(?:es)?\s+it\W*$", _F)


def _root_who(m: re.Match[str]) -> Reframe:
    return f"The mechanism behind this is under review: {m.group('who')} {m.group('rest').strip()}{m.group('end')}", None


def _resp_which(m: re.Match[str]) -> Reframe:
    return f"{_cap(m.group('who').strip())} {m.group('rest').strip()}{m.group('end')}", "what made the signals easy to set aside?"


def _if_only(m: re.Match[str]) -> Reframe:
    who = m.group("who")
    return f"{_cap(who)} did not {base_form(m.group('pp'))} {m.group('x')}", "what would have put it in front of them in time?"


def _speaks(m: re.Match[str]) -> Reframe:
    return f"{_cap(m.group('x').strip())} is under review{m.group('end')}", None


def _fix_it(m: re.Match[str]) -> Reframe:
    return f"A change by {m.group('who')} broke this", "who is best placed to fix it, and what let the change through?"


_CONGRATS = LazyRegex(r"^\W*congrat\w*\s+(?:to\s+(?P<who>.+?)\s+for|on)\s+(?:finding\s+a\s+new\s+way\s+to\s+)?(?P<g>\w+)\s+(?P<rest>.+?)\W*$", _F)


def _careless_with(m: re.Match[str]) -> Reframe:
    x = m.group("x").strip()
    return f"{_cap(x)} keep causing problems", f"what makes {x} easy to get wrong?"


def _no_clue(m: re.Match[str]) -> Reframe:
    x = m.group("x").strip()
    return f"{x} was unfamiliar ground here", f"what support is there for {x} work?"


def _not_touch(m: re.Match[str]) -> Reframe:
    x, post = m.group("x").strip(), m.group("post").strip(" ,;")
    body = f"{m.group('pre')}{post} with {x}" if post else f"{m.group('pre')}changes to {x} have caused trouble"
    return body.strip(), f"what validation or review would make changes to {x} safer for everyone?"


def _pro_tip(m: re.Match[str]) -> Reframe:
    return _cap(m.group("y")), f"what would have put {m.group('x')} in front of the responder first?"


def _if_hadnt(m: re.Match[str]) -> Reframe:
    return f"{m.group('pre')}{m.group('who')} {m.group('pp')} {m.group('x')}", "what about that change led to the incident, and what would have caught it?"


def _youd_think(m: re.Match[str]) -> Reframe:
    pre = (m.group("pre") or "").strip(" ,")
    what = "stopped" if m.group("neg") else "prompted"
    q = f"what would have {what} {gerund(m.group('v').lower())} {m.group('x')}?"
    return "", _cap(f"{pre}, {q}" if pre else q)


def _who_needs(m: re.Match[str]) -> Reframe:
    return "", f"Should this change have gone through {m.group('x')}?"


def _some_of_us(m: re.Match[str]) -> Reframe:
    return "", f"What would make {gerund(m.group('v').lower())} {m.group('x')} automatic?"


def _need_to(m: re.Match[str]) -> Reframe:
    return "", f"What would make {gerund(m.group('v').lower())} {m.group('x')} part of the process?"


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
    return f"{m.group('what')} was {m.group('how')}{m.group('rest')}{m.group('end')}", "what made it easy to skip?"


def _optional(m: re.Match[str]) -> Reframe:
    return f"{_cap(m.group('what'))} was skipped{m.group('rest')}{m.group('end')}", "what made it easy to skip?"


def _decision(m: re.Match[str]) -> Reframe:
    if m.group("v").lower().endswith("ing"):
        return f"{_cap(m.group('v'))}{m.group('rest')}", "what made this look safe at the time?"
    return f"The decision was made to {m.group('v')}{m.group('rest')}", "what made this look safe at the time?"


def _praise_doing(m: re.Match[str]) -> Reframe:
    g = m.group("g").lower()
    rest = m.group("rest")
    if m.group("who") and g != "taking":
        return f"{m.group('who')} {past(lemma(g))}{rest}", "what made this possible?"
    for lead, outcome in _OUTCOME_GERUND.items():
        words = lead.split()
        if g == words[0] and rest.lower().lstrip().startswith(" ".join(words[1:])):
            obj = rest.lstrip()[len(" ".join(words[1:])):].strip()
            return f"{_cap(obj)} {outcome}", "what made this possible?"
    return f"{_cap(g)}{rest}", "what made this look like the right call at the time?"


def _errors_made(m: re.Match[str]) -> Reframe:
    return f"Something went wrong{m.group('rest')}{m.group('end')}", "what in the process allowed it?"


_PASSIVE = {"skipped": "was skipped", "bypassed": "was bypassed", "ignored": "was not acted on", "missed": "was missed",
            "forgot": "was not done", "pushed": "went out", "deployed": "went out", "merged": "was merged"}


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
    return f"{_cap(m.group('who'))} {m.group('v')} {m.group('what')}", "we will review the process and tooling around this change."


def _access(m: re.Match[str]) -> Reframe:
    return "", f"How {m.group('what')} are granted and safeguarded will be reviewed."


_TRANSFORMS: list[tuple[LazyRegex, Callable[[re.Match[str]], Reframe]]] = [
    (_ROOT_WHO, _root_who), (_RESP_WHICH, _resp_which), (_IF_ONLY, _if_only), (_SPEAKS, _speaks), (_FIX_IT, _fix_it),
    (_CARELESS_WITH, _careless_with), (_NO_CLUE, _no_clue), (_NOT_TOUCH, _not_touch), (_PRO_TIP, _pro_tip),
    (_IF_HADNT, _if_hadnt), (_YOUD_THINK, _youd_think), (_WHO_NEEDS, _who_needs), (_SOME_OF_US, _some_of_us),
    (_NEED_TO, _need_to), (_CONGRATS, _congrats), (_POSS_CAUSE, _poss_cause), (_BYPASSED, _bypassed),
    (_WHO_DID, _who_did), (_WHO_SET, _who_set), (_ACCESS, _access),
    (_FAULT_FOR, _fault_for), (_REASON, _reason), (_BROKE_WITH, _broke_with), (_TRACES, _traces),
    (_BALL, _ball), (_EVERY_TIME, _every_time), (_NEVER, _never), (_LET_THROUGH, _let_through),
    (_WHY, _why), (_MODAL, _counterfactual), (_FAILED, _failed),
    (_ALL_HAD, _all_had), (_JUST_HAD, _all_had), (_TRIVIAL_YET, _trivial_yet), (_OPTIONAL, _optional),
    (_DECISION, _decision), (_PRAISE_DOING, _praise_doing), (_ERRORS_MADE, _errors_made),
    (_VAGUE_SKIPPED, _vague_skipped), (_KNOWN_WHO, _known_who), (_BROKE, _broke),
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
            out = out[:m.start()] + new + out[m.end():]
            pos = m.start() + len(new)
            if q:
                questions.append(q)
            if not out:
                break
    out = _IGNORED.sub(lambda m: "did not act on the " if m.group(1).lower() not in ("missed", "overlooked") else "did not spot the ", out)
    return out.strip(), questions
