"""The rule table: regexes built from word classes, one row per blame marker.

Each row is ``(category, regex, explanation, confidence, guards)``. A regex may name a ``span``
group (the reported span; default the whole match) and a ``who`` group (the subject, checked by
the ``person`` guard). Guards: ``neg`` (no negation just before), ``quote`` (not a quoted
mention), ``person`` (``who`` is a person or team, not a system), ``norel`` (subject is not in a
relative clause: "the warning that responders missed"), ``human`` (the sentence mentions a
person; otherwise the confidence is lowered into the unsure band).
"""

from __future__ import annotations

from assistant.tone.lexicon import (
    AGENT_VERB,
    BLAME_VERB,
    CHARACTER,
    COGNITIVE_VERB,
    HUMAN,
    ROLE,
    TEAM,
)

NAME = r"(?<![\w@'.-])@?[A-Za-z][\w.-]*"
WHO = rf"(?P<who>{HUMAN}|{NAME})"
# Clause start: the subject of a causal verb comes first in its clause.
CS = r"(?:^|(?<=[,;:(—–-])\s*|(?<=\s)(?:and|but|so|then|because|since|when|after|before|honestly|ngl|tbh|lol|ok|well|yeah|apparently|basically)\s+|^(?:\W{1,3}\s*)?)"
MODAL_PERFECT = r"(?:should|could|would|ought\s+to|must)(?:\s+not|n't|\s+never)?\s*(?:have|'ve|of)"
POSS_OBJ = (
    r"(?:him|her|them|his|their|the\s+(?:\w+\s+)?"
    + ROLE
    + r"|the\s+whole\s+\w+\s+team|the\s+entire\s+\w+\s+team|whoever\b[^,.]{0,30})"
)
NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|numerous|countless)"
QUOTE_OPEN = "['\"“‘]"
QUOTE_CLOSE = "['\"”’]"
NEG_OUTCOME = (
    r"(?:break|broke|breaking|derail\w*|take\s+down|taking\s+down|took\s+down|new\s+way|outage|nuk\w+|kill\w*|"
    r"crash\w*|delet\w+|wip\w+|down|disaster|mess|brick\w*|melt\w*|tank\w*)"
)

Rule = tuple[str, str, str, float, str]

HUMAN_ERROR: list[Rule] = [
    (
        "human-error-label",
        r"\b(?:human|operator|user|pilot|personnel|people|engineer|staff|manual)\s+(?:error|mistake|failure|fault|slip)s?\b"
        r"(?!\s+(?:message|messages|page|pages|code|codes|rate|rates|handling|text|string|dialog|state|budget|log))",
        "labels the cause as 'human error', which ends the inquiry instead of describing the mechanism",
        0.9,
        "quote",
    ),
    (
        "human-error-label",
        r"\bfat[\s-]?finger(?:ed|ing|s)?\b|\bmis-?click(?:ed|ing|s)?\b",
        "'fat-fingered' is a human-error label; describe what was entered and why nothing caught it",
        0.9,
        "",
    ),
    (
        "human-error-label",
        r"\b(?:pebkac|pebcak|pebmac|id10t|id-10-t|layer[\s-]?8\s+(?:issue|problem|error)|problem\s+between\s+(?:the\s+)?(?:keyboard|chair)|brain\s*fart|wetware\s+(?:bug|issue|error))\b",
        "a mocking human-error label that closes the inquiry",
        0.9,
        "",
    ),
    (
        "human-error-label",
        r"\b(?:error|mistake|cause|failure|problem|issue|fault)\s+(?:was|is)\s+(?:purely\s+|simply\s+|just\s+|entirely\s+)?human\b(?![\s-]+(?:error|mistake|slip|failure|fault|review|judg|approval|in\s+the\s+loop))",
        "labels the cause as human, not technical, which ends the inquiry",
        0.9,
        "quote",
    ),
    (
        "human-error-label",
        r"\broot\s+cause\s*(?::|was|is)\s*(?:an?\s+)?(?:simple\s+|individual\s+)?(?:oversight|carelessness|inattention|a\s+lapse|lapse|slip-?up)\b",
        "offers a personal lapse as the root cause instead of the mechanism",
        0.85,
        "",
    ),
]

