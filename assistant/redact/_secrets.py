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
from urllib.parse import unquote

from assistant.redact._spans import PLACEHOLDER_RE, Span
from assistant.redact._vocab import SECRET_WORD_HINT, SECRET_WORDS, TOKEN_PREFIX_RE, VALUE_VERBS

# detect-secrets plugins left out: hex strings are ids here (see above), IPs are handled in _pii,
# and its keyword detector, which found nothing ours missed on the leak corpus, Loghub-2k or 296
# public postmortems while taking a sixth of redaction time (our keyword rules read prose too).
# Its base64 entropy detector runs as a backstop at its documented default limit (4.5 bits per
# character), applied here because ``analyze_string`` does not; it adds no false redaction there.
_SKIPPED_PLUGINS = {"HexHighEntropyString", "IPPublicDetector", "KeywordDetector"}
_BASE64_ENTROPY_LIMIT = 4.5

_URL_CREDENTIALS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]*:([^\s@/]+)@")
_PRIVATE_KEY_BLOCK = re.compile(
    r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
    re.DOTALL,
)
# Credentials on command lines, as the tools document them: curl/wget/httpie "-u user:pass",
# "--user user:pass", mysql "-pSECRET" / "--password SECRET", redis-cli "-a SECRET", sshpass/cqlsh/
# mongosh "-p SECRET", any tool's "--password SECRET"; and a
# user:password pair after an auth word in a config (HAProxy "stats auth admin:SECRET").
_CLI_CREDENTIALS = re.compile(
    r"(?:(?<!\S)(?:-u|--user|--proxy-user|--http-user)[ =]['\"]?[^\s:'\"]+:(?P<userpass>[^\s'\"]+))"
    r"|(?:\b(?:mysql|mysqldump|mariadb|mysqladmin)\b[^\n]*?(?<!\S)-p(?P<mysql>[^\s'\"]{4,}|'[^'\n]+'|\"[^\"\n]+\"))"
    r"|(?:\bredis-cli\b[^\n]*?(?<!\S)-a\s+(?P<redis>\S{4,}))"
    # sshpass, cqlsh and the MongoDB shells take the password as "-p VALUE"; "--password VALUE" anywhere
    r"|(?:\b(?:sshpass|cqlsh|mongo|mongosh|mongodump|mongorestore)\b[^\n]*?(?<!\S)-p[ =]?"
    r"(?P<dashp>'[^'\n]+'|\"[^\"\n]+\"|[^\s'\"]{4,}))"
    r"|(?:(?<!\S)--pass(?:word)?[ =](?P<longpass>'[^'\n]+'|\"[^\"\n]+\"|[^\s'\"-][^\s'\"]{3,}))"
    # a user:password pair after an auth word in a config ("stats auth admin:S3cret", "basic_auth: u:p")
    r"|(?:(?i:\b(?:auth|basic[-_]?auth|credentials?|creds)\b)[\"']?\s*[:=]?\s*['\"]?[\w.@-]+:(?P<pair>[^\s'\"]{4,}))"
)
# A user / password pair after a login word on the same line, in parentheses or after a colon ("sftp
# login works too (harakeke / S3cr3t!)", "creds: admin / hunter22!", "login do portalu … po ich
# stronie: edi_user / Xy!8842-pq"); the value must look like a password.
_LOGIN_PAIR = re.compile(
    r"(?i:\b(?:log-?in|logon|sign-?in|credentials?|creds|account)\b)(?:[^\S\n]+[\w'’,-]+){0,12}?"
    r"(?:[^\S\n]*[:(=]|[^\S\n]+(?i:is|are)\b)"
    r"[^\S\n]*['\"]?"
    r"[\w.@<>-]{2,40}['\"]?\s*[/:,]\s*['\"]?(?P<login>[^\s'\")]{5,}[^\s'\"),.;])"
)
# Cookie and Set-Cookie headers carry session credentials: their long values are secrets.
_COOKIE_HEADER = re.compile(r"(?im)\b(?:set-)?cookie\s*:\s*(?P<pairs>[^\n]+)")
_COOKIE_PAIR = re.compile(r"(?:^|;\s*)(?P<name>[^=;\s]+)=(?P<value>[^;\s]{16,})")
_AUTH_HEADER = re.compile(r"\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{12,})")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")

