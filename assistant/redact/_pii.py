"""Personal and customer data: e-mail addresses, phone numbers, IP addresses, customer ids and
names, and named contact people.

The phone and IP rules are written against what incident material is full of: timestamps,
versions (2.14.1), durations, counts ("~1,900", "190 000"), ports, ids (#31877) and slack
``ts`` values. Each rule says which of those it steps around.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from assistant.redact._spans import Span

# '@' as written, or percent-encoded in a URL ("/users/ana.lima%40gmail.com/orders")
_EMAIL = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*?(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)

# "+44 20 7946 0321", "+1 (415) 555-0133", "+4915112345678"
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){1,6}(?![\w]|[.:/-]\d)")
# "(415) 555-0133", "020 7946 0321", "0151 1234 5678": groups with separators, never ':'
_PHONE_LOCAL = re.compile(r"(?<![\w.:/+,-])\(?\d{2,5}\)?[ .-]\d{3,4}[ .-]\d{3,5}(?![\w]|[.:/,-]\d)")
# A national number written in pairs or small groups after its trunk 0 ("06 12 34 56 78",
# "0532 418 77 90"): 10-11 digits in four or five groups (checked in _phone_spans).
_PHONE_GROUPED = re.compile(r"(?<![\w.:/+,-])0\d{1,3}(?:[ .-]\d{2,3}){3,4}(?![\w]|[.:/,-]\d)")
# after a phone word, any 7-15 digit run counts ("call me on 07700900123"); the word in the
# languages our users write (Telefon, téléphone, teléfono, telefone, telefono, cep, 電話, 전화 …)
_PHONE_CONTEXT = re.compile(
    r"(?i:\b(?:phone|tel|telephone|mobile|cell|call(?:ed)?(?: \w+)? (?:on|at)|sms|whatsapp|fax|telefon\w*|"
    r"t[ée]l[ée]phone|tel[ée]fono|telefone|celular|cellulare|portable|handy|mobil\w*|cep|komórka|"
    r"телефон\w*|điện thoại|handphone)\b|電話|电话|전화|携帯)"
    r"[^\n\d+]{0,20}(?P<num>\+?\(?\d[\d ().-]{5,20}\d)(?![\w]|[.:/-]\d)"
)

_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)"
)
_CIDR_SUFFIX = re.compile(r"/(?:3[0-2]|[12]?\d)(?!\d)")
_IPV6_CANDIDATE = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
# Not identifying: unspecified, loopback, broadcast and netmasks.
_HARMLESS_IP_PREFIXES = ("0.", "127.", "255.")

_ID_PREFIXED = re.compile(r"\b(?:cus|cust|acct|tenant|tnt|org|merchant|mer|client)_[A-Za-z0-9]{4,}\b")
_ID_AFTER_WORD = re.compile(
    r"(?i:\b(?P<kw>customer|tenant|account|acct|merchant|org|organi[sz]ation|client|subscriber|user)"
    r"(?P<idw>[-_ ]?(?:id|no|num|number|ref|#))?)"
    r"(?P<sep>\s*[:=#]\s*|\s+(?:is|was)\s+|\s+|\s*\(\s*)[\"']?"
    r"(?P<val>[A-Za-z]{0,6}[_-]?\d[\w-]{2,})"
)
_DATE_LIKE = re.compile(r"\d{4}-\d\d(?:-\d\d)?|\d\d?-\d\d?-\d{2,4}")

# A postal address in prose. Number first (English-speaking countries, "12 Te Rauparaha Street, Ōtaki
# 5512", "400 W 5th Ave"), or the street first and its number after ("Hauptstraße 12, 10115 Berlin",
# "Keizersgracht 221", "Rue de la Paix 5", "Calle Mayor, 12", "Via Roma 3"); a town and postcode after
# a comma are part of it.
_CAP = r"[A-ZÀ-ÞĀ-Ž][\wĀ-ž'’.-]*"
_STREET_TYPE = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Place|Pl|Court|Ct|Crescent|Cres|"
    r"Terrace|Tce|Parade|Close|Highway|Hwy|Square|Sq|Grove|Row|Quay|Esplanade|Mews"
)
_STREET_SUFFIX = (
    r"stra(?:ß|ss)e|str\.|weg|gasse|allee|platz|damm|laan|straat|gracht|kade|plein|vej|gade|gatan|vägen|"
    r"veien|katu|ulica|utca|ulice"
)
_ROMANCE_STREET = (
    r"Rue|Avenida|Calle|Rua|Via|Viale|Piazza|Corso|Plaza|Paseo|Travessa|Carrer|Largo|Chemin|Allée"
)
_TOWN_TAIL = r"(?:,\s*(?:\d{4,5}\s+)?" + _CAP + r"(?:\s+" + _CAP + r")?(?:\s+\d{4,6})?)?"
_STREET_ADDRESS = re.compile(
    r"(?<![\w/.:-])(?:"
    r"\d{1,5}[A-Za-z]?(?:/\d{1,4})?\s+(?:(?:"
    + _CAP
    + r"|\d{1,3}(?:st|nd|rd|th))\s+){1,4}(?:"
    + _STREET_TYPE
    + r")\b"
    r"|[A-ZÀ-ÞĀ-Ž][\wĀ-ž-]*(?:" + _STREET_SUFFIX + r")\s+\d{1,5}[a-z]?\b"
    r"|(?:"
    + _ROMANCE_STREET
    + r")(?:\s+(?:de|del|della|di|da|do|dos|des|du|la|le|l'|the))*\s+"
    + _CAP
    + r"(?:\s+"
    + _CAP
    + r"){0,2},?\s+\d{1,5}[a-z]?\b"
    r")" + _TOWN_TAIL + r"(?![\w-])"
)

_NAME = r"[A-Z][a-z][\w&'-]*(?:\s+(?:[A-Z][\w&'.-]*|&|of|and)){0,3}"
_CUSTOMER_WORD = r"(?:customer|client|tenant|merchant)"
_NAME_AFTER_WORD = re.compile(r"(?i:\b" + _CUSTOMER_WORD + r")\b(?:\s*[:(]\s*|\s+)(?P<name>" + _NAME + ")")
_NAME_BEFORE_WORD = re.compile(
    r"(?P<name>" + _NAME + r")(?:,\s*|\s+is\s+)(?:(?:a|an|our|the)\s+)?"
    r"(?:(?:big|biggest|large|largest|key|major|enterprise|top|important|paying)\s+)?"
    + _CUSTOMER_WORD
    + r"\b"
)
_NOT_NAMES = {
    "impact",
    "impacts",
    "support",
    "success",
    "service",
    "services",
    "experience",
    "care",
    "facing",
    "data",
    "portal",
    "reports",
    "report",
    "api",
    "dashboard",
    "team",
    "ops",
    "communications",
    "comms",
    "status",
    "id",
    "ids",
    "the",
    "a",
    "an",
    "our",
    "their",
    "this",
    "that",
    "some",
    "all",
    "any",
    "many",
    "most",
    "each",
    "every",
    "several",
    "no",
    "one",
    "two",
    "and",
    "but",
    "so",
    "if",
    "when",
    "it",
    "they",
    "we",
    "he",
    "she",
    "i",
    "vpn",
    "traffic",
    "requests",
    "errors",
    "tickets",
    "emails",
    "notifications",
    "orders",
    "sessions",
    "accounts",
    "users",
    "side",
    "level",
    "tier",
    "config",
    "certificate",
    "cert",
    "certs",
    "tls",
    "ssl",
    "sla",
    "slo",
    "update",
    "updates",
    "note",
    "notes",
}
_GENERIC_FIRST_WORDS = {
    "united",
    "national",
    "global",
    "international",
    "general",
    "american",
    "first",
    "north",
    "south",
    "east",
    "west",
    "central",
    "pacific",
    "atlantic",
    "royal",
    "new",
    "big",
    "great",
}
# A person named as a contact: "their ops contact is Jess Whitford", "spoke with Ana Lima".
_PERSON = re.compile(
    r"(?i:\b(?:contact(?:\s+person)?|poc|spoke\s+(?:to|with)|talked\s+to|emailed|called|reached)\b)"
    r"(?:\s+(?:is|was|:))?\s*:?\s+(?P<name>[A-ZÀ-Þ][a-zß-ÿ]+(?:\s+[A-ZÀ-Þ][a-zß-ÿ'-]+){1,2})(?![\w])"
)


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _thousands_grouped(s: str) -> bool:
    groups = re.split(r"[ .-]", s.strip("()"))
    return len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _phone_spans(text: str) -> Iterator[Span]:
    for m in _PHONE_INTL.finditer(text):
        if 8 <= _digits(m.group()) <= 15:
            yield Span(m.start(), m.end(), "phone", "phone-international")
    for m in _PHONE_LOCAL.finditer(text):
        value = m.group()
        if 9 <= _digits(value) <= 12 and not _thousands_grouped(value):
            yield Span(m.start(), m.end(), "phone", "phone-local")
    for m in _PHONE_GROUPED.finditer(text):
        if 10 <= _digits(m.group()) <= 11:
            yield Span(m.start(), m.end(), "phone", "phone-grouped")
    for m in _PHONE_CONTEXT.finditer(text):
        value = m.group("num").rstrip(" .-(")
        if 7 <= _digits(value) <= 15 and not _DATE_LIKE.fullmatch(value):
            yield Span(m.start("num"), m.start("num") + len(value), "phone", "phone-context")


def _ip_spans(text: str) -> Iterator[Span]:
    for m in _IPV4.finditer(text):
        if m.group().startswith(_HARMLESS_IP_PREFIXES) or re.search(r"(?i)\bversion\s*$", text[: m.start()]):
            continue
        if _CIDR_SUFFIX.match(text, m.end()):
            continue  # a network range ("10.40.0.0/16") names no host: it passes
        yield Span(m.start(), m.end(), "ip", "ipv4")
    for m in _IPV6_CANDIDATE.finditer(text):
        value = m.group()
        if "::" not in value and value.count(":") < 7:
            continue  # "09:19:25" and MAC-like strings are not addresses
        try:
            addr = ipaddress.IPv6Address(value.split("%")[0])
        except ValueError:
            continue
        if (
            addr.is_loopback
            or addr.is_unspecified
            or (not any(c.isalpha() for c in value) and value.count(":") < 4)
        ):
            continue  # "::1", "::", and clock-like "10::30"
        yield Span(m.start(), m.end(), "ip", "ipv6")


def _customer_id_spans(text: str) -> Iterator[Span]:
    for m in _ID_PREFIXED.finditer(text):
        yield Span(m.start(), m.end(), "customer", "customer-id")
    for m in _ID_AFTER_WORD.finditer(text):
        value = m.group("val")
        if _digits(value) < 3 or _DATE_LIKE.match(value):
            continue
        explicit = m.group("idw") or m.group("sep").strip() in (":", "=", "#", "(")
        if not explicit and not re.search(r"[A-Za-z][_-]?\d", value) and _digits(value) < 5:
            continue  # "customer 500 errors" is a count, "tenant t_48213" an id
        yield Span(m.start("val"), m.end("val"), "customer", "customer-id")


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[-1].lower() in _NOT_NAMES or words[-1] in ("&", "of", "and")):
        words.pop()
    return " ".join(words).rstrip(".,'")


def customer_name_variants(name: str) -> list[str]:
    """The name and, for multi-word names, a distinctive first word ("Harborline Foods" → "Harborline")."""
    words = name.split()
    variants = [name]
    if len(words) > 1 and len(words[0]) >= 5 and words[0].lower() not in _GENERIC_FIRST_WORDS:
        variants.append(words[0].rstrip("'s"))
    return variants


def _customer_name_spans(text: str) -> Iterator[Span]:
    for rx in (_NAME_AFTER_WORD, _NAME_BEFORE_WORD):
        for m in rx.finditer(text):
            name = _clean_name(m.group("name"))
            if not name or name.split()[0].lower() in _NOT_NAMES or name.isupper():
                continue
            start = m.start("name")
            yield Span(start, start + len(name), "customer", "customer-name")


def _person_spans(text: str) -> Iterator[Span]:
    for m in _PERSON.finditer(text):
        yield Span(m.start("name"), m.end("name"), "person", "contact-person")


# A person's name in prose: a given name and a family name ("Ana Nakamura", "Tomás Lima"). Three
# capitalised words are more often a business ("Harbour Street Deli"), which passes.
_PROSE_NAME = re.compile(
    r"(?<![\w.@/+-])[A-ZÀ-Þ][a-zß-ÿ]{1,15}(?:[ +][A-ZÀ-Þ][a-zß-ÿ'’-]{1,15})+(?![\w@]|[.-]\w)"
)
_BUSINESS_WORDS = {
    "street",
    "road",
    "deli",
    "foods",
    "bank",
    "group",
    "labs",
    "systems",
    "cloud",
    "cafe",
    "inc",
}
# Findings that say a line is about one person (not IPs, not customer ids).
_PERSONAL_RULES = (
    "field:",
    "iban-checksum",
    "card-luhn",
    "cpf-checksum",
    "dni-checksum",
    "email",
    "phone-",
    "street-address",
)


def companion_name_spans(text: str, spans: list[Span]) -> Iterator[Span]:
    """Names on a line that already carries someone's personal data ("customer Ana Lima, dob …",
    "refund to card=… for Ana Oliveira"): personal data clusters, so the name is theirs."""
    personal = [s for s in spans if s.rule.startswith(_PERSONAL_RULES)]
    if not personal:
        return
    for line in re.finditer(r"[^\n]+", text):
        if not any(line.start() <= s.start < line.end() for s in personal):
            continue
        for m in _PROSE_NAME.finditer(text, line.start(), line.end()):
            words = re.split(r"[ +]", m.group())
            if len(words) != 2 or any(
                w.lower() in _NOT_NAMES | _GENERIC_FIRST_WORDS | _BUSINESS_WORDS for w in words
            ):
                continue
            yield Span(m.start(), m.end(), "person", "name-near-personal-data")


def pii_spans(text: str) -> list[Span]:
    """Every personal or customer data span in text (may overlap; resolve() picks)."""
    spans = [Span(m.start(), m.end(), "email", "email") for m in _EMAIL.finditer(text)]
    spans += _phone_spans(text)
    spans += _ip_spans(text)
    spans += _customer_id_spans(text)
    spans += _customer_name_spans(text)
    spans += _person_spans(text)
    spans += [Span(m.start(), m.end(), "personal", "street-address") for m in _STREET_ADDRESS.finditer(text)]
    return spans
