"""Source of eval/data/tone-i12-{train,heldout}.jsonl (hand-written for issue 12).

The sentences live in ``tone-i12-train.txt`` and ``tone-i12-heldout.txt``, one per line:
``B|categories|register|text|span`` for blameful, ``N|hard_negative or -|register|text`` for
blameless. Both were written before any error of the checker was looked at; the held-out split is
never trained on and is measured once. Run ``python eval/data/_tone_i12_src.py`` to rewrite the
JSONL files.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORY = {
    "NI": "named-individual-fault",
    "HE": "human-error-label",
    "CF": "counterfactual-hindsight",
    "CJ": "character-judgment",
    "TB": "team-blame",
    "PU": "punitive",
    "SM": "sarcasm-or-mockery",
    "MD": "minimizing-or-judging-difficulty",
    "PI": "blame-by-passive-insinuation",
}


def convert(name: str) -> int:
    """Write ``tone-i12-<name>.jsonl`` from its text source; returns the item count."""
    rows = []
    src = (HERE / f"tone-i12-{name}.txt").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(x for x in src if x.strip() and not x.startswith("#")):
        parts = line.split("|")
        item_id = f"i12{name[0]}-{n + 1:04d}"
        if parts[0] == "B":
            _, cats, register, text, span = parts
            if span not in text:
                raise ValueError(f"{item_id}: span {span!r} not in text")
            categories = [CATEGORY[c] for c in cats.split(",")]
            rows.append(
                {
                    "id": item_id,
                    "text": text,
                    "blameful": True,
                    "categories": categories,
                    "spans": [span],
                    "rewrite": None,
                    "note": "written for issue 12",
                    "register": register,
                    "hard_negative": None,
                }
            )
        else:
            _, hard, register, text = parts
            rows.append(
                {
                    "id": item_id,
                    "text": text,
                    "blameful": False,
                    "categories": [],
                    "spans": [],
                    "rewrite": None,
                    "note": "written for issue 12",
                    "register": register,
                    "hard_negative": None if hard == "-" else hard,
                }
            )
    out = HERE / f"tone-i12-{name}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    for part in ("train", "heldout"):
        print(part, convert(part))
