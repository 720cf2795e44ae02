"""Plain-Python event handlers; ``ui.app`` wires them to Gradio, tests call them directly.

Each handler returns (or, while drafting, yields) a view: a dict from output names to values
(see ``ui.views``). The SQLite store is the source of truth, so every edit is saved on arrival.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from assistant.config import Settings
from assistant.domain import Timeline
from assistant.draft.schema import Postmortem, TemplateRef
from assistant.draft.working import WorkingDraft, blank
from assistant.errors import PostmortemError
from assistant.review.promises import with_open_promises
from assistant.store.drafts import DraftStore
from assistant.ui import drafts, services
from assistant.ui.background import DraftJob, Finished, waiting_line
from assistant.ui.sections import (
    SECTION_BY_NAME,
    apply_field_text,
    field_text,
)
from assistant.ui.views import View, draft_view, empty_view, section_tone, section_view, tone_view

SEVERITIES = ("auto", "SEV1", "SEV2", "SEV3", "SEV4")


@dataclass
class UiContext:
    """What every handler needs: settings, the drafts store, and the example inputs."""

    settings: Settings
    store: DraftStore
    example_files: list[str] = field(default_factory=list)

    @property
    def export_dir(self) -> Path:
        """Where exported files are written, in the data directory."""
        return self.settings.home / "exports"


def _fail(exc: BaseException) -> str:
    """A message for people: ours as written; anything else as one line naming its crash report file."""
    if isinstance(exc, services.Unavailable | PostmortemError):
        return f"⚠️ {exc}"
    from assistant.datadir import crash_line, write_crash_report

    line = crash_line(exc, write_crash_report(exc, command="postmortem ui"))
    return f"⚠️ {line[0].upper()}{line[1:]}"


# ---------------------------------------------------------------- drafts list


def drafts_choices(ctx: UiContext) -> list[tuple[str, str]]:
    """(label, id) pairs for the drafts list, most recent first."""
    return [(r.label, r.id) for r in ctx.store.list()]


def list_drafts(ctx: UiContext, selected: str | None = None) -> View:
    """Refresh the drafts list, keeping ``selected``."""
    return {"drafts": (drafts_choices(ctx), selected or None)}


def open_draft(ctx: UiContext, draft_id: str | None) -> View:
    """Load a stored draft into the editor, with the inputs it was made from."""
    loaded = drafts.load(ctx.store, draft_id)
    if loaded is None:
        return {"notice": "⚠️ Pick a draft from the list to open it."}
    rec, draft = loaded
    view = draft_view(draft, matches=rec.inputs.get("matches"))
    inp = rec.inputs
    view.update(
        {
            "draft_id": rec.id,
            "drafts": (drafts_choices(ctx), rec.id),
            "in:pasted": inp.get("pasted", ""),
            "in:tz": inp.get("tz", ""),
            "in:date": inp.get("date", ""),
            "in:severity": inp.get("severity", "auto"),
            "status": f"Opened **{rec.title or 'Untitled draft'}** (last edit {rec.label.split(' · ')[-1]}).",
            "notice": _pending_notice(draft),
        }
    )
    return view


def _pending_notice(draft: WorkingDraft) -> str:
    """Edits kept as typed because they do not validate yet, each with why (empty when there are none)."""
    if not draft.pending:
        return ""
    lines = [f"- `{p.target}`: {p.error}" for p in draft.pending.values()]
    return "⚠️ Kept as typed, not valid yet (fix them in the editor):\n" + "\n".join(lines)


def new_draft(ctx: UiContext) -> View:
    """A blank editor; nothing is stored until the first edit or draft."""
    view = empty_view()
    view.update(
        {"draft_id": "", "status": "New draft: paste or upload material and press **Draft**.", "notice": ""}
    )
    view.update({"in:pasted": "", "in:tz": "", "in:date": "", "in:severity": "auto", "in:files": []})
    view["drafts"] = (drafts_choices(ctx), None)
    return view


def on_load(ctx: UiContext) -> View:
    """Page load: reopen the most recent draft; with no drafts, preload the example inputs."""
    recent = ctx.store.list(limit=1)
    if recent:
        return open_draft(ctx, recent[0].id)
    # Leave the inputs alone: the user may already be typing when the load event lands.
    view: View = {
        "status": "Paste or upload incident material and press **Draft**.",
        "drafts": (drafts_choices(ctx), None),
    }
    if ctx.example_files:
        view["in:files"] = list(ctx.example_files)
        view["status"] = "The bundled example incident is loaded: press **Draft**."
    return view


# ---------------------------------------------------------------- drafting


def _parse_inputs(tz: str, date_text: str) -> tuple[str | None, date | None]:
    tz = (tz or "").strip()
    if tz:
        try:
            ZoneInfo(tz)
        except Exception as exc:
            raise services.Unavailable(
                f"Unknown timezone {tz!r}: use an IANA name such as 'UTC' or 'Europe/Berlin'."
            ) from exc
    text = (date_text or "").strip()
    try:
        day = date.fromisoformat(text) if text else None
    except ValueError as exc:
        raise services.Unavailable(f"Date {text!r} is not YYYY-MM-DD.") from exc
    return tz or None, day


def _check_sizes(ctx: UiContext, files: Sequence[str]) -> None:
    limit = ctx.settings.ui_max_upload_mb * 1024 * 1024
    too_big = [f for f in files if Path(f).stat().st_size > limit]
    if too_big:
        names = ", ".join(f"{Path(f).name} ({Path(f).stat().st_size / 1e6:.1f} MB)" for f in too_big)
        raise services.Unavailable(
            f"Over the {ctx.settings.ui_max_upload_mb} MB upload limit: {names}. Split the file, "
            "or raise POSTMORTEM_UI_MAX_UPLOAD_MB."
        )


_MARK: dict[bool | str, str] = {True: "✅", False: "⏳", "fallback": "⚠️"}


class _Progress:
    """The stage list shown while drafting."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        # section → False (drafting), True (drafted by the chosen provider), "fallback" (drafted offline)
        self.sections: dict[str, bool | str] = {}
        self.labels: dict[str, str] = {}  # a team template's free sections, shown by their headings

    def stage(self, text: str) -> str:
        self.lines.append(f"⏳ {text}")
        return self.render()

    def done(self, text: str) -> str:
        self.lines[-1] = f"✅ {text}"
        return self.render()

    def failed(self, text: str | None = None) -> str:
        """The running stage stopped: never leave a ⏳ behind after an error."""
        if self.lines and self.lines[-1].startswith("⏳"):
            self.lines[-1] = f"⚠️ {text or self.lines[-1][2:] + ': stopped'}"
        self.sections = {n: ok for n, ok in self.sections.items() if ok is not False}
        return self.render()

    def render(self) -> str:
        out = list(self.lines)
        if self.sections:
            marks = " · ".join(
                f"{_MARK[ok]} {self.labels.get(n) or n.replace('_', ' ')}" for n, ok in self.sections.items()
            )
            out.append(f"Sections: {marks}")
        return "\n\n".join(out)


