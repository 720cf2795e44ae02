"""Turn a draft dict into what the editor shows: a "view", a dict from output names to values.

Names: ``field:<path>`` (textbox text), ``table:<key>`` (rows), ``tone:<section>`` (a ``ToneView``),
``keytimes``, ``similar``, ``status``, ``notice``, ``draft_id``, ``drafts``, ``saved``, ``exports``,
``publish`` and ``in:<input>``. The Gradio layer maps names to components; handlers stay plain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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


def section_tone(draft: dict[str, Any], section: EditSection) -> ToneView:
    """The tone view of one editor section."""
    return tone_view(section_text(draft, section))


def _when(value: Any) -> str:
    if not value:
        return "—"
    try:
        return datetime.fromisoformat(str(value)).strftime("%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        return str(value)


def _span(seconds: Any) -> str:
    if seconds is None:
        return "—"
    total = round(float(seconds))
    h, rem = divmod(abs(total), 3600)
    m, s = divmod(rem, 60)
    text = f"{h}h {m:02d}m" if h else f"{m}m {s:02d}s"
    return f"-{text}" if total < 0 else text


def keytimes_md(draft: dict[str, Any]) -> str:
    """Key times and metrics as a small Markdown table."""
    kt = draft.get("key_times") or {}
    mt = draft.get("metrics") or {}
    if not any(kt.values()) and not any(v is not None for v in mt.values()):
        return "_Key times appear here once the timeline is built._"
    rows = [
        "| moment | time | metric |",
        "| --- | --- | --- |",
        f"| start | {_when(kt.get('start'))} | |",
        f"| detected | {_when(kt.get('detected'))} | time to detect: **{_span(mt.get('time_to_detect_s'))}** |",
        f"| mitigated | {_when(kt.get('mitigated'))} | time to mitigate: **{_span(mt.get('time_to_mitigate_s'))}** |",
        f"| resolved | {_when(kt.get('resolved'))} | time to resolve: **{_span(mt.get('time_to_resolve_s'))}** |",
    ]
    rows += _key_evidence(draft.get("key_candidates") or {})
    meta = [f"**Severity:** {draft.get('severity') or 'unknown'}"]
    if draft.get("duration"):
        meta.append(f"**Duration:** {draft['duration']}")
    if draft.get("services"):
        meta.append("**Services:** " + ", ".join(map(str, draft["services"])))
    return " · ".join(meta) + "\n\n" + "\n".join(rows)


def _key_evidence(choices: dict[str, Any]) -> list[str]:
    """One line per key time: why it was chosen, how sure, and the runner-up events (ids to pick from)."""
    out: list[str] = []
    for k in ("start", "detected", "mitigated", "resolved"):
        c = choices.get(k) or {}
        if c.get("question"):
            out.append(f"\n- **{k}**: unknown. {c['question']}")
        elif c.get("event_id"):
            alts = "; ".join(
                f"{a['event_id']} {_when(a.get('time'))} ({a.get('why', '')})"
                for a in c.get("candidates", [])[:3]
            )
            out.append(
                f"\n- **{k}**: {c['event_id']}, {c.get('why', '')} (confidence {float(c.get('confidence') or 0):.2f})"
                + (f"; other candidates: {alts}" if alts else "")
            )
    return ["", *out] if out else []


def _match_dict(m: Any) -> dict[str, Any]:
    return m.model_dump(mode="json") if hasattr(m, "model_dump") else dict(m)


def similar_md(draft: dict[str, Any], matches: list[Any] | None = None) -> str:
    """Similar past incidents with their reason, link and "seen before" action items."""
    items = [_match_dict(m) for m in (matches or [])] or list(draft.get("similar_incidents") or [])
    if not items:
        note = (draft.get("provenance") or {}).get("library")
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


def draft_view(draft: dict[str, Any], *, matches: list[Any] | None = None, tone: bool = True) -> View:
    """Everything the editor shows for a draft."""
    view: View = {f"field:{f.path}": field_text(draft, f) for f in FIELDS}
    view.update({f"table:{k}": table_rows(draft, k) for k in TABLES})
    view["keytimes"] = keytimes_md(draft)
    view["similar"] = similar_md(draft, matches)
    if tone:
        view.update({f"tone:{s.name}": section_tone(draft, s) for s in SECTIONS})
    return view


def section_view(draft: dict[str, Any], name: str) -> View:
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
    view = draft_view({}, tone=False)
    view.update({f"tone:{s.name}": ToneView() for s in SECTIONS})
    view["similar"] = "_Similar past incidents appear here while drafting._"
    return view
