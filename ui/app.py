"""The Gradio app: layout and wiring. Handlers live in ``assistant.ui.handlers`` (plain Python).

Offline by construction: analytics, the version check and hub look-ups are switched off before
gradio is imported; the app binds 127.0.0.1 unless told otherwise and never opens a share link.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from assistant.config import Settings, get_settings
from assistant.draft.schema import SECTION_TITLES
from assistant.ui.handlers import SEVERITIES, UiContext
from assistant.ui.sections import SECTIONS, TABLES

EXAMPLES = Path(
    str(files("assistant") / "examples")
)  # shipped in the wheel; a link to examples/ in a checkout
EXAMPLE_INCIDENT = EXAMPLES / "incident"
EXAMPLE_LIBRARY = EXAMPLES / "library"

_CSS = """
#status {min-height: 2em}
.section-box {margin-top: 6px}
.tone-box {background: var(--block-background-fill)}
"""


def _offline_env() -> None:
    # Must run before gradio (and gradio_client / huggingface_hub) is imported.
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def example_files() -> list[str]:
    """The bundled example incident's files (empty when the example is not shipped)."""
    if not EXAMPLE_INCIDENT.is_dir():
        return []
    return sorted(str(p) for p in EXAMPLE_INCIDENT.iterdir() if p.is_file() and not p.name.startswith("."))


def _convert(name: str, value: Any) -> list[Any]:
    """One view entry → the update(s) of the component(s) it names."""
    import gradio as gr
    import pandas as pd

    if name == "drafts":
        choices, selected = value
        return [gr.update(choices=choices, value=selected)]
    if name.startswith("tone:"):
        return [
            gr.update(value=value.segments or None),
            gr.update(value=value.suggestions),
            gr.update(visible=value.count > 0 or bool(value.suggestions)),
        ]
    if name.startswith("table:"):
        return [pd.DataFrame(value, columns=TABLES[name[6:]])]
    if name == "exports":
        return [gr.update(value=value or None, visible=bool(value))]
    if name.startswith("free:") or name == "free_box":  # a team template's free sections
        from assistant.ui import free_editor

        return free_editor.convert(gr, name, value)
    if name == "conflict":  # the conflict panel shows only while a save is refused
        return [value, gr.update(visible=bool(value))]
    return [value]