COUNTERFACTUAL: list[Rule] = [
    (
        "counterfactual-hindsight",
        rf"(?P<span>\b(?:if\s+(?:only\s+)?(?P<who>{HUMAN}|(?-i:[A-Z][a-z]+)|@[\w.-]+)\s+(?:had(?:\s+not|n't)?|did(?:\s+not|n't))|had\s+(?P<who2>{HUMAN}|(?-i:[A-Z][a-z]+)|@[\w.-]+)(?:\s+not|n't)?)\s+(?:just\s+|only\s+|simply\s+)?\w+ed\b[^.;]{{0,80}}?)(?=,?\s*(?:(?:none\s+of\s+(?:this|that|it)|nothing)\s+(?:would|'d|could)|(?:we|it|this|that|the\s+\w+)\s+(?:would(?:n't|\s+not|\s+never)|wouldn't|couldn't|could\s+not|'d\s+(?:not|never)|"
        r"(?:would|could|'d)\s+(?:have\s+)?(?:been\s+)?(?:fine|ok|okay|avoided|prevented|caught|safe)))\b)",
        "a counterfactual about what a person did or did not do, judged with hindsight",
        0.8,
        "person",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>\b(?P<who>{HUMAN}|(?<![\w'])(?-i:[A-Z][a-z]+))\s+(?:[\w'-]+\s+){{0,3}}?{MODAL_PERFECT}\s+(?:\w+\s+)?{AGENT_VERB})\b",
        "a counterfactual about what a person should or could have done, judged with hindsight",
        0.85,
        "person",
    ),
    (
        "counterfactual-hindsight",
        r"\bshould(?:\s+not|n't)?\s*(?:have|'ve)\s+been\s+(?:(?:easily\s+)?(?:caught|noticed|spotted|obvious|seen|prevented|avoided|flagged|escalated)\b(?!\s+by\s+(?:the\s+)?(?:tests?|ci|pipeline|linter|checks?|monitoring|alerts?|canary|validation|tooling|automation))|(?:a|an)\s+(?:\w+-)?(?:minute|second|line))",
        "a hindsight judgment that the problem should have been caught or been quick",
        0.75,
        "quote",
    ),
    (
        "counterfactual-hindsight",
        r"\bshould(?:\s+not|n't)\s+have\s+taken\s+(?:so|that|this|\d+|an?|one|two|three|four|five|six|over|more|hours|days)",
        "judges in hindsight how long the response should have taken",
        0.6,
        "quote",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>(?P<who>{HUMAN}|\b{NAME})\s+(?:\w+\s+)?(?:failed|neglected|forgot|omitted|refused|didn'?t\s+bother|did\s+not\s+bother|chose\s+not|decided\s+not|never\s+bothered)\s+to\s+{COGNITIVE_VERB})\b",
        "says people failed to do something, a counterfactual that hides the conditions they faced",
        0.85,
        "person norel",
    ),
    (
        "counterfactual-hindsight",
        r"(?P<span>\b(?:neglected|forgot|didn'?t\s+bother|did\s+not\s+bother|never\s+bothered)\s+to\s+\w+)",
        "says someone neglected or forgot to act, judged with hindsight",
        0.55,
        "",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>(?P<who>{HUMAN}|\b{NAME})\s+(?:\w+\s+)?(?:ignored|disregarded|dismissed|brushed\s+off|blew\s+off|blew\s+past|overrode|bypassed|circumvented|skipped)\s+(?:the|an?|all|every|obvious|clear|multiple|several|\d+|{NUMBER_WORD}|both|repeated|those|these|its|their|his|her|warnings?))",
        "says people ignored a signal; describe what they saw and why it did not stand out",
        0.8,
        "person norel",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>(?P<who>{HUMAN}|\b{NAME})\s+(?:\w+\s+)?(?:missed|overlooked)\s+(?:the|an?|all|every|obvious|clear|multiple|several|\d+|{NUMBER_WORD}|both|repeated|those|these|warnings?|signs?))",
        "says people missed a signal, judged with hindsight",
        0.45,
        "person norel",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>\b(?:had|if)\s+(?P<who>{HUMAN}|(?:the\s+)?operators?|(?-i:[A-Z][a-z]+))\s+(?:had\s+)?(?:only\s+|just\s+|simply\s+|actually\s+|bothered\s+to\s+)?(?:been\s+(?:paying|more|watching|awake|alert|careful|listening)|{AGENT_VERB}|paid|read|listened|bothered))\b",
        "a counterfactual about what a person could have done, judged with hindsight",
        0.8,
        "person",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>\b(?:had|if)\s+(?P<who>{HUMAN}|(?-i:[A-Z][a-z]+))\s+(?:hadn'?t|had\s+not|didn'?t|did\s+not|never|wasn'?t|had\s+never)\s+\w+)"
        # the outcome is negated ("…, none of this would have happened"): "had X not paged us, the
        # region would have failed too" credits X and is not blame
        r"(?=[^.;]{0,160}?\b(?:none|nothing|nobody|never|not|no|wouldn't|couldn't|won't|n't|fine|ok|okay|avoided|"
        r"prevented|caught|safe)\b)",
        "a counterfactual about what a person did, judged with hindsight",
        0.8,
        "person",
    ),
    (
        "counterfactual-hindsight",
        r"\bif\s+only\b",
        "'if only' is a counterfactual judged with hindsight",
        0.85,
        "quote",
    ),
    (
        "counterfactual-hindsight",
        r"\bpredictably\b",
        "'predictably' judges the decision with knowledge of the outcome",
        0.8,
        "neg",
    ),
    (
        "counterfactual-hindsight",
        r"\b(?:this|it|that|which)\s+was\s+(?:always\s+|just\s+)?(?:inevitable|bound\s+to\s+happen|only\s+a\s+matter\s+of\s+time)",
        "calls the outcome inevitable, a hindsight judgment",
        0.75,
        "neg",
    ),
    (
        "counterfactual-hindsight",
        r"\bin\s+hindsight\b[^.;]{0,40}?\b(?:wrong|obvious|mistake|bad|poor|foolish|clear|should)\w*",
        "judges a decision with hindsight",
        0.75,
        "",
    ),
    (
        "counterfactual-hindsight",
        rf"\bwhy\s+(?:didn'?t|did\s+not|wouldn'?t|couldn'?t|wasn'?t|weren'?t|did\s+no\s*(?:one|body))\s+(?P<who>{HUMAN}|{NAME})?\s*(?:just\s+|even\s+|bother\s+to\s+|think\s+to\s+|think\s+of\s+)?{COGNITIVE_VERB}\w*",
        "a 'why didn't anyone…' question aimed at people; ask what would have made it visible",
        0.8,
        "person",
    ),
    (
        "counterfactual-hindsight",
        r"\byou'?d\s+think\b",
        "'you'd think…' implies people should have known better",
        0.8,
        "",
    ),
    (
        "counterfactual-hindsight",
        r"\b(?:should(?:'ve|\s+have)\s+known\s+better|knew\s+better|know\s+better\s+than|(?:people|ppl|they|you|u|he|she|engineers|devs|folks)\s+(?:would|should)\s+know\s+(?:not\s+to|better|how))",
        "implies people should have known better",
        0.8,
        "neg",
    ),
    (
        "counterfactual-hindsight",
        r"\band\s+still\s+(?:hit|pushed|deployed|merged|ran|clicked|went|shipped|approved|restarted|did)\b",
        "'…and still did it' judges the person's choice with hindsight",
        0.7,
        "",
    ),
    (
        "counterfactual-hindsight",
        r"\b(?:pushed|went|ploughed|plowed|pressed|carried|deployed|merged|shipped|proceeded|went\s+ahead)\s+(?:forward\s+|on\s+|ahead\s+)?anyway\b",
        "'…anyway' judges the choice with knowledge of the outcome",
        0.7,
        "",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>(?P<who>{HUMAN})\s+(?:\w+\s+){{0,2}}never\s+(?:test|tests|tested|check|checks|read|reads|review|reviews|follow|follows|listen|listens|learn|learns|bother|bothers|tell|tells|communicate)\b)",
        "says a person or group habitually fails to do something",
        0.8,
        "person",
    ),
    (
        "counterfactual-hindsight",
        rf"(?P<span>(?P<who>{HUMAN}|\b{NAME})\s+(?:\w+\s+){{0,6}}?without\s+(?:even\s+)?(?:telling|informing|asking|checking|testing|notifying|consulting|warning|reading|looking|a\s+second\s+look|thinking|any\s+(?:review|testing|approval|warning|notice)|bothering))",
        "says a person or group acted without doing something, judged with hindsight",
        0.65,
        "person norel",
    ),
]


