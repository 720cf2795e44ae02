"""Secret detection: the detect-secrets plugins, plus rules for what they miss in prose.

detect-secrets is built for code and config files; incident material is chat and logs, where a
password sits in a URL or after "the key is". Its regex plugins run as they are (no network
verification: we call ``analyze_string`` directly, never the verify path); keyword and entropy
checks are done here on unquoted text with its own entropy function.

Decision: pure-hex strings (trace ids, request ids, commit SHAs, UUIDs, PagerDuty dedup keys)
are kept. They identify records, not people, and drafts cite them. Hex after a secret keyword
("token=9f3a...") is still redacted by the keyword rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from assistant.redact._spans import PLACEHOLDER_RE, Span

# detect-secrets plugins replaced by our own rules (ours work on unquoted prose) or by pii.py.
_SKIPPED_PLUGINS = {"KeywordDetector", "Base64HighEntropyString", "HexHighEntropyString", "IPPublicDetector"}

_URL_CREDENTIALS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]*:([^\s@/]+)@")
_PRIVATE_KEY_BLOCK = re.compile(
    r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
    re.DOTALL,
)
_AUTH_HEADER = re.compile(r"\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{12,})")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")

# Words after which a value is a credential. Bare "key" is ambiguous (cache key, routing key), so
# it only counts when the value itself looks like a secret.
_STRONG_KEYWORDS = (
    r"pass(?:word|wd|phrase|code)?|pwd|secret|token|credentials?|psk|apikey|"
    r"(?:api|access|secret|private|auth|authentication|signing|encryption|master|bgp|md5|ssh|"
    r"pre[-_ ]?shared|session|client|deploy|license|service[-_ ]?account)[-_ ]?(?:key|secret|token)|"
    r"access[-_ ]?token|refresh[-_ ]?token|client[-_ ]?secret"
)
_KEYWORD_VALUE = re.compile(
    r"(?i:(?<![A-Za-z0-9])(?P<kw>(?:[A-Za-z0-9]+[-_])*(?:" + _STRONG_KEYWORDS + r")|key))"
    r"[\"']?[\]]?\s*(?P<sep>:=|=>|==|=|:|\s+(?:is|was|now|set\s+to|changed\s+to|of)\s*[:=]?|\s)\s*"
    r"(?:(?P<q>[\"'`])(?P<qval>[^\"'`\s][^\"'`\n]{2,200}?)(?P=q)|(?P<val>[^\s\"'`,;]{4,}))"
)
_TRIVIAL_VALUES = {
    "null",
    "none",
    "nil",
    "true",
    "false",
    "redacted",
    "masked",
    "hidden",
    "empty",
    "required",
    "missing",
    "invalid",
    "expired",
    "rotated",
    "revoked",
    "changed",
    "leaked",
    "pasted",
    "here",
    "there",
    "field",
    "value",
    "string",
    "header",
    "undefined",
    "unset",
    "default",
    "xxxx",
}
# '=' only as base64 padding, so "requestId=2b7d..." splits into key and value.
_TOKEN = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}")
_STRONG_AT_END = re.compile(r"(?i:(?:" + _STRONG_KEYWORDS + r"))$")
_HEX_OR_UUID = re.compile(r"[0-9a-fA-F-]+")
_CAMEL_ID = re.compile(r"(?:[A-Z][a-z0-9]*|\d+)+")  # CheckoutLatencyHigh, SearchLatencyP99High
_CAMEL_WORD = re.compile(r"[A-Z][a-z]{2,}")
_KEY_ID = re.compile(r"(?:[a-z]{0,8}[-_.])?\d{2,4}(?:[-_.][a-z0-9]{1,4}){1,3}|[a-z]{1,8}[-_.]?v?\d{1,3}")
_ID_PREFIX = re.compile(r"^[a-z]{1,6}_")


def _char_classes(s: str) -> int:
    return sum(
        (
            any(c.islower() for c in s),
            any(c.isupper() for c in s),
            any(c.isdigit() for c in s),
            any(not c.isalnum() for c in s),
        )
    )


def looks_secret(value: str) -> bool:
    """True for a standalone token that reads like a password or key, not a word or an id."""
    if len(value) < 6 or any(c.isspace() for c in value) or PLACEHOLDER_RE.fullmatch(value):
        return False
    classes = _char_classes(value)
    has_letter = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    return (classes >= 3 and has_letter and has_digit) or (len(value) >= 12 and classes >= 2 and has_digit)


def shannon_entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def identifier_like(value: str) -> bool:
    """Names and ids people write on purpose: CamelCase alert names, ``rf_01KJ…`` prefixed ids,
    ``2026-q2`` key ids, hyphenated lowercase words. They carry meaning and grant nothing."""
    if (_CAMEL_ID.fullmatch(value) and len(_CAMEL_WORD.findall(value)) >= 2) or _KEY_ID.fullmatch(value):
        return True
    body = _ID_PREFIX.sub("", value)
    if body != value and (body.isupper() or body.islower() or body.isdigit()):
        return True  # a typed id with a single-case body (ULIDs, Stripe-style object ids)
    return (
        any(len(p) >= 5 and p.isalpha() and p.islower() for p in re.split(r"[-_.]", value)) and "-" in value
    )


def _high_entropy(token: str) -> bool:
    if _HEX_OR_UUID.fullmatch(token):
        return False  # ids and hashes: see the module docstring
    if identifier_like(token):
        return False
    if "/" in token and any(len(p) >= 2 and p.islower() for p in token.split("/")):
        return False  # URL and file paths ("/v2/shipments/SHP1586"), not base64
    if not (any(c.islower() for c in token) and any(c.isupper() for c in token)):
        return False  # identifiers and pod names are single-case
    if not any(c.isdigit() or c in "+/" for c in token):
        return False  # CamelCaseWords are not keys
    # A random base64 string of n chars scores close to log2(n); words score far lower.
    return shannon_entropy(token) >= 0.82 * math.log2(min(len(token), 64))


@lru_cache(maxsize=1)
def _plugins() -> list[Any]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    classes: Iterable[Any] = get_mapping_from_secret_type_to_class().values()
    return [cls() for cls in classes if cls.__name__ not in _SKIPPED_PLUGINS]


def _literal_spans(text: str, value: str, rule: str) -> Iterator[Span]:
    for m in re.finditer(re.escape(value), text):
        yield Span(m.start(), m.end(), "secret", rule)


def _plugin_spans(text: str) -> Iterator[Span]:
    for line_match in re.finditer(r"[^\n]+", text):
        line = line_match.group()
        for plugin in _plugins():
            for value in set(plugin.analyze_string(line)):
                if not value or len(value) < 6 or value.startswith("BEGIN"):
                    continue  # private-key headers are handled as whole blocks below
                for s in _literal_spans(line, value, f"detect-secrets:{type(plugin).__name__}"):
                    yield Span(s.start + line_match.start(), s.end + line_match.start(), s.kind, s.rule)


def _keyword_spans(text: str) -> Iterator[Span]:
    for m in _KEYWORD_VALUE.finditer(text):
        quoted = m.group("qval") is not None
        group = "qval" if quoted else "val"
        value = m.group(group).rstrip(".)]}>")
        if value.lower() in _TRIVIAL_VALUES or PLACEHOLDER_RE.search(value) or set(value) <= set("*x.#-"):
            continue
        if "***" in value or (value.startswith(("/", "~/")) and not quoted):
            continue  # already masked ("hk_****7c2e"), or a path (sudo's "PWD=/home/x")
        bare_key = not _STRONG_AT_END.search(m.group("kw"))  # "key", "incident_key", "routing_key"
        if bare_key and _HEX_OR_UUID.fullmatch(value):
            continue  # dedup keys and ids; hex after a real secret word is still redacted
        spaced = not m.group("sep").strip() or m.group("sep").strip().isalpha()
        if (bare_key or spaced or (quoted and " " in value)) and (
            not looks_secret(value) or identifier_like(value)
        ):
            continue  # "key is rotated", "token expired", "signing key 2026-q2"
        if bare_key and (":" in value or value.islower() or value.isupper()):
            continue  # "cache key=user:1234", "routing_key=orders.created"
        start = m.start(group)
        yield Span(start, start + len(value), "secret", "keyword")


def secret_spans(text: str) -> list[Span]:
    """Every secret-looking span in text (may overlap; resolve() picks)."""
    spans: list[Span] = []
    spans += [Span(m.start(), m.end(), "secret", "private-key") for m in _PRIVATE_KEY_BLOCK.finditer(text)]
    spans += [Span(m.start(1), m.end(1), "secret", "url-password") for m in _URL_CREDENTIALS.finditer(text)]
    spans += [
        Span(m.start(1), m.end(1), "secret", "auth-header")
        for m in _AUTH_HEADER.finditer(text)
        if not m.group(1).isalpha() or len(m.group(1)) >= 24  # not "Basic authentication"
    ]
    spans += [Span(m.start(), m.end(), "secret", "jwt") for m in _JWT.finditer(text)]
    spans += list(_keyword_spans(text))
    spans += list(_plugin_spans(text))
    spans += [
        Span(m.start(), m.end(), "secret", "high-entropy")
        for m in _TOKEN.finditer(text)
        if _high_entropy(m.group())
    ]
    return spans