class _Outputs:
    """Maps view names to components and converts handler views into Gradio return tuples."""

    def __init__(self) -> None:
        self.components: dict[str, list[Any]] = {}
        self.api: dict[str, list[str]] = {}  # api name → the view names its outputs carry

    def on(self, event: Any, fn: Callable[..., Any], names: list[str], api: str, *, inputs: list[Any] | None = None,
           gen: bool = False, **kw: Any) -> None:  # fmt: skip
        """Wire ``fn`` (a plain handler returning or yielding views) to ``event`` under ``api``."""
        self.api[api] = names
        wrapped = self.wrap_gen(fn, names) if gen else self.wrap(fn, names)
        event(wrapped, inputs=inputs or [], outputs=self.of(names), api_name=api, **kw)

    def add(self, name: str, *components: Any) -> None:
        self.components[name] = list(components)

    def of(self, names: list[str]) -> list[Any]:
        return [c for n in names for c in self.components[n]]

    def labels(self, names: list[str]) -> list[str]:
        """The view name of each value an API call returns, in order (layout blocks return nothing)."""
        from gradio.components import Component

        return [n for n in names for c in self.components[n] if isinstance(c, Component)]

    def _tuple(self, names: list[str], view: dict[str, Any]) -> Any:
        import gradio as gr

        out: list[Any] = []
        for n in names:
            if n in view:
                out.extend(_convert(n, view[n]))
            else:
                out.extend(gr.skip() for _ in self.components[n])
        return out[0] if len(out) == 1 else tuple(out)  # Gradio wants a bare value for one output

    def wrap(self, fn: Callable[..., dict[str, Any]], names: list[str]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            return self._tuple(names, fn(*args))

        return _with_request(call, fn)

    def wrap_gen(self, fn: Callable[..., Iterator[dict[str, Any]]], names: list[str]) -> Callable[..., Any]:
        def call(*args: Any) -> Iterator[Any]:
            for view in fn(*args):
                yield self._tuple(names, view)

        return _with_request(call, fn)


def _with_request(call: Callable[..., Any], fn: Callable[..., Any]) -> Callable[..., Any]:
    """Gradio injects the signed-in request into a parameter named ``request``: keep it visible on ``call``."""
    import inspect

    import gradio as gr

    sig = inspect.signature(fn)
    if "request" in sig.parameters:
        call.__signature__ = sig  # type: ignore[attr-defined]
        call.__annotations__ = {"request": gr.Request}
    return call


def build_app(settings: Settings | None = None, *, example: bool = False) -> Any:
    """Build the Gradio Blocks app over the drafts store in ``settings.home``."""
    _offline_env()
    import gradio as gr

    from assistant.store.drafts import DraftStore
    from assistant.ui import edit_guard, free_editor, services
    from assistant.ui import handlers as h
    from assistant.ui import outputs as o

    settings = settings or get_settings()
    ctx = UiContext(settings=settings, store=DraftStore(settings.database, redact=settings.store_redacted),
                    example_files=example_files() if example else [])  # fmt: skip
    outs = _Outputs()
    providers = services.provider_choices(settings)
    default_provider = settings.resolved_provider if settings.resolved_provider in providers else "offline"

    with gr.Blocks(title="Postmortem Assistant", analytics_enabled=False) as demo:
        demo.ui_context = ctx  # tests and the CLI reach the store through the app
        demo.ui_outputs = outs
        draft_id = gr.Textbox(visible=False, elem_id="draft-id")
        outs.add("draft_id", draft_id)
        with gr.Row(equal_height=True):
            gr.Markdown("# Postmortem Assistant\nDraft, edit and publish a blameless postmortem.")
            drafts = gr.Dropdown(label="Drafts (saved automatically)", choices=[], scale=2, elem_id="drafts",
                                 allow_custom_value=True)  # fmt: skip
            new_btn = gr.Button("New draft", scale=0, size="sm", elem_id="new-btn")
            saved = gr.Markdown("", elem_id="saved")
        outs.add("drafts", drafts)
        outs.add("saved", saved)
        with gr.Tabs():
            with gr.Tab("Postmortem", id="postmortem"):
                with gr.Row():
                    with gr.Column(scale=3):
                        pasted = gr.Textbox(label="Paste chat, notes or logs", lines=8, max_lines=20,
                                            elem_id="pasted")  # fmt: skip
                        files = gr.File(label=f"Upload files (several; up to {settings.ui_max_upload_mb} MB each)",
                                        file_count="multiple", type="filepath", elem_id="files",
                                        height=120)  # fmt: skip
                        with gr.Row():
                            tz = gr.Textbox(label="Timezone (IANA, empty = as stated)", placeholder="UTC",
                                            elem_id="tz")  # fmt: skip
                            day = gr.Textbox(
                                label="Date (YYYY-MM-DD)", placeholder="2026-03-04", elem_id="date"
                            )
                            severity = gr.Dropdown(list(SEVERITIES), value="auto", label="Severity",
                                                   elem_id="severity")  # fmt: skip
                            provider = gr.Dropdown(providers, value=default_provider, label="Provider",
                                                   elem_id="provider")  # fmt: skip
                        from assistant.ui.template_picker import add_picker

                        template = add_picker(gr)
                        draft_btn = gr.Button("Draft", variant="primary", elem_id="draft-btn")
                        status = gr.Markdown("", elem_id="status")
                        notice = gr.Markdown("", elem_id="notice")
                    with gr.Column(scale=2):
                        gr.Markdown("### Key times and metrics")
                        keytimes = gr.Markdown("", elem_id="keytimes")
                        from assistant.ui.keytimes_panel import add_panel

                        wire_key_picks = add_panel(gr, ctx, outs, keytimes, draft_id, provider)
                        gr.Markdown("### Similar past incidents")
                        similar = gr.Markdown("", elem_id="similar")
                for name, comp in (("in:pasted", pasted), ("in:files", files), ("in:tz", tz), ("in:date", day),
                                   ("in:severity", severity), ("status", status), ("notice", notice),
                                   ("keytimes", keytimes), ("similar", similar)):  # fmt: skip
                    outs.add(name, comp)
                section_widgets = _editor(gr, outs)
                with gr.Row():
                    export_btn = gr.Button(
                        "Export Markdown · JSON · Jira CSV · Confluence · Word", elem_id="export-btn"
                    )
                    publish_btn = gr.Button(
                        "Publish to the library", variant="primary", elem_id="publish-btn"
                    )
                exports = gr.File(label="Downloads", file_count="multiple", visible=False, interactive=False,
                                  elem_id="exports")  # fmt: skip
                publish_msg = gr.Markdown("", elem_id="publish-msg")
                outs.add("exports", exports)
                outs.add("publish", publish_msg)
            with gr.Tab("Tone check", id="tone"):
                tone_in = gr.Textbox(label="Any text", lines=8, elem_id="tone-in")
                tone_btn = gr.Button("Check tone", variant="primary", elem_id="tone-btn")
                tone_summary = gr.Markdown("", elem_id="tone-summary")
                tone_hl = gr.HighlightedText(label="Findings", elem_id="tone-hl")
                tone_md = gr.Markdown("", elem_id="tone-md")
                tone_col = gr.Column(visible=True)
                tone_rw = gr.Textbox(label="Rewritten", lines=8, interactive=False, elem_id="tone-rewrite")
                outs.add("tone:check", tone_hl, tone_md, tone_col)
                outs.add("tone_rewrite", tone_rw)
                outs.add("tone_summary", tone_summary)
            from assistant.ui.review_tab import add_tabs

            add_tabs(gr, ctx, draft_id)

        editor_names = [f"field:{f.path}" for s in SECTIONS for f in s.fields]
        editor_names += [f"table:{k}" for k in TABLES] + [f"tone:{s.name}" for s in SECTIONS]
        editor_names += [*edit_guard.base_names(), "conflict", *free_editor.names()]
        all_names = ["status", "notice", "draft_id", "drafts", "keytimes", "similar", *editor_names]
        open_names = [*all_names, "in:pasted", "in:tz", "in:date", "in:severity"]
        load_names = [*open_names, "in:files"]

        outs.on(draft_btn.click, edit_guard.stamped(ctx, partial(h.run_draft, ctx), gen=True), all_names, "draft",
                gen=True,
                inputs=[pasted, files, tz, day, severity, provider, template], concurrency_limit=10,
                show_progress="minimal")  # fmt: skip
        _wire_editor(ctx, outs, section_widgets, draft_id, provider)
        wire_key_picks(all_names)
        outs.on(drafts.input, edit_guard.stamped(ctx, partial(h.open_draft, ctx), draft_arg=0), open_names,
                "open_draft", inputs=[drafts])  # fmt: skip
        outs.on(new_btn.click, edit_guard.stamped(ctx, lambda: h.new_draft(ctx)), load_names, "new_draft")
        outs.on(
            export_btn.click, partial(o.export_files, ctx), ["exports", "notice"], "export", inputs=[draft_id]
        )
        outs.on(publish_btn.click, partial(o.publish, ctx), ["publish"], "publish", inputs=[draft_id])
        tone_names = ["tone:check", "tone_rewrite", "tone_summary"]
        outs.on(tone_btn.click, h.tone_check_text, tone_names, "tone_check", inputs=[tone_in])
        outs.on(demo.load, edit_guard.stamped(ctx, lambda: h.on_load(ctx)), load_names, "load")
    demo.queue(default_concurrency_limit=8)
    return demo


def _editor(gr: Any, outs: _Outputs) -> dict[str, dict[str, Any]]:
    """The editable sections: textboxes, tone panel, "use rewrite", regenerate; then the two tables."""
    from assistant.ui import edit_guard

    widgets: dict[str, dict[str, Any]] = {}
    gr.Markdown("## Draft")
    widgets["_conflict"] = edit_guard.add_components(gr, outs)
    for s in SECTIONS:
        w: dict[str, Any] = {"fields": {}}
        with gr.Group(elem_classes="section-box"):
            with gr.Row():
                gr.Markdown(f"### {s.label}")
                w["regen"] = gr.Button("↻ Regenerate", size="sm", scale=0, elem_id=f"regen-{s.name}")
            for f in s.fields:
                lines = 1 if f.path == "title" else 3
                tb = gr.Textbox(
                    label=f.label, lines=lines, max_lines=30, elem_id=f"field-{f.path.replace('.', '-')}"
                )
                w["fields"][f.path] = tb
                outs.add(f"field:{f.path}", tb)
            with gr.Column(visible=False, elem_classes="tone-box") as col:
                hl = gr.HighlightedText(label="Tone findings", elem_id=f"tone-hl-{s.name}")
                md = gr.Markdown("")
                w["rewrite"] = gr.Button("Use rewrite", size="sm", elem_id=f"rewrite-{s.name}")
            outs.add(f"tone:{s.name}", hl, md, col)
        widgets[s.name] = w
    from assistant.ui import free_editor

    widgets["_free"] = {"boxes": free_editor.add_components(gr, outs)}
    for key, cols in TABLES.items():
        with gr.Group(elem_classes="section-box"):
            with gr.Row():
                gr.Markdown(f"### {SECTION_TITLES[key]}")
                regen = gr.Button("↻ Regenerate", size="sm", scale=0, elem_id=f"regen-{key}")
            df = gr.Dataframe(headers=cols, type="array", interactive=True, wrap=True,
                              column_count=len(cols), elem_id=f"table-{key}")  # fmt: skip
        outs.add(f"table:{key}", df)
        widgets[key] = {"regen": regen, "table": df}
    return widgets


def _wire_editor(ctx: UiContext, outs: _Outputs, widgets: dict[str, dict[str, Any]], draft_id: Any,
                 provider: Any) -> None:  # fmt: skip
    import gradio as gr

    from assistant.ui import edit_guard as g
    from assistant.ui import free_editor
    from assistant.ui import handlers as h
    from assistant.ui.review_tab import current_user

    def user(request: Any) -> str | None:
        return current_user(ctx.settings, request)

    saved = ["draft_id", "saved", *g.CONFLICT_NAMES]
    quiet: dict[str, Any] = {"show_progress": "hidden"}
    for s in SECTIONS:
        w = widgets[s.name]
        tone_names = [f"tone:{s.name}"]
        for path, tb in w["fields"].items():
            api = path.replace(".", "_")
            base = outs.components[f"base:{path}"][0]

            def _save(did: str, text: str, b: str, request: gr.Request, path: str = path) -> dict[str, Any]:
                return g.save_field(ctx, did, path, text, b, user(request))

            def _blur(did: str, text: str, b: str, refused: str, request: gr.Request, path: str = path,
                      name: str = s.name) -> dict[str, Any]:  # fmt: skip
                view = g.leave_field(ctx, did, path, text, b, user(request), refused)
                return {**view, **h.check_section(ctx, view["draft_id"], name)}

            names = [*saved, f"base:{path}"]
            outs.on(tb.input, _save, names, f"save_{api}", inputs=[draft_id, tb, base], trigger_mode="always_last",
                    **quiet)  # fmt: skip
            outs.on(
                tb.blur,
                _blur,
                [*names, *tone_names],
                f"check_{api}",
                inputs=[draft_id, tb, base, widgets["_conflict"]["state"]],
                **quiet,
            )
        sec_names = [f"field:{f.path}" for f in s.fields] + tone_names
        sec_names += [f"base:{f.path}" for f in s.fields]
        outs.on(w["rewrite"].click, g.stamped(ctx, lambda did, name=s.name: h.use_rewrite(ctx, did, name), draft_arg=0),
                [*sec_names, "saved", "notice"], f"rewrite_{s.name}", inputs=[draft_id])  # fmt: skip
        outs.on(w["regen"].click, g.stamped(ctx, lambda did, prov, name=s.name: h.regenerate(ctx, did, name, prov),
                                            draft_arg=0, gen=True),
                [*sec_names, "status", "notice", "draft_id", "drafts", "keytimes"], f"regenerate_{s.name}",
                inputs=[draft_id, provider], gen=True)  # fmt: skip
    c = widgets["_conflict"]
    field_names = [f"field:{f.path}" for s in SECTIONS for f in s.fields]
    resolved = [*field_names, *(f"table:{k}" for k in TABLES), *g.base_names(), *g.CONFLICT_NAMES, "saved",
                "draft_id", *free_editor.names()]  # fmt: skip
    for n, box in enumerate(widgets["_free"]["boxes"]):
        fbase = outs.components[f"base:free:{n}"][0]

        def _save_free(did: str, text: str, b: str, request: gr.Request, n: int = n) -> dict[str, Any]:
            return free_editor.save(ctx, did, n, text, b, user(request))

        outs.on(box.input, _save_free, [*saved, f"base:free:{n}"], f"save_free_{n}", inputs=[draft_id, box, fbase],
                trigger_mode="always_last", **quiet)  # fmt: skip

    def _mine(did: str, state: str, request: gr.Request) -> dict[str, Any]:
        return g.keep_mine(ctx, did, state, user(request))

    outs.on(c["mine"].click, _mine, resolved, "conflict_keep_mine", inputs=[draft_id, c["state"]])
    outs.on(c["theirs"].click, lambda did, state: g.take_theirs(ctx, did, state), resolved,
            "conflict_take_theirs", inputs=[draft_id, c["state"]])  # fmt: skip
    for key in TABLES:
        w = widgets[key]
        tbase = outs.components[f"base:table:{key}"][0]

        def _save_rows(did: str, rows: Any, b: str, request: gr.Request, key: str = key) -> dict[str, Any]:
            return g.save_table(ctx, did, key, rows, b, user(request))

        outs.on(w["table"].input, _save_rows, [*saved, f"base:table:{key}"], f"save_{key}",
                inputs=[draft_id, w["table"], tbase], trigger_mode="always_last", **quiet)  # fmt: skip
        outs.on(w["regen"].click, g.stamped(ctx, lambda did, prov, k=key: h.regenerate(ctx, did, k, prov),
                                            draft_arg=0, gen=True),
                [f"table:{key}", f"base:table:{key}", "status", "notice", "draft_id", "drafts"], f"regenerate_{key}",
                inputs=[draft_id, provider], gen=True)  # fmt: skip


def _warm_up(settings: Settings, example: bool) -> None:
    """Open the library (and index the example library when it is empty) before the first draft."""
    from assistant.ui import services

    try:
        library = services.open_library(settings)
        if example and EXAMPLE_LIBRARY.is_dir() and _library_empty(library):
            library.index_folder(EXAMPLE_LIBRARY)
        services.similar(library, "warm up", k=1)  # loads the embedding model now, not on the first draft
    except Exception as exc:  # noqa: BLE001 — the UI starts without a library and prints why; drafting says so too
        print(f"library not available: {exc}")


def _library_empty(library: Any) -> bool:
    for attr in ("count", "__len__"):
        fn = getattr(library, attr, None)
        if callable(fn):
            try:
                return int(fn()) == 0
            except Exception:  # noqa: BLE001 — chromadb's count() raises its own types; then try the next way to count
                continue
    return True


def launch_kwargs(settings: Settings, *, host: str, port: int) -> dict[str, Any]:
    """The launch options: local only, no share link, optional basic auth, upload size limit."""
    logins = settings.ui_logins
    auth: Any = (logins[0] if len(logins) == 1 else logins) or None
    return {
        "server_name": host,
        "server_port": port,
        "share": False,
        "auth": auth,
        "max_file_size": f"{settings.ui_max_upload_mb}mb",
        "allowed_paths": [str(settings.home / "exports"), str(EXAMPLE_INCIDENT)],
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "enable_monitoring": False,
        "show_error": True,
        "css": _CSS,
    }


def launch(host: str = "127.0.0.1", port: int = 7860, example: bool = False, *, block: bool = True) -> Any:
    """Build and serve the app; with ``example`` the bundled incident and library are preloaded."""
    settings = get_settings()
    demo = build_app(settings, example=example)
    threading.Thread(target=_warm_up, args=(settings, example), daemon=True, name="library-warm-up").start()
    demo.launch(prevent_thread_lock=not block, **launch_kwargs(settings, host=host, port=port))
    return demo