def _timeline_preview(tl: Timeline) -> WorkingDraft:
    return blank("Untitled incident").revise(key_times=tl.key_times, metrics=tl.metrics)


def run_draft(
    ctx: UiContext,
    pasted: str,
    files: Sequence[str] | None,
    tz: str,
    date_text: str,
    severity: str,
    provider_name: str,
    template: str = "",
) -> Iterator[View]:
    """Draft a postmortem, yielding the stages and each section as it finishes."""
    from assistant.ui.template_picker import resolve

    files = [str(f) for f in (files or [])]
    prog = _Progress()
    view: View = {"status": prog.stage("Reading files"), "notice": ""}
    yield view
    try:
        team_template = resolve(template)
        zone, day = _parse_inputs(tz, date_text)
        _check_sizes(ctx, files)
        ingested = services.ingest(pasted or "", files, max_bytes=ctx.settings.ui_max_upload_mb * 1024 * 1024)
    except Exception as exc:  # noqa: BLE001 — the UI turns every failure into a notice (STYLE 5)
        yield {"status": prog.failed(), "notice": _fail(exc)}
        return
    problems = [f"- `{p.path}{':' + str(p.line) if p.line else ''}` {p.message}" for p in ingested.problems]
    yield {
        "status": prog.done(f"Read {len(ingested.sources)} source(s)"),
        "notice": ("Input problems:\n" + "\n".join(problems)) if problems else "",
    }
    inputs: dict[str, Any] = {
        "pasted": pasted or "", "files": [Path(f).name for f in files], "tz": tz or "",
        "date": date_text or "", "severity": severity or "auto", "provider": provider_name or "offline",
        "template": team_template.name if team_template else "",
    }  # fmt: skip
    yield {"status": prog.stage("Building the timeline")}
    try:
        tl = services.build_timeline(ingested, tz=zone, on_date=day)
    except Exception as exc:  # noqa: BLE001 — the UI turns every failure into a notice (STYLE 5)
        yield {"status": prog.failed(), "notice": _fail(exc)}
        return
    if not tl.events:  # nothing to draft from: no junk draft, no "ready"
        yield {
            "status": prog.failed("Timeline: no events could be read from the input"),
            "notice": "⚠️ Nothing usable in the input, so no draft was made."
            + ("\n\nInput problems:\n" + "\n".join(problems) if problems else ""),
        }
        return
    draft = _timeline_preview(tl)
    draft_id = drafts.create(ctx.store, draft, title="Untitled incident", inputs=inputs, timeline=tl)
    yield {
        "status": prog.done(f"Timeline: {len(tl.events)} events"),
        "draft_id": draft_id,
        "keytimes": draft_view(draft, tone=False)["keytimes"],
        "drafts": (drafts_choices(ctx), draft_id),
    }
    yield {"status": prog.stage("Finding similar incidents")}
    library, matches, lib_note = None, [], ""
    try:
        library = services.open_library(ctx.settings)
        matches = services.similar(library, services.incident_query(tl))
        matches = with_open_promises(ctx.store, matches)  # "promised in …, still open"
        library = services.CachedLibrary(library, matches)
    except Exception as exc:  # noqa: BLE001 — the UI turns every failure into a notice (STYLE 5); the draft goes on without past incidents
        lib_note = _fail(exc)
    inputs["matches"] = [m.model_dump(mode="json") if hasattr(m, "model_dump") else m for m in matches]
    ctx.store.save(draft_id, inputs=inputs)
    yield {
        "status": prog.done(f"Similar incidents: {len(matches)}" + (f" ({lib_note})" if lib_note else "")),
        "similar": draft_view(draft, matches=inputs["matches"], tone=False)["similar"],
    }
    yield from _draft_sections(
        ctx, draft_id, draft, tl, provider_name, library, prog, severity, inputs["matches"],
        template=team_template,
    )  # fmt: skip


