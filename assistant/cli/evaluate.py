"""`postmortem eval ...`: measure drafts, retrieval and tone; scaffold new cases; the CI gate."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

DEFAULT_OUT = Path("eval-out")
OutOpt = Annotated[Path, typer.Option("--out", help="folder for the JSON, Markdown and PNG reports")]


def register(app: typer.Typer) -> None:
    """Add the `eval` command group."""
    group = typer.Typer(help="Measure drafts, retrieval and tone on a set of cases.", no_args_is_help=True)
    group.command("drafts")(eval_drafts)
    group.command("retrieval")(eval_retrieval)
    group.command("tone")(eval_tone)
    group.command("logs")(eval_logs)
    group.command("new-case")(eval_new_case)
    group.command("gate")(eval_gate)
    app.add_typer(group, name="eval")


def _drafts(cases: Path, provider: str | None, out: Path) -> dict[str, Any]:
    from assistant.eval.cases import load_cases
    from assistant.eval.drafts import draft_case, summarize
    from assistant.eval.report import bar_chart, md_table, write_json, write_markdown

    scores = []
    for case in load_cases(cases):
        score = draft_case(case, provider_name=provider)
        scores.append(score)
        status = (
            f"error: {score.error}"
            if score.error
            else (
                f"key times {score.key_hits}/{score.key_total}, events {score.events_hit}/{score.events_total}, "
                f"root cause {score.root_cause_keywords_hit}/{score.root_cause_keywords_total}, "
                f"actions {score.action_items_hit}/{score.action_items_total}, "
                f"secrets {score.secrets_in_draft}+{score.secrets_sent} sent, bait {len(score.blame_bait_left)}, "
                f"{score.wall_s:.2f}s"
            )
        )
        print(f"{case.name}: {status}")
    summary = summarize(scores)
    rows = [s.as_dict() for s in scores]
    write_json(out, "drafts", {"summary": summary, "cases": rows})
    cols = [
        "case",
        "key_hits",
        "key_total",
        "events_hit",
        "events_total",
        "root_cause_keywords_hit",
        "action_items_hit",
        "action_items_total",
        "blame_bait_left",
        "secrets_in_draft",
        "secrets_sent",
        "injection_obeyed",
        "unsupported_numbers",
        "sections_present",
        "wall_s",
        "model_calls",
        "error",
    ]
    write_markdown(
        out,
        "drafts",
        "Draft quality",
        [
            ("Summary", md_table([summary], list(summary))),
            ("Per case", md_table(rows, cols)),
        ],
    )
    bar_chart(
        out,
        "drafts",
        "Draft quality per case",
        {
            s.case: {
                "key times": s.key_hits / max(1, s.key_total),
                "must-include events": s.events_hit / max(1, s.events_total),
                "root-cause keywords": s.root_cause_keywords_hit / max(1, s.root_cause_keywords_total),
                "action items": s.action_items_hit / max(1, s.action_items_total),
            }
            for s in scores
        },
    )
    print("TOTAL " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    return summary


def eval_drafts(
    cases: Annotated[Path, typer.Option("--cases", help="folder of case folders (inputs + gold.json)")],
    provider: Annotated[str | None, typer.Option("--provider", help="offline | openai")] = None,
    out: OutOpt = DEFAULT_OUT / "drafts",
) -> None:
    """Draft every case and score it against its gold.json."""
    _drafts(cases, provider, out)
    print(f"reports in {out}/", file=sys.stderr)


def _retrieval(library: Path, queries: Path, out: Path) -> dict[str, float]:
    from assistant.eval.report import bar_chart, md_table, write_json, write_markdown
    from assistant.eval.retrieval import MODES, evaluate_retrieval, library_ranker, load_queries

    report = evaluate_retrieval(load_queries(queries), library_ranker(library))
    for row in report.per_query:
        print(
            f"{row['qid']}: "
            + " | ".join(f"{m} R@5 {row[m]['recall@5']:.2f} nDCG {row[m]['ndcg@10']:.2f}" for m in MODES)
        )
    for mode, figs in report.overall.items():
        print(f"OVERALL {mode:6s} " + " ".join(f"{k} {v:.3f}" for k, v in figs.items()))
    write_json(out, "retrieval", {"overall": report.overall, "queries": report.per_query})
    flat = [
        {"qid": r["qid"], **{f"{m} {k}": r[m][k] for m in MODES for k in ("recall@5", "ndcg@10", "mrr")}}
        for r in report.per_query
    ]
    write_markdown(
        out,
        "retrieval",
        "Retrieval quality",
        [
            (
                "Overall",
                md_table(
                    [{"mode": m, **f} for m, f in report.overall.items()],
                    ["mode", "recall@1", "recall@5", "recall@10", "ndcg@10", "mrr"],
                ),
            ),
            ("Per query", md_table(flat, list(flat[0]) if flat else ["qid"])),
        ],
    )
    bar_chart(out, "retrieval", "Retrieval: BM25 vs dense vs fusion", report.overall)
    return {f"{m}_{k}": v for m, figs in report.overall.items() for k, v in figs.items()}


def eval_retrieval(
    library: Annotated[Path, typer.Option("--library", help="folder of past postmortems to index")],
    queries: Annotated[Path, typer.Option("--queries", help="JSONL lines {qid, query, relevant}")],
    out: OutOpt = DEFAULT_OUT / "retrieval",
) -> None:
    """Recall@1/5/10, nDCG@10 and MRR per query and overall, for BM25, dense and fusion."""
    _retrieval(library, queries, out)
    print(f"reports in {out}/", file=sys.stderr)


def _tone(data: Path, out: Path) -> dict[str, float]:
    from assistant.eval.report import bar_chart, md_table, write_json, write_markdown
    from assistant.eval.tone import evaluate_tone

    report = evaluate_tone(data)
    summary = report.summary()
    print(" ".join(f"{k} {v}" for k, v in summary.items()))
    for cat, rec in report.category_recall.items():
        print(f"  recall {cat}: {rec:.3f}")
    write_json(
        out,
        "tone",
        {
            "summary": summary,
            "category_recall": report.category_recall,
            "fp_by_trap": report.fp_by_trap,
            "misses": report.misses,
        },
    )
    write_markdown(
        out,
        "tone",
        "Tone quality",
        [
            ("Summary", md_table([summary], list(summary))),
            (
                "Recall per category",
                md_table(
                    [{"category": c, "recall": r} for c, r in report.category_recall.items()],
                    ["category", "recall"],
                ),
            ),
            ("Misses", md_table(report.misses, ["id", "gold", "found", "text"])),
        ],
    )
    bar_chart(
        out,
        "tone",
        "Tone: recall per category",
        {c: {"recall": r} for c, r in report.category_recall.items()},
    )
    return summary


def eval_tone(
    data: Annotated[Path, typer.Option("--data", help="JSONL lines {id, text, blameful, categories, ...}")],
    out: OutOpt = DEFAULT_OUT / "tone",
) -> None:
    """Precision, recall and F1 of the blameful label; hard-negative false positives; recall per category."""
    _tone(data, out)
    print(f"reports in {out}/", file=sys.stderr)


def eval_logs(
    data: Annotated[
        Path, typer.Option("--data", help="folder of labelled logs (Loghub-2k CSVs or NAME.truth.jsonl)")
    ],
    out: OutOpt = DEFAULT_OUT / "logs",
) -> None:
    """Lines timed correctly and template grouping accuracy of `postmortem logs`, raw lines in."""
    from assistant.eval.logs import score_folder
    from assistant.eval.report import md_table, write_json, write_markdown

    scores = score_folder(data)
    if not scores:
        print(f"error: no labelled log files in {data}", file=sys.stderr)
        raise typer.Exit(2)
    rows = [vars(s) for s in scores]
    for s in scores:
        print(
            f"{s.name}: lines {s.answered}/{s.lines}, timed {s.timed:.3f}, grouping accuracy {s.grouping_accuracy:.3f}"
        )
    summary = {
        "files": len(scores),
        "timed": round(sum(s.timed for s in scores) / len(scores), 3),
        "grouping_accuracy": round(sum(s.grouping_accuracy for s in scores) / len(scores), 3),
    }
    print("TOTAL " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    write_json(out, "logs", {"summary": summary, "files": rows})
    write_markdown(
        out,
        "logs",
        "Log reading",
        [("Summary", md_table([summary], list(summary))), ("Per file", md_table(rows, list(rows[0])))],
    )


def eval_new_case(
    folder: Annotated[Path, typer.Argument(help="new case folder to create")],
    inputs: Annotated[list[Path], typer.Argument(help="incident files or folders to copy in")],
    tz: Annotated[str | None, typer.Option("--tz", help="zone of times without one")] = None,
) -> None:
    """Scaffold a case: inputs copied in, a gold.json skeleton from the current timeline to correct."""
    from assistant.eval.scaffold import new_case

    path = new_case(folder, inputs, tz=tz)
    print(f"wrote {path}: correct every field, then run `postmortem eval drafts --cases {folder.parent}`")


def eval_gate(
    data: Annotated[
        Path | None, typer.Option("--data", help="shared data folder (default ../shared/data)")
    ] = None,
    out: OutOpt = DEFAULT_OUT,
) -> None:
    """Offline evaluation on the dev sets; exit 1 when a figure misses eval/thresholds.yaml."""
    from assistant.config import get_settings, using_settings
    from assistant.eval.gate import check, load_thresholds

    settings = get_settings(fresh=True)
    root = data or settings.shared_data or Path.cwd().parent / "shared" / "data"
    thresholds = load_thresholds()
    fails: list[str] = []
    ran = 0
    with (
        tempfile.TemporaryDirectory(prefix="pm-gate-") as home,
        using_settings(settings.model_copy(update={"home": Path(home), "provider": "offline"})),
    ):
        areas: list[tuple[str, Path, Callable[[Path], dict[str, Any]]]] = [
            ("drafts", root / "incidents", lambda p: _drafts(p, "offline", out / "drafts")),
            ("tone", root / "tone" / "dev.jsonl", lambda p: _tone(p, out / "tone")),
            (
                "retrieval",
                root / "postmortems",
                lambda p: _retrieval(p / "md", p / "queries-dev.jsonl", out / "retrieval"),
            ),
        ]
        for area, path, run in areas:
            if not path.exists():
                print(f"gate: skipping {area}: {path} not found (set --data or POSTMORTEM_SHARED_DATA)")
                continue
            print(f"== {area} ({path})")
            figures = run(path)
            ran += 1
            fails += check(area, figures, thresholds)
    if fails:
        print("\n".join(["GATE FAILED:", *fails]))
        raise typer.Exit(1)
    print(f"gate passed ({ran} areas)" if ran else "gate: no shared data found, nothing checked")
