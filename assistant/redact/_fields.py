"""Personal data in structured fields (logfmt, JSON, query strings), IBANs and payment card numbers.

A log line says what a value is by its key: ``name="Ana Lima" dob=1990-04-02`` in logfmt,
``"date_of_birth": "1990-04-02"`` in JSON, ``?email=…&phone=…`` in a URL. The key decides, not the
value's shape, so a date of birth is caught although dates are everywhere in incident material.
Keys that only look personal are stepped around: ``service_name``, ``ip_address``, ``name=checkout-api``
(a bare ``name`` counts only when its value reads like a person's name).

Free-text IBANs are checked with their mod-97 checksum, card numbers with the Luhn checksum, CPFs
and DNIs with their check digit or letter, so ids and timestamps of the same length pass. In prose,
keys whose values have a shape of their own (birth dates, national ids) count without '=':
"dob 1953-02-25", "CPF 615.648.688-77". Key words live in ``_vocab`` (several languages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.redact._spans import PLACEHOLDER_RE, Span
from assistant.redact._vocab import MACHINE_PREFIXES, PERSONAL_FIELDS

# key -> rule name; each pattern matches the whole key (a prefix like "applicant_" or "user." allowed).
_FIELD_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (f"field:{rule}", re.compile(rf"(?i)^(?:[a-z0-9]+[_.-])*(?:{keys})$")) for rule, keys in PERSONAL_FIELDS
)
_MACHINE_PREFIX = re.compile(r"(?i)(?:^|[_.-])(?:" + MACHINE_PREFIXES + r")[_.-]")
# In prose a key is written with spaces and no '=': "dob 1953-02-25", "CPF 615.648.688-77",
# "data de nascimento: 24/04/1972". Only keys whose values have a shape of their own count there.
_PROSE_RULES = ("birth", "national-id", "iban")
_PROSE_KEY = re.compile(
    r"(?i)(?<![\w.-])(?P<key>"
    + "|".join(keys.replace("[_-]?", "[_ -]?") for rule, keys in PERSONAL_FIELDS if rule in _PROSE_RULES)
    + r")(?:\s*[:=#]\s*|\s+(?:is\s+|was\s+|é\s+|es\s+|ist\s+|no\.?\s*|nr\.?\s*|n[º°]\s*)?)"
    r"(?P<val>[0-9][0-9A-Za-z./ -]{4,30}[0-9A-Za-z])"
)
_MEMORY_ADDRESS = re.compile(r"0x[0-9A-Fa-f]+")
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_ID_NUMBER = re.compile(r"[0-9A-Z][0-9A-Z./-]{4,20}[0-9A-Z]")
# key=value (logfmt, query strings) or "key": value (JSON); the value quoted or up to a delimiter.
_PAIR = re.compile(
    r"""(?P<key>[^\W\d_][\w.-]{0,40})(?P<q1>["']?)\s*(?::|=|：)\s*"""
    r"""(?:"(?P<dq>[^"\n]{1,200})"|'(?P<sq>[^'\n]{1,200})'|(?P<bare>[^\s&,;"'}\]]{1,200}))"""
)
# A person's name as a field value: capitalised words, with the particles of many languages
# ("Jan de Vries", "Maria da Silva", "Ludwig van Beethoven"), or a name in CJK script.
_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|du|la|le|van|von|der|den|ter|y|e|bin|al)"
_CAPITALISED = r"[A-ZÀ-Þ][a-zß-ÿ'’-]+"
_PERSON_NAME = re.compile(
    rf"^{_CAPITALISED}(?:(?:[ .+]|%20)+(?:{_PARTICLE}(?:[ +]|%20)+)?{_CAPITALISED}){{0,3}}$"
    r"|^[\u3040-\u30ff\u3400-\u9fff]{1,6}(?:[ 　][\u3040-\u30ff\u3400-\u9fff]{1,6})?$"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_CPF = re.compile(r"(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])")
_DNI = re.compile(r"(?<![\w-])[XYZ]?\d{7,8}-?[A-Z](?![\w-])")
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


# Issuer ranges (ISO/IEC 7812) of the card brands, with their lengths: an ungrouped number in free
# text must be one of them ("5660850647990272" in a log is an id that happens to pass Luhn).
_CARD_BRANDS = re.compile(
    r"4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|"
    r"6(?:011|5\d\d|4[4-9]\d)\d{12}|35(?:2[89]|[3-8]\d)\d{12}|62\d{14,17}|3(?:0[0-5]|[68]\d)\d{11}"
)


def card_ok(value: str, *, grouped: bool) -> bool:
    """A Luhn-valid card number; when written without groups, also in a card brand's range."""
    digits = re.sub(r"[ -]", "", value)
    return luhn_ok(digits) and (grouped or bool(_CARD_BRANDS.fullmatch(digits)))


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


def keyed_value_rule(key: str, value: str) -> str | None:
    """The personal-data rule a structured field's whole value falls under (a parsed JSON or CSV
    record's ``{"Requester name": "Ana Lima"}``), or None."""
    rule = _field_rule(re.sub(r"\s+", "_", key.strip()))
    if rule is None or not value.strip() or PLACEHOLDER_RE.search(value) or not _value_fits(rule, value, key):
        return None
    return rule


# A bare "name" names anything (a job, a service, a team): there only a full name counts as a person's.
_BARE_NAME_KEYS = {"name", "nom", "nome", "nombre", "naam", "名前"}


def _value_fits(rule: str, value: str, key: str = "") -> bool:
    """A personal field's value has the shape its key promises (so ``rg=eu-west`` passes)."""
    digits = sum(c.isdigit() for c in value)
    if rule == "field:name":
        if key.lower() in _BARE_NAME_KEYS and " " not in value.strip() and "+" not in value:
            return False  # name=Checkout, "name": "Payments"
        return bool(_PERSON_NAME.match(value.strip()))  # name=checkout-api, "name": "orders-db"
    if rule == "field:phone":
        return digits >= 7
    if rule == "field:card":
        return luhn_ok(re.sub(r"[ -]", "", value))
    if rule == "field:national-id":
        return digits >= 5
    if rule == "field:birth":
        return digits >= 4
    if rule == "field:email":
        return "@" in value or "%40" in value
    if rule == "field:address":
        return not _MEMORY_ADDRESS.fullmatch(value)  # "address=0x00004ed8" in a kernel log
    return True


def field_spans(text: str) -> Iterator[Span]:
    """Values of personal fields, by their key (see the module docstring)."""
    found: list[Span] = []
    single_names: list[Span] = []  # "nombre=Diego": a person's only beside their other data
    for m in _PAIR.finditer(text):
        key = m.group("key")
        rule = _field_rule(key)
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
        start = m.start(group)
        span = Span(start, start + len(value), "personal", rule, key)
        if _value_fits(rule, value, key):
            found.append(span)
        elif rule == "field:name" and _PERSON_NAME.match(value.strip()):
            single_names.append(span)
    yield from found
    if found:
        yield from single_names
    for m in _PROSE_KEY.finditer(text):
        rule = _field_rule(re.sub(r"\s+", "_", m.group("key")))
        value = m.group("val").rstrip(" .-/")
        shape = _DATE if rule == "field:birth" else _ID_NUMBER
        shaped = shape.match(value)
        value = shaped.group() if shaped else ""
        if rule and value and _value_fits(rule, value) and (rule != "field:iban" or iban_ok(value)):
            yield Span(m.start("val"), m.start("val") + len(value), "personal", rule, m.group("key"))


def cpf_ok(value: str) -> bool:
    """The two mod-11 check digits of a Brazilian CPF (``123.456.789-09``)."""
    d = [int(c) for c in value if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True)) % 11
        if d[n] != (0 if s < 2 else 11 - s):
            return False
    return True


def dni_ok(value: str) -> bool:
    """The check letter of a Spanish DNI/NIE (``12345678Z``, ``X1234567L``)."""
    v = value.upper().replace("-", "")
    v = {"X": "0", "Y": "1", "Z": "2"}.get(v[:1], v[:1]) + v[1:]
    return len(v) == 9 and v[:8].isdigit() and "TRWAGMYFPDXBNJZSQVHLCKE"[int(v[:8]) % 23] == v[8]


def number_spans(text: str) -> Iterator[Span]:
    """IBANs (mod-97), card numbers (Luhn), CPFs (mod-11) and DNIs (check letter) anywhere in text."""
    for m in _IBAN.finditer(text):
        if iban_ok(m.group()):
            yield Span(m.start(), m.end(), "personal", "iban-checksum")
    for m in _CARD.finditer(text):
        if card_ok(m.group(), grouped=not m.group().isdigit()):
            yield Span(m.start(), m.end(), "personal", "card-luhn")
    for m in _CPF.finditer(text):
        if cpf_ok(m.group()):
            yield Span(m.start(), m.end(), "personal", "cpf-checksum")
    for m in _DNI.finditer(text):
        if dni_ok(m.group()):
            yield Span(m.start(), m.end(), "personal", "dni-checksum")
