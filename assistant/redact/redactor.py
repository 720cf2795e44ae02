"""The Redactor: finds secrets and personal data, swaps them for stable placeholders, and aliases
people's names. One instance per draft keeps ``<SECRET_1>`` and ``Responder A`` stable across calls.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.domain import Timeline, is_bot_name
from assistant.errors import ConfigError
from assistant.redact._fields import field_spans, keyed_value_rule, number_spans
from assistant.redact._names import ALIAS_RE, MENTION, alias_label, name_spans
from assistant.redact._pii import companion_name_spans, customer_name_variants, pii_spans
from assistant.redact._secrets import secret_spans
from assistant.redact._spans import Span, resolve

_PREFIX = {
    "secret": "SECRET",
    "sensitive": "REDACTED",
    "email": "EMAIL",
    "personal": "PERSONAL",
    "customer": "CUSTOMER",
    "phone": "PHONE",
    "ip": "IP",
    "person": "PERSON",
}
_NOT_PEOPLE = {"here", "channel", "everyone", "oncall", "on-call", "all", "team"}
# attrs keys a chat parser may use for a person's other names
_NAME_ATTRS = ("real_name", "user_name", "display_name", "username", "name")


@dataclass(frozen=True)
class Finding:
    """One piece of text that redaction replaces: where, what kind, by which rule, and with what."""

    kind: str
    start: int
    end: int
    value: str
    placeholder: str
    rule: str
    detail: str = ""  # the field or key word that decided, when a key decided

    @property
    def why(self) -> str:
        """Why this was redacted, in words (``postmortem redact --explain``)."""
        return explain(self.rule, self.kind, self.detail)

    @property
    def masked(self) -> str:
        """A preview that never shows the whole value: 'Tq********' for a secret."""
        return mask(self.value, self.kind)


_WHY = {
    "private-key": "a private key block",
    "url-password": "the password part of a URL's user:password@",
    "auth-header": "a bearer/basic credential in an Authorization header",
    "jwt": "a JSON Web Token (signed credential)",
    "keyword": "a value right after a secret word (password, token, api key, ...) that looks like a credential",
    "high-entropy": "a long random-looking mixed-case token, the shape of a key or password",
    "email": "an e-mail address (personal data)",
    "phone-international": "a phone number with a country code (personal data)",
    "phone-local": "a phone number (personal data)",
    "phone-context": "digits after a phone word (personal data)",
    "ipv4": "a host IP address (internal topology); network ranges with /prefix are kept",
    "ipv6": "a host IPv6 address (internal topology)",
    "customer-id": "a customer id (redacted because customers are configured sensitive)",
    "customer-name": "a customer's company name (redacted because customers are configured sensitive)",
    "known-value": "the same value was redacted elsewhere in the material",
    "contact-person": "a person named as a contact (personal data)",
    "iban-checksum": "an IBAN (valid mod-97 checksum; personal financial data)",
    "card-luhn": "a payment card number (valid Luhn checksum)",
    "name": "a person's name, aliased to a role",
    "token-prefix": "a vendor's credential format (documented token prefix: ghp_, xoxb-, sk_live_, glpat-, npm_, …)",
    "keyword-clause": "a credential-looking value a few words after a secret word ('senha do banco: …')",
    "cpf-checksum": "a Brazilian CPF (valid check digits; personal data)",
    "dni-checksum": "a Spanish DNI/NIE (valid check letter; personal data)",
    "name-near-personal-data": "a person's name on a line that carries their personal data",
    "configured": "a term configured as sensitive (POSTMORTEM_REDACT_EXTRA)",
    "command-line": "a password given on a command line (curl -u user:pass, mysql -p…, redis-cli -a …)",
    "cookie": "a session value in a Cookie or Set-Cookie header",
    "street-address": "a postal address: house number and street, with its town and postcode (personal data)",
    "login-pair": "a user / password pair given after a login or credentials word",
}


def explain(rule: str, kind: str = "", detail: str = "") -> str:
    """The reason a rule redacts what it finds, for people reviewing redaction."""
    if rule.startswith("detect-secrets:"):
        return f"a credential format recognised by detect-secrets ({rule.split(':', 1)[1]})"
    if rule.startswith("field:"):
        key = f" (key '{detail}')" if detail else ""
        return f"the value of a personal-data field ({rule.split(':', 1)[1]}) in logfmt, JSON, a query string or prose{key}"
    why = _WHY.get(rule, f"{kind or 'sensitive'} data ({rule})")
    return f"{why} [{detail}]" if detail else why


def mask(value: str, kind: str = "secret") -> str:
    """First character(s) then stars, so people can recognise a value without reading it."""
    keep = 1 if kind == "secret" or len(value) <= 6 else 2
    return value[:keep] + "*" * min(max(len(value) - keep, 1), 12)


@lru_cache(maxsize=8192)
def _detect(text: str) -> tuple[Span, ...]:
    # Pure function of the text; redact_timeline reads every text twice (learn, then replace).
    spans = [*secret_spans(text), *pii_spans(text), *field_spans(text), *number_spans(text)]
    return (*spans, *companion_name_spans(text, spans))


class Redactor:
    """Replaces secrets and personal data by stable placeholders; optionally names by aliases.

    ``names`` are people to alias ("Responder A", …) when ``alias_names`` is True; more are added
    from chat actors and @mentions by ``redact_timeline``.
    """

    def __init__(
        self,
        *,
        alias_names: bool = False,
        names: Iterable[str] = (),
        customers: bool = False,
        sensitive: Iterable[str] = (),
    ) -> None:
        """A redactor; names become roles when ``alias_names``, customers are redacted when ``customers``."""
        self.alias_names = alias_names
        # Identifiers (key ids, alert names, CIDR ranges, services, companies) pass; a team lists
        # the ones it treats as sensitive (POSTMORTEM_REDACT_EXTRA).
        self._sensitive = sensitive_pattern(sensitive)
        # Customer ids and company names identify organisations, not people: they pass unless the
        # team marks them sensitive (POSTMORTEM_REDACT_CUSTOMERS); contact people are always redacted.
        self.customers = customers
        self._aliases: dict[str, str] = {}  # canonical name -> "Responder A"
        self._placeholders: dict[str, str] = {}  # lower-cased value -> placeholder
        self._kinds: dict[str, str] = {}  # placeholder -> kind
        self._counts: Counter[str] = Counter()
        self.add_names(names)

    @classmethod
    def from_settings(cls, *, alias_names: bool = False, names: Iterable[str] = ()) -> Redactor:
        """A Redactor with the team's settings: customers and extra sensitive terms."""
        from assistant.config import get_settings

        settings = get_settings()
        return cls(
            alias_names=alias_names,
            names=names,
            customers=settings.redact_customers,
            sensitive=settings.redact_terms,
        )

    # -- names -------------------------------------------------------------------------------
    def add_names(self, names: Iterable[str]) -> None:
        """Register people's names (chat handles, full names); each new one gets the next alias."""
        for name in names:
            self.add_person(name)

    def add_person(self, *names: str) -> str | None:
        """Register several names of one person ('hugo.p', 'Hugo Perrin'); all share one alias."""
        cleaned = [n.strip().lstrip("@") for n in names if n and n.strip()]
        cleaned = [n for n in cleaned if len(n) >= 2 and n.lower() not in _NOT_PEOPLE and not is_bot_name(n)]
        if not cleaned:
            return None
        known = {n.lower(): a for n, a in self._aliases.items()}
        alias = next((known[n.lower()] for n in cleaned if n.lower() in known), None)
        if alias is None:
            alias = alias_label(len(set(self._aliases.values())))
        for n in cleaned:
            if n.lower() not in known:
                self._aliases[n] = alias
                known[n.lower()] = alias
        return alias

    @property
    def aliases(self) -> dict[str, str]:
        """Name → alias, for people who see the draft locally."""
        return dict(self._aliases)

    @property
    def placeholders(self) -> dict[str, str]:
        """Placeholder → kind for everything replaced so far (never the values)."""
        return dict(self._kinds)

    # -- finding -----------------------------------------------------------------------------
    def _placeholder(self, value: str, kind: str) -> str:
        key = value.lower()
        if key not in self._placeholders:
            self._counts[kind] += 1
            ph = f"<{_PREFIX[kind]}_{self._counts[kind]}>"
            self._placeholders[key] = ph
            self._kinds[ph] = kind
        return self._placeholders[key]

    def _learn(self, value: str, kind: str) -> str:
        ph = self._placeholder(value, kind)
        if kind == "customer":
            for variant in customer_name_variants(value):
                self._placeholders.setdefault(variant.lower(), ph)
        return ph

    def _known_spans(self, text: str) -> list[Span]:
        # Values seen once are replaced everywhere after, even where no rule would fire
        # ("Harborline's script", a password repeated on its own).
        low = text.lower()
        # a plain substring test first: one regex over thousands of ids is slow per line
        present = [v for v in self._placeholders if len(v) >= 4 and v in low]
        if not present:
            return []
        alternation = "|".join(re.escape(v) for v in sorted(present, key=len, reverse=True))
        rx = re.compile(r"(?<![A-Za-z0-9])(?:" + alternation + r")(?![A-Za-z0-9]|\.\d)", re.I)
        return [
            Span(m.start(), m.end(), self._kinds[self._placeholders[m.group().lower()]], "known-value")
            for m in rx.finditer(text)
        ]

    def findings(self, text: str) -> list[Finding]:
        """What ``redact`` would replace in text, in order, with the placeholder or alias for each."""
        configured = [
            Span(m.start(), m.end(), "sensitive", "configured")
            for m in (self._sensitive.finditer(text) if self._sensitive is not None else ())
        ]
        # on a tie the first listed wins: a rule's own reason before "seen elsewhere"
        spans = [
            s
            for s in (*_detect(text), *configured, *self._known_spans(text))
            if self.customers or s.kind != "customer"
        ]
        owner: dict[Span, str] = {}
        if self.alias_names and self._aliases:
            for span, name in name_spans(text, self._aliases):
                spans.append(span)
                owner[span] = name
        winners = resolve(spans, text)
        learned = len(self._placeholders)
        for s in winners:
            if s.kind != "name":
                self._learn(s.value(text), s.kind)
        if len(self._placeholders) > learned:
            # a value learned here may occur again in this same text without a rule firing
            known = [s for s in self._known_spans(text) if self.customers or s.kind != "customer"]
            winners = resolve([*spans, *known], text)
        out: list[Finding] = []
        for s in winners:
            value = s.value(text)
            replacement = self._aliases[owner[s]] if s.kind == "name" else self._learn(value, s.kind)
            out.append(Finding(s.kind, s.start, s.end, value, replacement, s.rule, s.detail))
        return out

    # -- replacing ---------------------------------------------------------------------------
    def redact(self, text: str) -> str:
        """Text with every secret and personal datum (and, if aliasing, every name) replaced."""
        if not text:
            return text
        parts: list[str] = []
        pos = 0
        for f in self.findings(text):
            parts += [text[pos : f.start], f.placeholder]
            pos = f.end
        parts.append(text[pos:])
        return "".join(parts)

    def restore_aliases(self, text: str) -> str:
        """Aliases back to the names they stand for; placeholders for secrets and PII stay."""
        by_alias: dict[str, str] = {}
        for name, alias in self._aliases.items():
            by_alias.setdefault(alias, name)  # the first name registered, usually the chat handle
        return ALIAS_RE.sub(lambda m: by_alias.get(f"Responder {m.group(1)}", m.group()), text)

    def redact_actor(self, actor: str | None) -> str | None:
        """An event's actor: its alias when aliasing, else the actor with any PII redacted."""
        if actor is None:
            return None
        if self.alias_names:
            for name, alias in self._aliases.items():
                if name.lower() == actor.strip().lstrip("@").lower():
                    return alias
        return self.redact(actor)

    def redact_value(self, value: Any) -> Any:
        """Strings inside nested dicts/lists redacted; other values kept. A string under a
        personal-data key (``"email"``, ``"Requester name"``, ``"geburtsdatum"``) is replaced whole."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {k: self._keyed(k, v) or self.redact_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.redact_value(v) for v in value)
        return value

    def _keyed(self, key: Any, value: Any) -> str | None:
        if not isinstance(key, str) or not isinstance(value, str) or keyed_value_rule(key, value) is None:
            return None
        if value.strip().lstrip("@").lower() in {n.lower() for n in self._aliases}:
            return None  # a responder's name in a chat record: aliased (or kept) like in texts
        return self._learn(value.strip(), "personal")

    def _learn_values(self, value: Any) -> None:
        """Learn the personal values of a nested record, so they are replaced in texts too."""
        if isinstance(value, dict):
            for k, v in value.items():
                if self._keyed(k, v) is None:
                    self._learn_values(v)
        elif isinstance(value, list | tuple):
            for v in value:
                self._learn_values(v)

    def redact_timeline(self, tl: Timeline) -> Timeline:
        """A copy of the timeline with every text (events, actors, attrs, problems, findings) redacted."""
        if self.alias_names:
            for person in timeline_people(tl):
                self.add_person(*person)
        # Learn every value first, so a value first seen late is replaced early too.
        for ev in tl.events:
            self.findings(ev.text)
            self._learn_values(ev.attrs)
        events = [
            ev.model_copy(
                update={
                    "text": self.redact(ev.text),
                    "actor": self.redact_actor(ev.actor),
                    "attrs": self.redact_value(ev.attrs),
                }
            )
            for ev in tl.events
        ]
        problems = [p.model_copy(update={"message": self.redact(p.message)}) for p in tl.problems]
        clock = {
            self.redact(k): v.model_copy(update={"notes": [self.redact(n) for n in v.notes]})
            for k, v in tl.clock.items()
        }
        # Key-time choices and roles carry reasons that may quote a source line.
        choices = {
            k: c.model_copy(
                update={
                    "why": self.redact(c.why),
                    "question": self.redact(c.question) if c.question else c.question,
                    "candidates": [x.model_copy(update={"why": self.redact(x.why)}) for x in c.candidates],
                }
            )
            for k, c in tl.key_candidates.items()
        }
        roles = {
            k: r.model_copy(update={"evidence": [self.redact(e) for e in r.evidence]})
            for k, r in tl.roles.items()
        }
        return tl.model_copy(
            update={
                "events": events,
                "problems": problems,
                "clock": clock,
                "findings": [self.redact(f) for f in tl.findings],
                "key_candidates": choices,
                "roles": roles,
            }
        )


def sensitive_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for configured terms: whole words, or 're:' regular expressions."""
    parts: list[str] = []
    for term in terms:
        if term.startswith("re:"):
            try:
                re.compile(term[3:])
            except re.error as exc:
                raise ConfigError(
                    f"POSTMORTEM_REDACT_EXTRA: {term!r} is not a valid regular expression ({exc}); "
                    "fix it or drop the 're:' to match the words literally"
                ) from exc
            parts.append(f"(?:{term[3:]})")
        else:
            parts.append(r"(?<![\w])" + re.escape(term) + r"(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def timeline_people(tl: Timeline) -> list[list[str]]:
    """People in a timeline, each as their names: chat actors that are not bots (with any real
    name the parser kept), and @mentions."""
    people: list[list[str]] = []
    for ev in tl.events:
        if ev.source != "chat" or ev.attrs.get("bot") or ev.attrs.get("subtype") == "bot_message":
            continue
        if ev.actor:
            attrs: Mapping[str, object] = ev.attrs  # the name keys differ by chat export
            people.append([ev.actor, *(v for k in _NAME_ATTRS if isinstance(v := attrs.get(k), str))])
        people += [[m.group(1)] for m in MENTION.finditer(ev.text)]
    return [p for p in people if p[0].strip().lstrip("@").lower() not in _NOT_PEOPLE]


def timeline_names(tl: Timeline) -> list[str]:
    """Every name of every person in a timeline (see ``timeline_people``)."""
    return [n for person in timeline_people(tl) for n in person]


def findings(text: str, *, names: Iterable[str] = ()) -> list[Finding]:
    """What a fresh Redactor would replace in text (names aliased only when given)."""
    return Redactor(alias_names=bool(names), names=names).findings(text)
