"""Personal data in structured fields (logfmt, JSON, query strings), IBANs and payment card numbers.

A log line says what a value is by its key: ``name="Ana Lima" dob=1990-04-02`` in logfmt,
``"date_of_birth": "1990-04-02"`` in JSON, ``?email=…&phone=…`` in a URL. The key decides, not the
value's shape, so a date of birth is caught although dates are everywhere in incident material.
Keys that only look personal are stepped around: ``service_name``, ``ip_address``, ``name=checkout-api``
(a bare ``name`` counts only when its value reads like a person's name).

Free-text IBANs are checked with their mod-97 checksum and card numbers with the Luhn checksum, so
ids and timestamps of the same length pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.redact._spans import PLACEHOLDER_RE, Span

# key -> rule name; each pattern matches the whole key (a prefix like "applicant_" or "user." allowed).
_FIELD_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(rf"(?i)^(?:[a-z0-9]+[_.-])*(?:{keys})$"))
    for rule, keys in (
        ("field:birth", r"dob|date[_-]?of[_-]?birth|birth[_-]?date|birthdate|birthday|birth|born"),
        (
            "field:national-id",
            r"ssn|social[_-]?security(?:[_-]?(?:number|no))?|national[_-]?id|nin|tax[_-]?id|passport(?:[_-]?(?:no|number))?",
        ),
        ("field:email", r"e?[_-]?mail|email[_-]?address"),
        ("field:phone", r"phone(?:[_-]?number)?|mobile|tel|telephone|msisdn|cell"),
        (
            "field:address",
            r"(?:home|street|postal|mailing|billing|shipping|residential)?[_-]?address(?:[_-]?line[_-]?\d)?|street|postcode|post[_-]?code|zip(?:[_-]?code)?",
        ),
        ("field:iban", r"iban"),
        ("field:card", r"card(?:[_-]?(?:number|no|num))?|pan|cc(?:[_-]?num(?:ber)?)?|credit[_-]?card"),
        (
            "field:name",
            r"(?:first|last|full|given|family|middle|maiden|legal|display|holder|cardholder|applicant|patient|contact)[_-]?name|surname|applicant|cardholder|name",
        ),
    )
)
# Keys that end like a personal field but name machines: "ip_address", "mac_address", "service_name".
_MACHINE_PREFIX = re.compile(
    r"(?i)(?:^|[_.-])(?:ip|mac|remote|local|bind|listen|server|host|peer|src|dst|source|dest|destination|"
    r"proxy|upstream|node|pod|service|svc|queue|topic|file|job|app|cluster|table|index|bucket|key|metric|"
    r"alert|event|task|container|image|deployment|namespace|region|zone|route|endpoint|feature|flag|"
    r"logger|thread|class|method|function|module|db|database|schema|column|field|template)[_.-]"
)
# key=value (logfmt, query strings) or "key": value (JSON); the value quoted or up to a delimiter.
_PAIR = re.compile(
    r"""(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,40})(?P<q1>["']?)\s*(?::|=)\s*"""
    r"""(?:"(?P<dq>[^"\n]{1,200})"|'(?P<sq>[^'\n]{1,200})'|(?P<bare>[^\s&,;"'}\]]{1,200}))"""
)
_PERSON_NAME = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’-]+(?:(?:[ .+]|%20)+[A-ZÀ-Þ][a-zß-ÿ'’-]+){0,3}$")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_CARD = re.compile(
    r"(?<![\w.:/-])(?:\d{4}[ -]){3}\d{1,7}(?![\w.:/-])|(?<![\w.:/-])[3-6]\d{12,18}(?![\w.:/-])"
)


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum of a 13-19 digit card number."""
    if not 13 <= len(digits) <= 19 or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    """The ISO 13616 mod-97 checksum of an IBAN."""
    s = value.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


def _field_rule(key: str) -> str | None:
    if _MACHINE_PREFIX.search(key):
        return None
    return next((rule for rule, rx in _FIELD_KEYS if rx.match(key)), None)


def field_spans(text: str) -> Iterator[Span]:
    """Values of personal fields, by their key (see the module docstring)."""
    for m in _PAIR.finditer(text):
        rule = _field_rule(m.group("key"))
        if rule is None:
            continue
        group = next(g for g in ("dq", "sq", "bare") if m.group(g) is not None)
        value = m.group(group).rstrip(".)")
        if (
            not value.strip()
            or PLACEHOLDER_RE.search(value)
            or value.lower() in ("null", "none", "true", "false", "-")
        ):
            continue
        if rule == "field:name" and not _PERSON_NAME.match(value.strip()):
            continue  # name=checkout-api, "name": "orders-db"
        if rule == "field:phone" and sum(c.isdigit() for c in value) < 7:
            continue
        if rule == "field:card" and not luhn_ok(re.sub(r"[ -]", "", value)):
            continue
        start = m.start(group)
        yield Span(start, start + len(value), "personal", rule)


def number_spans(text: str) -> Iterator[Span]:
    """IBANs (mod-97) and card numbers (Luhn) anywhere in text."""
    for m in _IBAN.finditer(text):
        if iban_ok(m.group()):
            yield Span(m.start(), m.end(), "personal", "iban-checksum")
    for m in _CARD.finditer(text):
        if luhn_ok(re.sub(r"[ -]", "", m.group())):
            yield Span(m.start(), m.end(), "personal", "card-luhn")
