"""Reports: JSON, Markdown (a table per case and a summary) and PNG charts of the main metrics."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def write_json(out: Path, name: str, data: Any) -> Path:
    """Write ``<out>/<name>.json``."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def md_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """A Markdown table of ``rows`` restricted to ``columns``."""
    head = "| " + " | ".join(columns) + " |"
    sep = "|" + "|".join("---" for _ in columns) + "|"
    body = ["| " + " | ".join(_cell(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join([head, sep, *body])


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list):
        return "; ".join(map(str, v)) if v else "—"
    if v is None:
        return "—"
    return str(v).replace("|", "\\|").replace("\n", " ")


def write_markdown(out: Path, name: str, title: str, parts: Sequence[tuple[str, str]]) -> Path:
    """Write ``<out>/<name>.md`` from (heading, body) parts."""
    out.mkdir(parents=True, exist_ok=True)
    text = [f"# {title}", ""]
    for heading, body in parts:
        text += [f"## {heading}", "", body, ""]
    path = out / f"{name}.md"
    path.write_text("\n".join(text), encoding="utf-8")
    return path


def bar_chart(
    out: Path,
    name: str,
    title: str,
    series: Mapping[str, Mapping[str, float]],
    *,
    ylim: tuple[float, float] | None = (0, 1),
) -> Path:
    """Grouped bar chart: one group per outer key, one bar per inner key. Written as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = list(series)
    metrics = sorted({k for s in series.values() for k in s})
    width = 0.8 / max(1, len(metrics))
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(groups) * max(1, len(metrics)) / 2), 4))
    for i, metric in enumerate(metrics):
        xs = [g + i * width for g in range(len(groups))]
        ax.bar(xs, [series[g].get(metric, 0) for g in groups], width, label=metric)
    ax.set_xticks([g + width * (len(metrics) - 1) / 2 for g in range(len(groups))])
    ax.set_xticklabels(groups, rotation=20, ha="right", fontsize=8)
    if ylim:
        ax.set_ylim(*ylim)
    ax.set_title(title)
    ax.legend(fontsize=8)
    fig.tight_layout()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