CHARACTER_RULES: list[Rule] = [
    (
        "character-judgment",
        r"\bno\s+business\s+(?:\w+ing|near|with|on)\b",
        "says people have no business doing their job",
        0.8,
        "neg",
    ),
    (
        "character-judgment",
        rf"\b{CHARACTER}\b",
        "judges a person's character or competence instead of the conditions",
        0.85,
        "neg quote tech",
    ),
    (
        "character-judgment",
        r"\bwhat\s+(?:were|was)\s+(?:they|you|u|he|she|\w+)\s+(?:even\s+)?thinking\b",
        "questions the person's judgment",
        0.8,
        "",
    ),
]

TEAM_RULES: list[Rule] = [
    (
        "team-blame",
        rf"(?P<span>(?P<who>{TEAM})\s+(?:\w+\s+){{0,2}}?(?:\w+\s+(?:\w+\s+){{0,4}}?and\s+)?{BLAME_VERB})",
        "presents a team as the cause; describe the change and the conditions",
        0.8,
        "person norel",
    ),
    (
        "team-blame",
        rf"(?P<span>(?P<who>{TEAM})\s+(?:(?:strikes|is\s+at\s+it|are\s+at\s+it|at\s+it)\s+)?(?:again|yet\s+again|as\s+usual|strikes\s+again)\b)",
        "presents a team as habitually at fault",
        0.75,
        "person",
    ),
    (
        "team-blame",
        rf"(?P<span>(?P<who>{TEAM})'s?\s+(?:[\w-]+\s+){{0,4}}?(?:caused|broke|took\s+down|brought\s+down|knocked\s+out)\b)",
        "presents a team's work as the cause; describe the change and how it got through",
        0.7,
        "person",
    ),
    (
        "team-blame",
        rf"(?P<span>\bevery\s+time\s+(?P<who>{HUMAN})\s+[^.;]{{0,50}}?\b(?:breaks|goes\s+down|falls\s+over|blows\s+up|dies|catches\s+fire|burns))",
        "says a group habitually breaks things",
        0.8,
        "person",
    ),
    (
        "team-blame",
        rf"(?P<span>(?P<who>{TEAM})\s+[^.;]{{3,80}}?\b(?:broke|broken|breaking|down|outage|ddos\w*|crash\w*|took|killed|wiped|deleted|failed|buggy|mess)\b[^.;]{{0,40}}?,?\s+(?:again|yet\s+again|as\s+usual|as\s+always)\W*$)",
        "presents a team as habitually at fault",
        0.6,
        "person norel",
    ),
    (
        "team-blame",
        r"(?P<span>\b(?:ships?|shipping|pushe?s?|deploys?)\s+broken\b)",
        "says a team habitually ships broken work",
        0.8,
        "",
    ),
    (
        "team-blame",
        r"(?P<span>\b(?:stop|keeps?|always|constantly)\s+breaking\b)",
        "says a group habitually breaks things",
        0.75,
        "",
    ),
]

