"""One vocabulary: stop words, hedges, figures and resolution words are defined only in assistant.vocabulary.

Every module under ``assistant/`` (the linked ``retrieval``, ``ui`` and ``eval`` folders included, the
blind eval sets left out) is parsed; a module-level name for one of those lists anywhere else is a
second copy that will drift from the first.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from assistant import vocabulary

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assistant"
OWNER = PACKAGE / "vocabulary.py"
# HEDGE, _HEDGE, FIGURE_CUE, STOPWORDS, _STOP, CONTENT_STOP_WORDS, _FUNCTION_WORDS, _DONE_STATES, ...
VOCABULARY_NAME = re.compile(
    r"^_?(?:[A-Z]+_)*(?:HEDGES?|FIGURES?|STOP|STOP_?WORDS|FUNCTION_WORDS|DONE_STATES?|RESOLVED|RECOVERY)"
    r"(?:_[A-Z]+)*$"
)


def _library_files() -> list[Path]:
    out = []
    for folder, dirs, files in os.walk(PACKAGE, followlinks=True):
        dirs[:] = [d for d in dirs if d not in ("blind", "__pycache__")]
        out += [Path(folder) / f for f in files if f.endswith(".py")]
    return out


def _module_level_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_only_the_vocabulary_module_defines_stop_words_hedges_figures_or_resolution_words() -> None:
    copies = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _library_files()
        if path.resolve() != OWNER.resolve()
        for name in sorted(_module_level_names(path))
        if VOCABULARY_NAME.match(name)
    ]
    assert copies == [], "import these from assistant.vocabulary instead of keeping a copy"


def test_the_scan_sees_the_names_the_vocabulary_module_defines() -> None:
    # The pattern must catch the real names, or the test above guards nothing.
    names = _module_level_names(OWNER)
    for expected in ("STOP_WORDS", "CONTENT_STOP_WORDS", "FUNCTION_WORDS", "HEDGE", "HEDGE_CUE", "FIGURE"):
        assert expected in names and VOCABULARY_NAME.match(expected)
    assert VOCABULARY_NAME.match("_STOPWORDS") and VOCABULARY_NAME.match("_DONE_STATES")


def test_variants_are_cuts_of_the_base_stop_list() -> None:
    assert vocabulary.METRIC_STOP_WORDS <= vocabulary.STOP_WORDS
    assert vocabulary.STOP_WORDS <= vocabulary.CONTENT_STOP_WORDS
    assert vocabulary.STOP_WORDS <= vocabulary.PAYLOAD_STOP_WORDS
    assert vocabulary.FUNCTION_WORDS - {"since"} <= vocabulary.STOP_WORDS


def test_the_drafters_hedge_reads_every_hedge_the_role_feature_reads() -> None:
    for line in ("maybe the pool", "I suspect the cache", "vielleicht der Cache", "could it be DNS"):
        assert vocabulary.HEDGE_CUE.search(line) and vocabulary.HEDGE.search(line)
    assert vocabulary.HEDGE.search("is it the deploy? checking") and not vocabulary.HEDGE_CUE.search(
        "the deploy"
    )


def test_a_figure_with_a_unit_or_a_count_is_found_and_counted() -> None:
    line = "~40% of requests failed for 12 minutes, 3,200 users and 14 pods affected, $1,140 extra"
    assert len(vocabulary.FIGURE.findall(line)) >= 4
    # pods and durations are how causes are stated too: not impact-only figures
    assert vocabulary.PEOPLE_FIGURE.findall("6 pods restarted after 30s") == []


def test_alert_states_that_mean_over_include_every_vendor_spelling() -> None:
    for state in ("ok", "resolved", "recovered", "closed", "cleared", "normal", "inactive", "up"):
        assert state in vocabulary.ALERT_DONE_STATES
    assert vocabulary.RESOLVED_ECHO.search(
        "[RESOLVED] HighErrorRate"
    ) and not vocabulary.RESOLVED_ECHO.search("[FIRING] HighErrorRate")
