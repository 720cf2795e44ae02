"""`postmortem eval logs`: lines timed and grouping accuracy of the logs verb on labelled logs."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.eval.logs import grouping_accuracy, score_folder

LOG = """\
2026-03-05 14:02:11,120 INFO  worker-1 accepted job 1041 from queue 7
2026-03-05 14:02:12,450 INFO  worker-2 accepted job 1042 from queue 9
2026-03-05 14:02:13,000 ERROR worker-1 job 1041 failed: timeout after 30s
java.lang.IllegalStateException: pool closed
\tat com.example.Pool.get(Pool.java:42)
2026-03-05 14:02:14,999 INFO  worker-3 accepted job 1043 from queue 7
"""
TRUTH = [
    (1, "2026-03-05T14:02:11.120Z", 1, "accepted job <*> from queue <*>"),
    (2, "2026-03-05T14:02:12.450Z", 2, "accepted job <*> from queue <*>"),
    (3, "2026-03-05T14:02:13.000Z", 3, "job <*> failed: timeout after <*>"),
    (4, None, 3, None),
    (5, None, 3, None),
    (6, "2026-03-05T14:02:14.999Z", 4, "accepted job <*> from queue <*>"),
]


def test_grouping_accuracy_counts_a_line_right_only_when_its_whole_group_matches() -> None:
    truth = {1: "a", 2: "a", 3: "b", 4: "a"}
    assert grouping_accuracy(truth, {1: "x", 2: "x", 3: "y", 4: "x"}) == 1.0
    assert (
        grouping_accuracy(truth, {1: "x", 2: "z", 3: "y", 4: "x"}) == 0.25
    )  # only line 3 keeps its exact group


def test_labelled_log_is_scored_through_the_logs_verb(tmp_path: Path) -> None:
    (tmp_path / "app.log").write_text(LOG, encoding="utf-8")
    rows = [{"line": n, "time": t, "record": r, "template": tpl} for n, t, r, tpl in TRUTH]
    (tmp_path / "app.truth.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (score,) = score_folder(tmp_path)
    assert score.lines == 6 and score.answered == 6
    assert score.timed == 1.0  # every stamped line got its instant; continuation lines are not scored
    assert score.grouping_accuracy == 1.0
