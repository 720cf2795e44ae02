"""Word classes for the blame rules, as regex fragments (case-insensitive, no capture groups).

Classes describe *who* can be blamed (people, roles, teams), *what* blaming looks like (causal
verbs, counterfactual modals, judgment words) and *which senses are technical* (systems as
subjects). Rules in ``patterns.py`` combine them; nothing here is a list of example sentences.
"""

from __future__ import annotations


def alt(*words: str) -> str:
    """A non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(words) + ")"


# --- who -------------------------------------------------------------------------------------
# A role that picks out one person.
ROLE = alt(
    r"intern", r"new\s+hire", r"new\s+guy", r"new\s+girl", r"contractor", r"junior(?:\s+(?:dev|engineer))?",
    r"(?:on-?call|oncall)(?:\s+(?:engineer|person|sre|dev))?", r"engineer", r"developer", r"dev",
    r"responder", r"incident\s+commander", r"release\s+manager", r"dba", r"database\s+administrator",
    r"sys-?admin", r"admin", r"reviewer", r"approver", r"author", r"guy", r"dude", r"person",
    r"employee", r"individual", r"operator\s+on\s+(?:shift|duty)", r"sre", r"manager", r"tech\s+lead",
    r"committer", r"deployer", r"culprit", r"offender", r"bro", r"buddy", r"mate",
)
# Plural or vague groups of people.
PEOPLE = alt(
    r"engineers", r"developers", r"devs", r"people", r"ppl", r"folks", r"responders", r"staff",
    r"personnel", r"individuals", r"humans", r"operators", r"admins", r"reviewers", r"guys", r"y'?all",
)
PRONOUN = alt(r"he", r"she", r"they", r"you", r"u", r"ya", r"someone", r"somebody", r"whoever",
              r"some\s+one", r"anyone", r"anybody", r"some\s+people")
DETERMINER = alt(r"the", r"our", r"that", r"this", r"their", r"a", r"an", r"some", r"those", r"these",
                 r"certain", r"one\s+of\s+the", r"every")
# Group nouns that make a team.
TEAM_NOUN = alt(r"team", r"teams", r"squad", r"office", r"folks", r"ppl", r"people", r"devs", r"crew",
                r"org", r"department", r"dept", r"guys", r"group", r"engineers", r"division", r"side")
# Team names used on their own in chat ("ops again", "frontend broke it").
BARE_TEAM = alt(r"ops", r"devops", r"dbas?", r"frontend", r"backend", r"networking", r"infra", r"qa",
                r"sres?", r"secops", r"security", r"platform", r"mobile", r"payments", r"data\s+eng",
                r"it", r"support", r"product", r"marketing", r"sales", r"management", r"leadership")
TEAM = r"(?<![\w@'-])" + alt(
    rf"(?:the\s+|our\s+|their\s+|that\s+|a\s+certain\s+)?(?:[\w-]+\s+){{0,2}}{TEAM_NOUN}",
    BARE_TEAM,
)
# Anything that can be the human (or group) subject of a clause.
HUMAN = r"(?<![\w@'-])" + alt(r"@[\w.-]+", rf"(?:{DETERMINER}\s+)?(?:[\w-]+\s+)?{ROLE}", rf"(?:{DETERMINER}\s+)?{PEOPLE}",
            PRONOUN, TEAM)

# Words that are never a person's name when they start a clause: systems, artifacts, function words.
NOT_A_NAME = frozenset(["it", "this", "that", "what", "something", "everything", "nothing", "which", "who", "whom", "whose", "there", "here", "then", "now", "today", "yesterday", "tonight", "also", "and", "but", "so", "or", "because", "since", "when", "after", "before", "while", "if", "once", "just", "only", "deploy", "deploys", "deployment", "build", "builds", "migration", "migrations", "config", "configs", "change", "changes", "release", "releases", "script", "scripts", "job", "jobs", "cron", "test", "tests", "update", "updates", "upgrade", "patch", "rollout", "push", "merge", "commit", "pr", "bug", "query", "cert", "certs", "dns", "network", "disk", "cache", "redis", "kafka", "postgres", "mysql", "nginx", "terraform", "k8s", "kubernetes", "helm", "ansible", "puppet", "vault", "consul", "etcd", "elasticsearch", "cdn", "lb", "db", "api", "service", "services", "app", "apps", "prod", "production", "staging", "traffic", "load", "spike", "outage", "incident", "failover", "restart", "reboot", "flag", "flags", "feature", "timeout", "retry", "retries", "leak", "memory", "cpu", "latency", "error", "errors", "exception", "crash", "panic", "regression", "hotfix", "fix", "rollback", "rule", "rules", "alert", "alerts", "page", "pager", "mistake", "typo", "everyone", "everybody", "nobody", "we", "i", "us", "me", "my", "our", "your", "his", "her", "their", "its", "the", "a", "an", "some", "all", "any", "each", "every", "one", "another", "storm", "backlog", "queue", "worker", "workers", "pod", "pods", "node", "nodes", "cluster", "host", "hosts", "server", "servers", "replica", "lag", "schema", "index", "table", "tables", "backup", "backups", "code", "library", "dependency", "dep", "deps", "upgrade", "script", "firewall", "policy", "proxy", "gateway", "router", "switch", "ingress", "loadbalancer", "balancer", "operator", "controller", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "morning", "night"])

# Tech products and proper nouns that look like names at the start of a clause.
PRODUCT_NAMES = frozenset(["redis", "kafka", "postgres", "postgresql", "mysql", "mongo", "mongodb", "nginx", "envoy", "istio", "terraform", "ansible", "jenkins", "github", "gitlab", "bitbucket", "docker", "kubernetes", "helm", "argo", "argocd", "spinnaker", "datadog", "grafana", "prometheus", "pagerduty", "opsgenie", "slack", "jira", "cloudflare", "akamai", "fastly", "aws", "gcp", "azure", "lambda", "s3", "ec2", "rds", "dynamo", "dynamodb", "cassandra", "elastic", "elasticsearch", "opensearch", "consul", "vault", "etcd", "zookeeper", "rabbitmq", "celery", "sidekiq", "airflow", "spark", "hadoop", "snowflake", "bigquery", "stripe", "twilio", "okta", "auth0", "sentry", "splunk", "vercel", "heroku", "linux", "windows", "chrome", "safari", "firefox", "android", "ios", "python", "java", "node", "go", "rust", "ruby", "rails", "django", "flask", "react", "vue", "angular", "webpack", "npm", "pip", "yarn", "cron", "systemd", "haproxy", "varnish", "memcached"])

# --- what ------------------------------------------------------------------------------------
# Causal verbs that, with a person or team as subject, present them as the cause.
BLAME_VERB = alt(
    r"broke", r"breaks", r"took\s+(?:down|out)", r"takes\s+(?:down|out)", r"brought\s+down",
    r"brings\s+down", r"knocked\s+(?:over|out)", r"nuked", r"borked", r"hosed", r"trashed", r"wrecked",
    r"killed", r"screwed\s+(?:up|over)", r"messed\s+up", r"blew\s+(?:up|away)", r"fat-?fingered",
    r"botched", r"bungled", r"fumbled", r"tanked", r"caused\s+(?:the|this|that|an?|our)\s+(?:\w+\s+)?"
    r"(?:outage|incident|mess|downtime|failure|disaster|breakage|problem|issue|sev\d?|data\s+loss)",
    r"dropped\s+the\s+ball", r"blew\s+it", r"screwed\s+it\s+up", r"broke\s+(?:prod|it|everything|the\s+build)",
)
# Verbs of noticing, thinking and doing that systems don't do ("failed to notice").
COGNITIVE_VERB = alt(
    r"notice", r"anticipate", r"realize", r"realise", r"consider", r"think", r"read", r"follow",
    r"communicate", r"tell", r"inform", r"escalate", r"check", r"verify", r"test", r"review", r"ask",
    r"consult", r"plan", r"prepare", r"understand", r"foresee", r"heed", r"look", r"update", r"warn",
    r"coordinate", r"announce", r"document", r"monitor", r"act", r"catch", r"spot", r"see", r"notify",
    r"double-?check", r"pay\s+attention", r"take", r"wait", r"learn", r"listen", r"use", r"run",
)
# Perception / prevention verbs after a counterfactual modal ("would have seen").
AGENT_VERB = alt(
    r"seen", r"noticed", r"caught", r"spotted", r"known", r"checked", r"tested", r"read", r"realized",
    r"realised", r"avoided", r"prevented", r"acted", r"asked", r"told", r"escalated", r"stopped",
    r"waited", r"followed", r"looked", r"verified", r"paid", r"thought", r"done", r"used", r"rolled",
    r"reverted", r"initiated", r"called", r"paged", r"double-?checked", r"anticipated", r"foreseen",
    r"considered", r"reviewed", r"flagged", r"raised", r"fixed", r"responded", r"reacted", r"taken",
    r"known\s+better", r"been\s+(?:more\s+)?(?:careful|aware|alert|cautious|paying)",
    r"been\s+(?:given|allowed|granted|trusted|hired|let)",
)
# Judgment of character, competence or diligence.
CHARACTER = alt(
    r"careless(?:ly|ness)?", r"sloppy", r"sloppiness", r"slopp?ily", r"lazy", r"laziness", r"reckless(?:ly|ness)?",
    r"incompeten(?:t|ce|tly)", r"negligen(?:t|ce|tly)", r"amateurs?", r"amateurish", r"idiots?", r"idiotic",
    r"stupid(?:ity)?", r"dumb(?:ass)?", r"clueless", r"morons?", r"moronic", r"irresponsib(?:le|ly|ility)",
    r"inattentive(?:ness)?", r"inept(?:itude)?", r"cowboys?", r"clowns?", r"buffoons?", r"useless",
    r"hopeless", r"unprofessional", r"slacker", r"half-?assed", r"lack\s+of\s+(?:attention|care|diligence|"
    r"discipline|competence|rigou?r|ownership|professionalism)(?:\s+to\s+detail)?",
    r"lapses?\s+(?:in|of)\s+(?:diligence|judgement|judgment|attention|care)", r"poor\s+judg(?:e)?ment",
    r"disregard\s+for", r"(?:did|does|do)n'?t\s+(?:even\s+)?(?:understand|know)\s+[\w\s]{0,20}\bat\s+all",
    r"can'?t\s+(?:even\s+)?read", r"learns?\s+to\s+read", r"brain-?dead", r"bone-?headed", r"numpties?",
    r"not\s+(?:very\s+)?(?:competent|careful|bright|smart)", r"no\s+idea\s+what\s+(?:they|he|she)(?:'re|'s|\s+is|\s+are)\s+doing",
)
# Technical uses of character words ("lazy loading", "dumb pipe").
CHARACTER_TECHNICAL = (r"lazy[\s-]+(?:load|loading|loaded|init|initiali[sz]ation|evaluation|eval|val|"
                       r"import|binding|deletion|expiry|expiration)|dumb\s+(?:pipe|terminal|client)|"
                       r"amateur\s+radio|idiot[\s-]proof|fool[\s-]?proof")

# Statements about blamelessness itself ("no one will be disciplined", "we avoid 'human error'").
META = alt(
    r"\bblameless", r"\bblame-?free", r"\bavoid(?:s|ed|ing)?\s+(?:writing|using|saying|implying|blame|the\s+"
    r"(?:word|term|phrase|label))", r"\bnot\s+(?:looking|here|trying)\s+(?:for|to)\s+(?:\w+\s+){0,2}blame",
    r"\bno\s+one\s+(?:will|is\s+going\s+to|should)\s+be\b", r"\bnobody\s+(?:will|is\s+going\s+to)\s+be\b",
    r"\bcounterfactuals?\b", r"\bhindsight\s+bias", r"\bthe\s+question\s+is\s+not\s+(?:why|who)",
    r"\bnot\s+about\s+(?:blame|who)", r"\bjust\s+culture", r"\bnot\s+(?:a|an)\s+(?:individual|person)'?s?\s+"
    r"(?:fault|failure)", r"\brather\s+than\s+(?:blam|punish|individual|people|who)",
    r"\bwithout\s+(?:assigning\s+)?blame", r"\bnot\s+to\s+(?:assign|place)\s+blame", r"\bno\s+blame\b",
    r"\bnobody(?:'s|\s+is)\s+(?:at\s+fault|to\s+blame|in\s+trouble)", r"\bno\s+one(?:'s|\s+is)\s+"
    r"(?:at\s+fault|to\s+blame|in\s+trouble)", r"\bnot\s+disciplinary\b", r"\bnon-?punitive\b",
    r"\b(?:do|does|did|will|would)\s+not\s+(?:list|use|write|accept|record|cite|treat|name)\s+(?:[\w'\"]+\s+){0,3}as\s+(?:an?\s+|the\s+)?(?:root\s+)?cause",
)

NEGATION = alt(r"no", r"not", r"never", r"nobody", r"none", r"without", r"n't", r"nor", r"neither", r"zero")
