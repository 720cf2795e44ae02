"""Turn a ``WorkingDraft`` into what the editor shows: a "view", a dict from output names to values.

Names: ``field:<path>`` (textbox text), ``table:<key>`` (rows), ``tone:<section>`` (a ``ToneView``),
``keytimes``, ``similar``, ``status``, ``notice``, ``draft_id``, ``drafts``, ``saved``, ``exports``,
``publish`` and ``in:<input>``. The Gradio layer maps names to components; handlers stay plain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assistant.domain import KeyChoice
from assistant.draft.working import WorkingDraft, blank
from assistant.ui import services
from assistant.ui.sections import FIELDS, SECTIONS, TABLES, EditSection, field_text, section_text, table_rows

View = dict[str, Any]


@dataclass
class ToneView:
    """Tone findings of one section: highlighted spans and the suggested rewrites."""

    segments: list[tuple[str, str | None]] = field(default_factory=list)
    suggestions: str = ""
    count: int = 0


def tone_view(text: str) -> ToneView:
    """Highlight the blameful spans of ``text`` and list a rewrite for each."""
    try:
        findings = services.check_tone(text)
    except services.Unavailable as exc:
        return ToneView(suggestions=f"_Tone check unavailable: {exc}_")
    if not findings:
        return ToneView()
    segments: list[tuple[str, str | None]] = []
    pos = 0
    lines = []
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:  # overlapping findings: the first one already covers this span
            continue
        if f.start > pos:
            segments.append((text[pos : f.start], None))
        segments.append((text[f.start : f.end], f.category))
        pos = f.end
        lines.append(f"- **{f.category}** “{f.text}” — {f.explanation}  \n  → _{f.suggestion}_")
    if pos < len(text):
        segments.append((text[pos:], None))
    return ToneView(segments=segments, suggestions="\n".join(lines), count=len(findings))


def section_tone(draft: WorkingDraft, section: EditSection) -> ToneView:
    """The tone view of one editor section."""
    return tone_view(section_text(draft, section))


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S %z") if value else "—"


def _span(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    total = round(float(seconds))
    h, rem = divmod(abs(total), 3600)
    m, s = divmod(rem, 60)
    text = f"{h}h {m:02d}m" if h else f"{m}m {s:02d}s"
    return f"-{text}" if total < 0 else text


def keytimes_md(draft: WorkingDraft) -> str:
    """Key times and metrics as a small Markdown table."""
    pm = draft.postmortem
    kt, mt = pm.key_times, pm.metrics
    if not any(dict(kt).values()) and not any(v is not None for v in dict(mt).values()):
        return "_Key times appear here once the timeline is built._"
    rows = [
        "| moment | time | metric |",
        "| --- | --- | --- |",
        f"| start | {_when(kt.start)} | |",
        f"| detected | {_when(kt.detected)} | time to detect: **{_span(mt.time_to_detect_s)}** |",
        f"| mitigated | {_when(kt.mitigated)} | time to mitigate: **{_span(mt.time_to_mitigate_s)}** |",
        f"| resolved | {_when(kt.resolved)} | time to resolve: **{_span(mt.time_to_resolve_s)}** |",
    ]
    rows += _key_evidence(pm.key_candidates)
    meta = [f"**Severity:** {pm.severity or 'unknown'}"]
    if pm.duration:
        meta.append(f"**Duration:** {pm.duration}")
    if pm.services:
        meta.append("**Services:** " + ", ".join(pm.services))
    return " · ".join(meta) + "\n\n" + "\n".join(rows)


def _key_evidence(choices: Mapping[str, KeyChoice]) -> list[str]:
    """One line per key time: why it was chosen, how sure, and the runner-up events (ids to pick from)."""
    out: list[str] = []
    for k in ("start", "detected", "mitigated", "resolved"):
        c = choices.get(k) or KeyChoice()
        if c.question:
            out.append(f"\n- **{k}**: unknown. {c.question}")
        elif c.event_id:
            alts = "; ".join(f"{a.event_id} {_when(a.time)} ({a.why})" for a in c.candidates[:3])
            out.append(
                f"\n- **{k}**: {c.event_id}, {c.why} (confidence {c.confidence:.2f})"
                + (f"; other candidates: {alts}" if alts else "")
            )
    return ["", *out] if out else []


def _match_dict(m: Any) -> dict[str, Any]:
    return m.model_dump(mode="json") if hasattr(m, "model_dump") else dict(m)


def similar_md(draft: WorkingDraft, matches: list[Any] | None = None) -> str:
    """Similar past incidents with their reason, link and "seen before" action items."""
    pm = draft.postmortem
    items = [_match_dict(m) for m in (matches or [])] or [_match_dict(m) for m in pm.similar_incidents]
    if not items:
        note = pm.provenance.library if draft.drafted else None
        return f"_No similar past incidents found.{' ' + note if note else ''}_"
    out = []
    for m in items:
        title = m.get("title") or m.get("id")
        link = m.get("url") or m.get("path")
        head = (
            f"[{title}]({link})" if link and str(link).startswith(("http://", "https://")) else f"**{title}**"
        )
        extra = f" · {m['date']}" if m.get("date") else ""
        score = f" · score {m['score']:.2f}" if isinstance(m.get("score"), int | float) else ""
        out.append(f"#### {head}{extra}{score}")
        if link and not str(link).startswith(("http://", "https://")):
            out.append(f"`{link}`")
        if m.get("why"):
            out.append(f"Why: {m['why']}")
        seen = m.get("seen_before") or []
        if seen:
            out.append("Seen before:")
            for s in seen:
                if isinstance(s, dict):
                    status = f" — _{s['status']}_" if s.get("status") else ""
                    out.append(f"- {s.get('text', '')}{status}")
                else:
                    out.append(f"- {s}")
        out.append("")
    return "\n".join(out)


def draft_view(draft: WorkingDraft, *, matches: list[Any] | None = None, tone: bool = True) -> View:
    """Everything the editor shows for a draft."""
    view: View = {f"field:{f.path}": field_text(draft, f) for f in FIELDS}
    view.update({f"table:{k}": table_rows(draft, k) for k in TABLES})
    view["keytimes"] = keytimes_md(draft)
    view["similar"] = similar_md(draft, matches)
    if tone:
        view.update({f"tone:{s.name}": section_tone(draft, s) for s in SECTIONS})
    return view


def section_view(draft: WorkingDraft, name: str) -> View:
    """The fields (or table) and tone of one drafting section."""
    view: View = {}
    if name in TABLES:
        view[f"table:{name}"] = table_rows(draft, name)
    for s in SECTIONS:
        if s.name == name:
            view.update({f"field:{f.path}": field_text(draft, f) for f in s.fields})
    if name == "metadata":
        view["keytimes"] = keytimes_md(draft)
    return view


def empty_view() -> View:
    """A blank editor."""
    view = draft_view(blank(), tone=False)
    view.update({f"tone:{s.name}": ToneView() for s in SECTIONS})
    view["similar"] = "_Similar past incidents appear here while drafting._"
    return view
