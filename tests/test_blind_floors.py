"""Regression floors on our own blind split (issue 11 item 5): the offline eval of eval/blind/cases.

The blind cases are never read or tuned on; this only checks that aggregate figures do not fall
below the floors under ``blind:`` in ``eval/thresholds.yaml`` (measured once by the coordinator).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLIND_CASES = ROOT / "eval" / "blind" / "cases"


def blind_figures(cases_dir: Path) -> dict[str, float]:
    """Aggregate offline-eval figures over every case in ``cases_dir``."""
    from assistant.eval.cases import load_cases
    from assistant.eval.drafts import draft_case, summarize

    return summarize([draft_case(c, provider_name="offline") for c in load_cases(cases_dir)])


def test_blind_thresholds_name_every_figure_the_floors_check() -> None:
    from assistant.eval.gate import load_thresholds

    rules = load_thresholds()["blind"]
    assert set(rules["min"]) == {
        "key_times",
        "must_include_events",
        "root_cause_keywords",
        "action_items",
        "sections",
    }
    assert rules["max"]["errors"] == 0


@pytest.mark.slow
def test_offline_eval_on_the_blind_split_stays_above_its_floors() -> None:
    from assistant.eval.gate import check, load_thresholds

    if not BLIND_CASES.is_dir():
        pytest.skip(f"no blind cases at {BLIND_CASES}")
    figures = blind_figures(BLIND_CASES)
    assert figures["cases"] > 0
    assert check("blind", figures, load_thresholds()) == []
