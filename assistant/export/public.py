"""A customer-facing version of a postmortem, status-page style: what happened, the impact, and
what we are doing, with no people, hosts, IPs, internal service or customer names.

Deterministic and conservative: each sentence of the summary, root cause and impact, and each
action item, is checked on its own. Secrets and personal data (the redactor), people's names
(the draft's authors and owners, plus any given), host names and other internal identifiers drop
the sentence; internal service names are replaced by "one of our services". Every dropped
sentence is listed with the reason, so the reviewer sees what was left out. The rule-based tone
checker then rewrites blameful wording.

With a model (``provider``), the model writes the three parts as connected prose from what the rules
kept (never from the internal draft, so nothing the rules dropped reaches it; ``prompts/
public_version.j2``), and its answer passes the same scrubber and tone checker sentence by sentence.
When the model fails, the rule-based version stands and says so. Offline it stays deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.llm.base import Message, Provider, StructuredRequest
from assistant.redact import Redactor
from assistant.tone.sentences import split_sentences

# Internal identifiers: code spans, and tokens joined by - . _ that hold a digit or a dot or an
# underscore between word characters (db-01, api.internal, orders_v2), never plain hyphenated words.
_CODE = re.compile(r"`[^`]+`")
_TOKEN = re.compile(r"\b[A-Za-z0-9]+(?:[-_.:/][A-Za-z0-9]+)+\b")
_REFS = re.compile(r"\s*\[[^\[\]]*:\d+[^\[\]]*\]")
_GENERIC_SERVICE = "one of our services"


@dataclass(frozen=True)
class Dropped:
    """A sentence left out of the public version, and why."""

    sentence: str
    reason: str


@dataclass
class PublicVersion:
    """The customer-facing summary, and what was left out of it."""

    title: str
    window: str | None
    what_happened: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    doing: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    tone_rewrites: int = 0
    drafted_by: str = "rules"
    prompt_version: str | None = None

    def to_markdown(self) -> str:
        """Markdown for a status page or an email."""
        out = [f"# {self.title}", ""]
        if self.window:
            out += [f"_{self.window}_", ""]
        out += ["## What happened", "", " ".join(self.what_happened) or "We are still investigating.", ""]
        out += ["## Impact", "", " ".join(self.impact) or "We are still assessing the impact.", ""]
        out += ["## What we are doing", ""]
        out += [f"- {d}" for d in self.doing] or ["We are reviewing the incident and will share follow-ups."]
        return "\n".join(out).rstrip() + "\n"

    def to_text(self) -> str:
        """Plain text (no Markdown marks)."""
        out = [self.title, ""]
        if self.window:
            out += [self.window, ""]
        out += ["What happened", " ".join(self.what_happened) or "We are still investigating.", ""]
        out += ["Impact", " ".join(self.impact) or "We are still assessing the impact.", ""]
        out += ["What we are doing", *([f"* {d}" for d in self.doing] or ["We are reviewing the incident."])]
        return "\n".join(out).rstrip() + "\n"


def _internal_token(sentence: str) -> str | None:
    if m := _CODE.search(sentence):
        return m.group(0)
    for m in _TOKEN.finditer(sentence):
        tok = m.group(0)
        parts = re.split(r"[-_.:/]", tok)
        if (
            all(len(p) == 1 for p in parts)
            or tok.replace("-", "").replace(".", "").replace(":", "").isdigit()
        ):
            continue  # e.g, i.e, dates, times, version-like numbers
        mixed = bool(re.search(r"\d", tok) and re.search(r"[A-Za-z]", tok))
        if mixed or "_" in tok or re.search(r"[A-Za-z]\.[A-Za-z]", tok):
            return tok
    return None


def _when(draft: dict[str, Any]) -> str | None:
    kt = draft.get("key_times") or {}
    try:
        start = datetime.fromisoformat(str(kt.get("start"))).astimezone(UTC) if kt.get("start") else None
        end = datetime.fromisoformat(str(kt.get("resolved"))).astimezone(UTC) if kt.get("resolved") else None
    except ValueError:
        return None
    if start and end:
        return f"From {start:%H:%M} to {end:%H:%M} UTC on {start:%d %B %Y}".replace(" 0", " ", 1)
    return f"Starting at {start:%H:%M} UTC on {start:%d %B %Y}" if start else None


class _Scrubber:
    def __init__(self, draft: dict[str, Any], people: Iterable[str], private_terms: Iterable[str]) -> None:
        names = {str(n) for n in (*people, *(draft.get("authors") or [])) if n}
        names |= {
            str(a.get("owner"))
            for a in draft.get("action_items") or []
            if isinstance(a, dict) and a.get("owner")
        }
        self.redactor = Redactor(alias_names=True, names=sorted(names))
        self.services = sorted({str(s) for s in draft.get("services") or [] if s}, key=len, reverse=True)
        self.private = [t for t in private_terms if t.strip()]
        self.dropped: list[Dropped] = []

    def sentences(self, text: str) -> list[str]:
        kept = []
        for s in split_sentences(_REFS.sub("", text or "")):
            clean = self.sentence(s.text.strip())
            if clean:
                kept.append(clean)
        return kept

    def sentence(self, text: str) -> str | None:
        for term in self.private:
            if term.casefold() in text.casefold():
                return self._drop(text, "names a customer or private term")
        for svc in self.services:
            text = re.sub(
                rf"\b(?:the |our )?{re.escape(svc)}(?: service)?\b", _GENERIC_SERVICE, text, flags=re.I
            )
        if found := self.redactor.findings(text):
            kind = found[0].kind
            return self._drop(
                text, "names a person" if kind == "name" else f"holds a secret or personal datum ({kind})"
            )
        if tok := _internal_token(text):
            return self._drop(text, f"holds an internal identifier ({tok})")
        return text[0].upper() + text[1:] if text else None

    def _drop(self, text: str, reason: str) -> str | None:
        self.dropped.append(Dropped(text, reason))
        return None  # the sentence is left out


class PublicDraft(BaseModel):
    """The customer-facing summary a model writes (each field is checked again before use)."""

    model_config = ConfigDict(extra="forbid")

    what_happened: str = Field(
        default="",
        description="2-4 plain sentences: what customers experienced and why, in general terms; no people, "
        "hosts, IPs, internal service or customer names",
    )
    impact: str = Field(
        default="", description="one or two sentences on who was affected and for how long, figures as given"
    )
    doing: list[str] = Field(
        default_factory=list, description="what we are doing so it does not happen again, one short item each"
    )


def public_version(
    draft: dict[str, Any],
    *,
    people: Iterable[str] = (),
    private_terms: Iterable[str] = (),
    provider: Provider | None = None,
) -> PublicVersion:
    """Draft the customer-facing version of ``draft`` (names in ``people`` and ``private_terms`` never appear).

    With a model ``provider`` (None: no model) the model writes it from what the rules kept.
    """
    scrub = _Scrubber(draft, people, private_terms)
    pv = _rules(draft, scrub)
    if provider is not None:
        _with_model(pv, provider, scrub)
    _tone(pv)
    pv.dropped = scrub.dropped
    return pv


def _with_model(pv: PublicVersion, provider: Provider, scrub: _Scrubber) -> None:
    """Replace the three parts by the model's prose, scrubbed again; on failure keep the rules' version."""
    from pydantic import ValidationError

    from assistant.draft.prompts import get_registry
    from assistant.errors import ProviderError

    reg = get_registry()
    user = reg.render("public_version", title=pv.title, window=pv.window, what_happened=pv.what_happened,
                      impact=pv.impact, doing=pv.doing)  # fmt: skip
    request = StructuredRequest(messages=[Message("user", user)], schema=PublicDraft, purpose="export.public")
    try:
        out = provider.generate(request)
    except (ProviderError, ValidationError) as exc:
        pv.drafted_by = f"rules (the model failed: {type(exc).__name__}: {str(exc)[:200]})"
        return
    pv.what_happened = scrub.sentences(out.what_happened)
    pv.impact = scrub.sentences(out.impact)
    pv.doing = [d for d in (scrub.sentence(x.strip()) for x in out.doing if x.strip()) if d]
    pv.drafted_by = f"{provider.name}{f' ({provider.model})' if provider.model else ''}"
    pv.prompt_version = reg.version("public_version")


def _tone(pv: PublicVersion) -> None:
    from assistant.tone import rewrite_text

    for name in ("what_happened", "impact", "doing"):
        fixed = []
        for sentence in getattr(pv, name):
            new, found = rewrite_text(sentence, semantic=False)
            pv.tone_rewrites += len(found)
            fixed.append(new)
        setattr(pv, name, fixed)


def _rules(draft: dict[str, Any], scrub: _Scrubber) -> PublicVersion:
    """The rule-based version: the draft's own sentences that may be public."""
    impact = draft.get("impact") or {}
    root = draft.get("root_cause") or {}
    figures = " ".join(
        str(f.get("text") or "") + "." for f in impact.get("figures") or [] if isinstance(f, dict)
    )
    pv = PublicVersion(
        title=(scrub.sentence(str(draft.get("title") or "")) or "Service incident").rstrip("."),
        window=_when(draft),
        what_happened=scrub.sentences(str(draft.get("summary") or ""))
        + scrub.sentences(str(root.get("text") or "") if isinstance(root, dict) else ""),
        impact=scrub.sentences(str(impact.get("summary") or "") if isinstance(impact, dict) else "")
        + scrub.sentences(figures),
        doing=[d for d in (scrub.sentence(str(a.get("description") or "").strip())
                           for a in draft.get("action_items") or [] if isinstance(a, dict)) if d],
    )  # fmt: skip
    return pv
