"""The insights report: PNG charts (matplotlib, Agg backend) and one HTML page that shows them."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from assistant.insights.data import METRICS, Insights


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    return plt


def write_charts(ins: Insights, out: Path) -> list[tuple[str, str]]:
    """Write the charts into ``out``; returns (file name, caption) pairs."""
    plt = _plt()
    charts: list[tuple[str, str]] = []

    fig, ax = plt.subplots(figsize=(8, 4))
    for key, label in METRICS:
        pts = [(i.started, i.minutes[key]) for i in ins.incidents if i.minutes.get(key) is not None]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label)
    ax.set_ylabel("minutes")
    ax.set_title("Response times per incident")
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    fig.autofmt_xdate()
    _save(
        fig,
        out / "response-times.png",
        charts,
        "Time to detect, mitigate and resolve, per incident over time",
    )

    for by, groups, name in (("severity", ins.severities(), "by-severity.png"),
                             ("category", ins.categories(), "by-category.png")):  # fmt: skip
        fig, ax = plt.subplots(figsize=(8, 4))
        width = 0.25
        for n, (key, label) in enumerate(METRICS):
            ax.bar([x + n * width for x in range(len(groups))],
                   [ins.median_minutes(key, **{by: g}) or 0 for g in groups], width, label=label)  # fmt: skip
        ax.set_xticks([x + width for x in range(len(groups))], groups)
        ax.set_ylabel("median minutes")
        ax.set_title(f"Median response times by {'cause category' if by == 'category' else by}")
        ax.legend()
        what = "cause category (from each stated root cause)" if by == "category" else by
        _save(fig, out / name, charts, f"Median time to detect, mitigate and resolve by {what}")

    fig, ax = plt.subplots(figsize=(8, 4))
    groups_ = ins.recurring_causes()[:10]
    if groups_:
        ax.barh([_short(g.label) for g in reversed(groups_)], [len(g.draft_ids) for g in reversed(groups_)],
                color="#54a24b")  # fmt: skip
        ax.set_xlabel("incidents")
    else:
        ax.text(0.5, 0.5, "no cause recurs yet", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    ax.set_title("Recurring causes")
    _save(
        fig,
        out / "recurring-causes.png",
        charts,
        "Causes that recur: incidents whose stated causes mean the same",
    )

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    by_status = ins.items_by_status()
    left.bar([s.replace("_", " ") for s in by_status], list(by_status.values()), color="#4c78a8")
    left.set_title("Action items by status")
    right.hist(ins.open_item_ages() or [0], bins=10, color="#f58518")
    right.set_title("Age of open action items")
    right.set_xlabel("days open")
    _save(
        fig,
        out / "action-items.png",
        charts,
        "Tracked action items by status, and how long the open ones have been open",
    )
    return charts


def _save(fig: Any, path: Path, charts: list[tuple[str, str]], caption: str) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    _plt().close(fig)
    charts.append((path.name, caption))


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:g}"


def write_report(ins: Insights, out: str | Path) -> Path:
    """Write ``index.html`` and its charts into the folder ``out``; returns the page's path."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    charts = write_charts(ins, folder)
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(s)}</td>"
        + "".join(f"<td>{_fmt(ins.median_minutes(k, severity=s))}</td>" for k, _ in METRICS)
        + f"<td>{sum(1 for i in ins.incidents if i.severity == s)}</td></tr>"
        for s in ins.severities()
    )
    by_category = "".join(
        f"<tr><td>{e(c)}</td>"
        + "".join(f"<td>{_fmt(ins.median_minutes(k, category=c))}</td>" for k, _ in METRICS)
        + f"<td>{sum(1 for i in ins.incidents if i.category == c)}</td></tr>"
        for c in ins.categories()
    )
    titles = {i.draft_id: i.title for i in ins.incidents}
    causes = (
        "".join(
            f"<li><b>{len(g.draft_ids)} incidents</b>: "
            + "; ".join(
                f"{e(titles.get(d, d))} — <i>{e(c)}</i>" for d, c in zip(g.draft_ids, g.causes, strict=True)
            )
            + "</li>"
            for g in ins.recurring_causes()
        )
        or "<li>none</li>"
    )
    overall = "".join(f"<td>{_fmt(ins.median_minutes(k))}</td>" for k, _ in METRICS)
    recurring = (
        "".join(f"<li>{e(s)}: {n} incidents</li>" for s, n in ins.recurring_services()) or "<li>none</li>"
    )
    overdue = [it for it in ins.items if it.is_overdue(ins.today)]
    overdue_rows = "".join(
        f"<tr><td>{e(it.description)}</td><td>{e(it.owner or 'unowned')}</td><td>{it.due}</td>"
        f"<td>{e(it.postmortem)}</td></tr>" for it in overdue
    )  # fmt: skip
    images = "".join(f'<figure><img src="{e(name)}" alt="{e(cap)}"><figcaption>{e(cap)}</figcaption></figure>'
                     for name, cap in charts)  # fmt: skip
    head = "".join(f"<th>median {e(label)} (min)</th>" for _, label in METRICS)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Postmortem insights</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3rem .6rem}}img{{max-width:100%}}</style></head><body>
<h1>Postmortem insights</h1>
<p>{len(ins.incidents)} postmortems, {len(ins.items)} tracked action items, as of {ins.today.isoformat()}.</p>
<h2>Response times</h2>
<table><tr><th>severity</th>{head}<th>incidents</th></tr>{rows}<tr><th>all</th>{overall}<td>{len(ins.incidents)}</td></tr></table>
<h2>By cause category</h2>
<table><tr><th>category</th>{head}<th>incidents</th></tr>{by_category}</table>
<h2>Recurring causes</h2><ul>{causes}</ul>
<h2>Services that recur</h2><ul>{recurring}</ul>
<h2>Overdue action items</h2>
<table><tr><th>action</th><th>owner</th><th>due</th><th>postmortem</th></tr>{overdue_rows}</table>
<h2>Charts</h2>{images}
</body></html>
"""
    path = folder / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