PUNITIVE: list[Rule] = [
    (
        "punitive",
        r"\b(?:be|get|gets|got|getting|been|being)\s+(?:fired(?!\s+(?:off|up|at))|sacked|canned|let\s+go|axed|disciplined|reprimanded|punished|suspended|demoted|pipped|written\s+up|put\s+on\s+(?:a\s+)?pip|(?:removed|kicked|pulled|taken|banned)\s+(?:off|from|out\s+of)\s+(?:the\s+)?(?:on-?call|pager|team|project))\b",
        "calls for punishment; postmortems look for conditions, not culprits",
        0.9,
        "neg quote",
    ),
    (
        "punitive",
        r"\b(?:formal|serious|personal|individual|professional)\s+(?:consequences|repercussions|sanctions|warning)\b|\bperformance\s+(?:conversation|discussion|talk|plan|management|improvement)\b|\b(?:involve|inform|notify|loop\s+in|escalate\s+to)\s+(?:hr|human\s+resources)\b|\bhr\s+(?:to\s+be\s+)?(?:informed|involved|notified)\b",
        "calls for a sanction in HR language; postmortems look for conditions, not culprits",
        0.85,
        "neg quote",
    ),
    (
        "punitive",
        r"\bdisciplin(?:ary|ed)\b",
        "calls for discipline; postmortems look for conditions, not culprits",
        0.9,
        "neg quote",
    ),
    (
        "punitive",
        rf"(?<!\bbe\s)(?<!\bbeen\s)\b(?:fire|sack|can|axe|punish|reprimand|discipline|demote|suspend|replace)\s+{POSS_OBJ}",
        "calls for punishing the people involved",
        0.9,
        "neg",
    ),
    (
        "punitive",
        r"\b(?:formal\s+|written\s+)?(?:reprimand(?:s|ed)?|written\s+warning|performance\s+improvement\s+plan)\b",
        "calls for a formal sanction against a person",
        0.85,
        "neg quote",
    ),
    (
        "punitive",
        r"\bface\s+(?:the\s+|serious\s+|real\s+)?(?:consequences|repercussions|discipline|sanctions)\b",
        "calls for consequences for people",
        0.85,
        "neg",
    ),
    (
        "punitive",
        r"\b(?:lose|losing|lost)\s+(?:their|his|her)\s+(?:\w+\s+)?(?:access|rights|privileges|permissions|credentials|job|badge|bonus)\b",
        "calls for taking something away from a person as a sanction",
        0.85,
        "neg",
    ),
    (
        "punitive",
        r"\bheads?\s+(?:should|will|must|needs?\s+to|are\s+going\s+to|is\s+going\s+to|gonna|to)\s+roll\b",
        "calls for punishment",
        0.95,
        "neg",
    ),
    (
        "punitive",
        r"\b(?:should|must|needs?\s+to|will|to)\s+be\s+written\s+up\b|\bwrite\s+(?:him|her|them)\s+up\b",
        "calls for a formal reprimand",
        0.9,
        "neg human",
    ),
    (
        "punitive",
        r"\bheld\s+(?:personally\s+|directly\s+|individually\s+)?(?:accountable|responsible|liable)\b",
        "calls for holding a person accountable instead of fixing conditions",
        0.75,
        "neg quote",
    ),
    (
        "punitive",
        r"\b(?:dock(?:ing|ed)?|cut(?:ting)?|withh(?:old|olding|eld)|lose|losing)\s+(?:their|his|her|the\s+team'?s?)\s+(?:bonus|pay|salary|raise|equity|pto)\b",
        "calls for a financial sanction",
        0.9,
        "",
    ),
    (
        "punitive",
        rf"\b(?:revok\w*|strip\w*|remov\w*|pull\w*|tak\w+\s+away|suspend\w*|yank\w*)\s+(?:{HUMAN}\s+of\s+|(?:his|her|their)\s+|{NAME}'s\s+)(?:\w+\s+){{0,2}}?(?:rights|access|privileges|permissions|credentials|keys|badge)\b",
        "calls for taking away a person's access as a sanction",
        0.85,
        "",
    ),
    (
        "punitive",
        r"\bno\s+more\s+(?:\w+\s+)?(?:rights|access|privileges|permissions|deploys?|merges?|prod)\s+for\b",
        "calls for taking away a person's access as a sanction",
        0.9,
        "",
    ),
    (
        "punitive",
        r"\b(?:ban|banned|bar|barred|lock\s+(?:him|her|them)\s+out)\s+(?:\w+\s+){0,2}from\s+(?:deploying|prod|production|touching|merging|pushing)",
        "calls for banning a person",
        0.85,
        "",
    ),
    (
        "punitive",
        r"(?P<span>\b(?:not|never|n't)\s+(?:be\s+allowed\s+to\s+)?(?:touch|go\s+near|deploy)\s+(?:\w+\s+){0,3}(?:anymore|any\s+more|ever\s+again)\b)",
        "asks to restrict a person instead of making the change safer",
        0.8,
        "",
    ),
    (
        "punitive",
        r"\bmake\s+(?:an?\s+)?example\s+(?:out\s+)?of\b",
        "calls for making an example of people",
        0.85,
        "neg",
    ),
    ("punitive", r"\bkeep\s+(?:him|her|them|\w+)\s+away\s+from\b", "asks to restrict a person", 0.75, ""),
    (
        "punitive",
        r"(?P<span>\b(?P<who>@?\w+)\s+broke\s+it,?\s+(?P=who)\s+(?:can\s+|should\s+|must\s+|gets\s+to\s+|has\s+to\s+)?fix(?:es)?\s+it)",
        "makes fixing a penalty for whoever broke it",
        0.85,
        "",
    ),
    (
        "punitive",
        r"\byou\s+break\s+it,?\s+you\s+(?:fix|own|buy)\s+it\b",
        "makes fixing a penalty for whoever broke it",
        0.8,
        "",
    ),
    (
        "punitive",
        r"\b(?:name\s+and\s+shame|wall\s+of\s+shame|hall\s+of\s+shame|public(?:ly)?\s+sham\w+|dunce\s+cap)\b",
        "calls for shaming",
        0.85,
        "neg",
    ),
    (
        "punitive",
        r"\bhire\s+(?:people|someone|engineers|devs|folks|ppl)\s+who\s+(?:know|can|understand|actually)\b",
        "calls for replacing the people involved",
        0.8,
        "",
    ),
    (
        "punitive",
        r"\b(?:on|in|into)\s+(?:his|her|their)\s+(?:permanent\s+)?(?:record|file|performance\s+review|perf\s+review)\b",
        "calls for a mark on a person's record",
        0.85,
        "neg",
    ),
    (
        "punitive",
        r"\b(?:consequences|repercussions)\s+for\s+(?:him|her|them|whoever|those|the\s+\w+)",
        "calls for consequences for people",
        0.75,
        "neg",
    ),
]
