"""The Insights tab: the report of ``postmortem insights`` (charts and summary) inside the UI."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.insights.data import METRICS, collect
from assistant.insights.report import write_report
from assistant.ui.handlers import UiContext

CHARTS = (
    "response-times.png",
    "by-severity.png",
    "by-category.png",
    "recurring-causes.png",
    "action-items.png",
)
InsightsOut = tuple[str | None, ...]  # the summary, then one path per chart in CHARTS


def insights_view(ctx: UiContext, today: date | None = None) -> InsightsOut:
    """Write the report under the exports folder (which the UI may serve) and return what to show."""
    ins = collect(ctx.store, today=today)
    if not ins.incidents:
        return (
            "_No stored postmortems yet: draft one, and its figures appear here._",
            *(None for _ in CHARTS),
        )
    folder = ctx.export_dir / "insights"
    write_report(ins, folder)
    medians = " · ".join(
        f"median {label} **{v:g} min**" for key, label in METRICS if (v := ins.median_minutes(key)) is not None
    )  # fmt: skip
    recurring = ", ".join(f"{s} ({n})" for s, n in ins.recurring_services()) or "none"
    causes = "; ".join(f"{g.label} ({len(g.draft_ids)})" for g in ins.recurring_causes()[:3]) or "none"
    overdue = sum(1 for it in ins.items if it.is_overdue(ins.today))
    summary = (f"{len(ins.incidents)} postmortems · {medians or 'no response times yet'}\n\n"
               f"Causes that recur: {causes}\n\n"
               f"Services that recur: {recurring} · overdue action items: **{overdue}** · "
               f"full report: `{folder / 'index.html'}`")  # fmt: skip
    return (summary, *(str(folder / n) for n in CHARTS))


def add_tab(gr: Any, ctx: UiContext) -> None:
    """The Insights tab (call inside ``gr.Tabs()``)."""
    with gr.Tab("Insights", id="insights") as tab:
        refresh = gr.Button("Refresh", size="sm", elem_id="insights-refresh")
        summary = gr.Markdown("", elem_id="insights-summary")
        times = gr.Image(label="Response times per incident", type="filepath", elem_id="insights-times")
        with gr.Row():
            sev = gr.Image(label="By severity", type="filepath", elem_id="insights-severity")
            cat = gr.Image(label="By cause category", type="filepath", elem_id="insights-category")
        causes = gr.Image(label="Recurring causes", type="filepath", elem_id="insights-causes")
        items = gr.Image(label="Action items", type="filepath", elem_id="insights-items")
    outs = [summary, times, sev, cat, causes, items]
    tab.select(lambda: insights_view(ctx), None, outs, api_name=False)
    refresh.click(lambda: insights_view(ctx), None, outs, api_name="insights")