def _draft_sections(
    ctx: UiContext,
    draft_id: str,
    draft: WorkingDraft,
    tl: Timeline,
    provider_name: str,
    library: Any,
    prog: _Progress,
    severity: str,
    matches: list[Any],
    sections: Sequence[str] | None = None,
    template: TemplateRef | None = None,
) -> Iterator[View]:
    from assistant.draft.fallback import fallback_line, fallback_sections
    from assistant.draft.free_sections import free_headings, free_key, planned_sections

    prog.sections = {n: False for n in (sections or planned_sections(template))}
    prog.labels = {free_key(n): h.heading for n, h in free_headings(template)} if template else {}
    # The drafting thread stores each section itself (ui.background): the draft outlives the page,
    # people's edits made meanwhile stand, and a quiet model still gets a status every few seconds.
    job = DraftJob(ctx.store, draft_id, draft, tl)
    provider = None

    def run(on_section: Any) -> Any:
        nonlocal provider
        provider = services.get_provider(provider_name, ctx.settings)
        return services.draft(
            tl,
            provider=provider,
            library=library,
            on_section=on_section,
            sections=sections,
            template=template,
        )

    def finish(pm: Postmortem) -> Finished:
        """The whole draft, or the redrafted sections' keys; the severity people chose stands."""
        keys = {k for n in sections or () for k in _SECTION_KEYS.get(n, (n,)) if k in Postmortem.model_fields}
        if severity and severity != "auto":
            pm = Postmortem.model_validate({**dict(pm), "severity": severity})
            keys.add("severity")
        return Finished(pm, frozenset(keys) if sections else None)

    def beat(quiet: float) -> View:
        done = [n for n, ok in prog.sections.items() if ok]
        timeout = getattr(provider, "timeout_s", None) if getattr(provider, "name", "") != "offline" else None
        return {"status": prog.render() + "\n\n" + waiting_line(quiet, timeout, done, len(prog.sections))}

    job.run(run, finish)
    yield {"status": prog.stage("Drafting sections")}  # the job already runs: closing the page stops nothing
    for item in job.relay(beat):
        if not isinstance(item, tuple):
            yield item
            continue
        kind, payload, stored = item
        if kind == "section":
            prog.sections[payload] = True
            yield {"status": prog.render(), **section_view(stored, payload)}
        elif kind == "error":
            yield {"status": prog.failed(), "notice": _fail(payload)}
            return
        else:
            final = stored
            view = draft_view(final, matches=matches) if not sections else {}
            for name in sections or ():
                view.update(section_view(final, name))
                if name in SECTION_BY_NAME:
                    view[f"tone:{name}"] = section_tone(final, SECTION_BY_NAME[name])
            fell_back = fallback_sections(payload)
            prog.sections = {n: ("fallback" if n in fell_back else True) for n in prog.sections}
            news = [fallback_line(n, *fell_back[n]) for n in prog.sections if n in fell_back]
            ready = (
                "Draft ready"
                if not news
                else f"Draft ready: {len(news)} section(s) drafted offline after the model failed"
            )
            out = {**view, "status": prog.done(ready) + "\n\nEvery edit is saved automatically.",
                   "drafts": (drafts_choices(ctx), draft_id), "draft_id": draft_id}  # fmt: skip
            if news:
                out["notice"] = (
                    "⚠️ The model failed; these sections were drafted offline instead:\n"
                    + "\n".join(f"- {line}" for line in news)
                )
            yield out
            return


_SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "metadata": ("title", "severity", "status", "date", "duration", "services", "authors"),
    "root_cause": ("root_cause", "trigger", "contributing_factors", "ruled_out"),
}


def regenerate(ctx: UiContext, draft_id: str, section: str, provider_name: str) -> Iterator[View]:
    """Redraft one section of a stored draft from its stored timeline."""
    yield from redraft(ctx, draft_id, [section], provider_name)


def redraft(ctx: UiContext, draft_id: str, sections: Sequence[str], provider_name: str) -> Iterator[View]:
    """Redraft the named sections of a stored draft from its stored timeline."""
    loaded = drafts.load(ctx.store, draft_id)
    if loaded is None or not loaded[0].timeline:
        yield {"notice": "⚠️ Nothing to regenerate: draft the incident first."}
        return
    rec, draft = loaded
    tl = Timeline.model_validate(rec.timeline)
    matches = rec.inputs.get("matches") or []
    library = None
    try:
        library = services.open_library(ctx.settings)
    except Exception:  # noqa: BLE001 — chromadb raises its own types; regenerating without past incidents is still useful
        library = None
    prog = _Progress()
    yield from _draft_sections(
        ctx, draft_id, draft, tl, provider_name, library, prog, rec.inputs.get("severity", "auto"),
        matches, sections=list(sections), template=draft.postmortem.template,
    )  # fmt: skip


# ---------------------------------------------------------------- editing


def _saved() -> str:
    from datetime import datetime

    return f"Saved {datetime.now().strftime('%H:%M:%S')}"


def check_section(ctx: UiContext, draft_id: str | None, section: str) -> View:
    """Re-run the tone check on one section of the stored draft."""
    return {f"tone:{section}": section_tone(drafts.of(ctx.store.get(draft_id) if draft_id else None),
                                            SECTION_BY_NAME[section])}  # fmt: skip


def use_rewrite(ctx: UiContext, draft_id: str | None, section: str) -> View:
    """Replace every flagged sentence of a section with its blameless rewrite, and save."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:
        return {"notice": "⚠️ Nothing to rewrite: no draft is open."}
    sec = SECTION_BY_NAME[section]
    try:

        def change(d: WorkingDraft) -> WorkingDraft:
            for f in sec.fields:
                d = apply_field_text(d, f, services.rewrite_tone(field_text(d, f)))
            return d

        draft = drafts.update(ctx.store, rec.id, change)
    except Exception as exc:  # noqa: BLE001 — the UI turns every failure into a notice (STYLE 5)
        return {"notice": _fail(exc)}
    view = section_view(draft, section)
    view[f"tone:{section}"] = section_tone(draft, sec)
    view["saved"] = _saved()
    return view


def tone_check_text(text: str) -> View:
    """The tone tab: findings of any text, and the whole text rewritten."""
    tv = tone_view(text or "")
    try:
        rewritten = services.rewrite_tone(text or "") if tv.count else (text or "")
    except services.Unavailable as exc:
        rewritten = f"({exc})"
    summary = f"{tv.count} finding(s)." if tv.count else "No blameful wording found."
    return {"tone:check": tv, "tone_rewrite": rewritten, "tone_summary": summary}