_KW = r"(?:[A-Za-z0-9]+[-_.])*(?:" + SECRET_WORDS + r")"
_VALUE = r"(?:(?P<q>[\"'`])(?P<qval>[^\"'`\s][^\"'`\n]{2,200}?)(?P=q)|(?P<val>(?:[^\s\"'`,;&=%]|%[0-9A-Fa-f]{2}){4,}={0,2}))"
# key = value, key: value, key is value; a key may carry a suffix ("SECRET_KEY_BASE", "db_password_2")
_KEYWORD_VALUE = re.compile(
    r"(?i:(?<![A-Za-z0-9])(?P<kw>" + _KW + r"(?P<suffix>(?:[-_][A-Za-z0-9]+){0,2})|key))"
    r"[\"']?[\]]?\s*(?P<sep>:=|=>|==|=|:|\s+(?:" + VALUE_VERBS + r")\s*[:=]?|\s)\s*" + _VALUE
)
# "pw for the wifi at the DC is X", "senha do banco: X": a secret word, a few words, then the value
_KEYWORD_CLAUSE = re.compile(
    r"(?i:(?<![A-Za-z0-9])(?P<kw>"
    + _KW
    + r"))(?:\s+[\w'’-]+){1,6}?(?P<sep>\s*:|\s+(?:"
    + VALUE_VERBS
    + r")\s*:?)\s+"
    + _VALUE
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
# '=' only as base64 padding, so "requestId=2b7d..." splits into key and value; %XX as in URLs.
_TOKEN = re.compile(r"(?<![A-Za-z0-9+/_%-])(?:[A-Za-z0-9+/_-]|%[0-9A-Fa-f]{2}){20,}={0,2}")
_STRONG_AT_END = re.compile(r"(?i:(?:" + SECRET_WORDS + r"))(?:[-_][A-Za-z0-9]+){0,2}$")
_HEX_OR_UUID = re.compile(r"[0-9a-fA-F-]+")
_CAMEL_ID = re.compile(r"[a-z]*(?:[A-Z]+[a-z0-9]*|\d+)+")  # CheckoutLatencyHigh, SearchLatencyP99High
# A word of an identifier: capitalised, three letters or more, with a vowel ("Qspd" is not one).
_CAMEL_WORD = re.compile(r"[A-Z](?=[a-z]*[aeiouy])[a-z]{2,}")
_KEY_ID = re.compile(r"(?:[a-z]{0,8}[-_.])?\d{2,4}(?:[-_.][a-z0-9]{1,4}){1,3}|[a-z]{1,8}[-_.]?v?\d{1,3}")
_VERSION = re.compile(r"v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?")
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


def _camel_identifier(value: str, min_words: int = 2) -> bool:
    # Alert and class names are mostly words: "SearchLatencyP99High" is 85% words, a random
    # mixed-case key like "EYF8aEN0vH5QspdIWadr…" is under 40%.
    if not _CAMEL_ID.fullmatch(value):
        return False
    words = _CAMEL_WORD.findall(value)
    return len(words) >= min_words and sum(map(len, words)) >= 0.6 * len(value)


def identifier_like(value: str) -> bool:
    """Names and ids people write on purpose: CamelCase alert names, ``rf_01KJ…`` prefixed ids,
    ``2026-q2`` key ids, versions, hyphenated lowercase words. They carry meaning and grant nothing."""
    if TOKEN_PREFIX_RE.fullmatch(value):
        return False  # a vendor's credential format, whatever else it looks like
    if _camel_identifier(value) or _KEY_ID.fullmatch(value) or _VERSION.fullmatch(value):
        return True
    body = _ID_PREFIX.sub("", value)
    if body != value and (body.isupper() or body.islower() or body.isdigit()) and not _long_hex(body):
        return True  # a typed id with a single-case body (ULIDs, Stripe-style object ids)
    parts = [p for p in re.split(r"[-_.]", value) if p]
    single_case = all(p.islower() or p.isupper() or p.isdigit() or len(p) < 8 for p in parts)
    if "-" in value and single_case and any(len(p) >= 5 and p.isalpha() and p.islower() for p in parts):
        return True
    # "DFSClient_NONMAPREDUCE_1537864556_1": every part a word, a number or a CamelCase name
    return len(parts) >= 2 and all(
        p.isupper() or p.islower() or p.isdigit() or _camel_identifier(p, 1) for p in parts
    )


def _long_hex(value: str) -> bool:
    return len(value) >= 32 and all(c in "0123456789abcdef_" for c in value.lower())


def _high_entropy(token: str) -> bool:
    if "%" in token:
        token = unquote(token)
    if _HEX_OR_UUID.fullmatch(token):
        return False  # ids and hashes: see the module docstring
    if identifier_like(token):
        return False
    parts = [p for p in token.split("/") if p]
    if "/" in token and (any(len(p) >= 2 and p.islower() for p in parts) or all(map(identifier_like, parts))):
        return False  # URL and file paths ("/v2/shipments/SHP1586", "//sparkExecutorActorSystem")
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
    return [
        cls(limit=_BASE64_ENTROPY_LIMIT) if cls.__name__ == "Base64HighEntropyString" else cls()
        for cls in classes
        if cls.__name__ not in _SKIPPED_PLUGINS
    ]


def _plugin_accepts(plugin: Any, value: str) -> bool:
    if hasattr(plugin, "entropy_limit"):  # the entropy detectors: their limit, and not an identifier
        return plugin.calculate_shannon_entropy(value) > plugin.entropy_limit and not identifier_like(value)
    return True


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
                if not _plugin_accepts(plugin, value):
                    continue
                for s in _literal_spans(line, value, f"detect-secrets:{type(plugin).__name__}"):
                    yield Span(s.start + line_match.start(), s.end + line_match.start(), s.kind, s.rule)


def _plain_word(value: str) -> bool:
    return value.isalpha() and (value.islower() or value.istitle())


def _keyword_value(m: re.Match[str], *, clause: bool = False) -> tuple[int, str] | None:
    """Where the credential after a secret word starts, and the value; None when it is no credential."""
    quoted = m.group("qval") is not None
    group = "qval" if quoted else "val"
    value = m.group(group).rstrip(".)]}>")
    if value.lower() in _TRIVIAL_VALUES or PLACEHOLDER_RE.search(value) or set(value) <= set("*x.#-"):
        return None
    if "***" in value or (value.startswith(("/", "~/")) and not quoted):
        return None  # already masked ("hk_****7c2e"), or a path (sudo's "PWD=/home/x")
    kw = m.group("kw")
    bare_key = not _STRONG_AT_END.search(kw)  # "key", "incident_key", "routing_key"
    if bare_key and _HEX_OR_UUID.fullmatch(value):
        return None  # dedup keys and ids; hex after a real secret word is still redacted
    sep = m.group("sep").strip()
    verb = sep.rstrip(":=").strip()  # "is", "é", … or "" for = and :
    suffixed = not clause and bool(m.groupdict().get("suffix"))  # "password_reset_requests=1532"
    if clause or bare_key or suffixed or (quoted and " " in value) or not sep:
        if not looks_secret(value) or identifier_like(value):
            return None  # "key is rotated", "token expired", "signing key 2026-q2"
    elif verb and (_plain_word(value) or _KEY_ID.fullmatch(value) or _VERSION.fullmatch(value)):
        return None  # "the password is wrong"; but "the password is orange-staple-correct" is one
    if bare_key and (":" in value or value.islower() or value.isupper()):
        return None  # "cache key=user:1234", "routing_key=orders.created"
    return m.start(group), value


def _keyword_spans(text: str) -> Iterator[Span]:
    if not SECRET_WORD_HINT.search(text):
        return
    for rx, clause in ((_KEYWORD_VALUE, False), (_KEYWORD_CLAUSE, True)):
        pos = 0
        while (m := rx.search(text, pos)) is not None:
            got = _keyword_value(m, clause=clause)
            if got is None:
                pos = m.end(
                    "kw"
                )  # the value may itself be the next key ("token grant_type=… client_secret=X")
                continue
            start, value = got
            rule = "keyword-clause" if clause else "keyword"
            yield Span(start, start + len(value), "secret", rule, m.group("kw"))
            pos = start + len(value)


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
    for m in _CLI_CREDENTIALS.finditer(text):
        group = next(
            g for g in ("userpass", "mysql", "redis", "dashp", "longpass", "pair") if m.group(g) is not None
        )
        value = m.group(group).strip("'\"")
        if re.fullmatch(r"[\d:.,]+", value) or value.startswith("$") or value.lower() in _TRIVIAL_VALUES:
            continue  # "-u 1000:1000" is uid:gid, "auth 12:30:45" a time; "$PASS" a variable, not its value
        if not PLACEHOLDER_RE.search(value):
            start = m.start(group) + m.group(group).index(value)
            spans.append(Span(start, start + len(value), "secret", "command-line", group))
    spans += [
        Span(m.start("login"), m.end("login"), "secret", "login-pair")
        for m in _LOGIN_PAIR.finditer(text)
        if looks_secret(m.group("login")) and not PLACEHOLDER_RE.search(m.group("login"))
    ]
    for m in _COOKIE_HEADER.finditer(text):
        base = m.start("pairs")
        for c in _COOKIE_PAIR.finditer(m.group("pairs")):
            if not identifier_like(c.group("value")) and not PLACEHOLDER_RE.search(c.group("value")):
                spans.append(
                    Span(base + c.start("value"), base + c.end("value"), "secret", "cookie", c.group("name"))
                )
    spans += [
        Span(m.start(), m.end(), "secret", "token-prefix", m.group("prefix"))
        for m in TOKEN_PREFIX_RE.finditer(text)
    ]
    spans += list(_keyword_spans(text))
    spans += list(_plugin_spans(text))
    spans += [
        Span(m.start(), m.end(), "secret", "high-entropy")
        for m in _TOKEN.finditer(text)
        if _high_entropy(m.group())
    ]
    return spans
