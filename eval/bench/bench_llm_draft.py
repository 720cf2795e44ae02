"""Benchmark a full LLM draft against the local OpenAI-compatible test server with a fixed delay per call.

    .venv/bin/python eval/bench/bench_llm_draft.py                 # largest dev case, 1 s per call
    .venv/bin/python eval/bench/bench_llm_draft.py --delay 0.5 --case case01-expired-tls-cert
    .venv/bin/python eval/bench/bench_llm_draft.py --modes --window 8192  # per-section vs single call

``--modes`` drafts with one call per section and with one call for all sections (issue 13, item 5),
printing tokens per draft, wall time and the share of each section request that is a prefix common
to all of them (what a provider's prompt cache can reuse).

Goal (issue 2, item 11): wall time of a full draft at most 1.3x one call (sections run concurrently).
Prints wall time (cold: first LLM draft in the process, which pays the langchain/openai import and
client set-up, about 1-2 s; warm: the same provider again), the ratio to one call, the number of calls and the prompt/completion tokens.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INCIDENTS = Path(os.environ.get("POSTMORTEM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "incidents"


def _inputs(case: Path) -> list[str]:
    return sorted(str(p) for p in case.iterdir() if p.is_file() and p.name != "gold.json")


def _largest_case() -> Path:
    cases = [p for p in INCIDENTS.iterdir() if (p / "gold.json").exists()]
    if not cases:
        sys.exit(f"no dev cases under {INCIDENTS} (set POSTMORTEM_SHARED_DATA)")
    return max(cases, key=lambda c: sum(Path(f).stat().st_size for f in _inputs(c)))


def _run(label: str, timeline: object, provider: object, delay: float) -> None:
    from assistant.draft.pipeline import draft_postmortem

    before = (provider.usage.calls, provider.usage.prompt_tokens, provider.usage.completion_tokens)  # type: ignore[attr-defined]
    start = time.perf_counter()
    pm = draft_postmortem(timeline, provider=provider)  # type: ignore[arg-type]
    wall = time.perf_counter() - start
    u = provider.usage  # type: ignore[attr-defined]
    calls, prompt, completion = (
        u.calls - before[0],
        u.prompt_tokens - before[1],
        u.completion_tokens - before[2],
    )
    ratio = wall / delay if delay else float("nan")
    print(
        f"{label:<34} wall {wall:6.2f} s  = {ratio:4.2f}x one call  calls {calls:3d}  "
        f"prompt tokens {prompt:7d}  completion tokens {completion:6d}  fallbacks {len(pm.provenance.fallbacks)}"
    )


def main() -> None:
    """Draft the case with the configured concurrency and with one worker per section; print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", help="dev case folder name (default: the largest by input size)")
    parser.add_argument("--delay", type=float, default=1.0, help="fixed server delay per call, seconds")
    parser.add_argument("--modes", action="store_true", help="compare per-section and single-call drafting")
    parser.add_argument("--window", type=int, default=8192, help="POSTMORTEM_CONTEXT_TOKENS for --modes")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("POSTMORTEM_HOME", str(ROOT / "test-output" / "bench-home"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "POSTMORTEM_PROVIDER"):
        os.environ.pop(var, None)
    from assistant.config import get_settings
    from assistant.draft.schema import SECTION_ORDER
    from assistant.llm.openai_compat import OpenAICompatProvider
    from assistant.llm.testing_server import OpenAITestServer
    from assistant.timeline import build_timeline

    case = INCIDENTS / args.case if args.case else _largest_case()
    start = time.perf_counter()
    timeline = build_timeline(_inputs(case))
    print(
        f"case {case.name}: {len(timeline.events)} events, timeline built in {time.perf_counter() - start:.2f} s"
    )
    print(f"server delay per call {args.delay:.2f} s; {len(SECTION_ORDER)} sections")
    default_workers = get_settings(fresh=True).llm_concurrency
    from assistant.draft.pipeline import draft_postmortem

    start = time.perf_counter()
    draft_postmortem(timeline)  # no model; warms the pipeline's own imports
    print(f"offline draft first (pipeline warm-up) {time.perf_counter() - start:.2f} s")
    if args.modes:
        _modes(timeline, args.delay, args.window)
        return
    with OpenAITestServer(delay_s=args.delay) as srv:
        os.environ["POSTMORTEM_LLM_CONCURRENCY"] = str(len(SECTION_ORDER))
        get_settings(fresh=True)
        provider = OpenAICompatProvider(base_url=srv.base_url, model="test-model")
        _run(f"cold, {len(SECTION_ORDER)} workers", timeline, provider, args.delay)
        _run(f"warm, {len(SECTION_ORDER)} workers", timeline, provider, args.delay)
        os.environ["POSTMORTEM_LLM_CONCURRENCY"] = str(default_workers)
        get_settings(fresh=True)
        _run(f"warm, {default_workers} workers (setting default)", timeline, provider, args.delay)
        print(f"server saw {len(srv.requests)} requests; method {provider.method}")


def _common_prefix_share(texts: list[str]) -> float:
    """Mean share of each text that is the prefix common to all of them."""
    if len(texts) < 2:
        return 0.0
    first, last = min(texts), max(texts)
    n = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last))
    )
    return sum(n / len(t) for t in texts) / len(texts)


def _modes(timeline: object, delay: float, window: int) -> None:
    """Draft once per mode against the test server; print tokens, wall time and the common-prefix share."""
    from assistant.config import get_settings
    from assistant.llm.openai_compat import OpenAICompatProvider
    from assistant.llm.testing_server import OpenAITestServer, request_text

    os.environ["POSTMORTEM_CONTEXT_TOKENS"] = str(window)
    with OpenAITestServer(delay_s=delay) as srv:
        os.environ["POSTMORTEM_DRAFT_CALLS"] = "sections"
        get_settings(fresh=True)
        provider = OpenAICompatProvider(base_url=srv.base_url, model="test-model")
        _run("warm-up (not counted)", timeline, provider, delay)
        for mode in ("sections", "single"):
            os.environ["POSTMORTEM_DRAFT_CALLS"] = mode
            get_settings(fresh=True)
            srv.reset()
            _run(f"window {window}, {mode}", timeline, provider, delay)
            kinds = [json.dumps(b.get("tools") or b.get("response_format")) for b in srv.requests]
            texts = [
                request_text(b)
                for b, k in zip(srv.requests, kinds, strict=True)
                if "WindowSummary" not in k and "KeyTimesPick" not in k
            ]
            picks = [request_text(b) for b, k in zip(srv.requests, kinds, strict=True) if "KeyTimesPick" in k]
            windows = sum("WindowSummary" in k for k in kinds)
            print(
                f"    requests {len(srv.requests)} ({windows} window summaries, {len(picks)} key-time pick); "
                f"common-prefix share of each section request {_common_prefix_share(texts):.3f}"
                + (f", with the key-time pick {_common_prefix_share(texts + picks):.3f}" if picks else "")
            )


if __name__ == "__main__":
    main()
