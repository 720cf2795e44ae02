"""Redaction recall and false redactions on the leak corpus (``eval/data/leak-corpus.jsonl``).

    .venv/bin/python -m assistant.eval.redaction                  # dev split, totals per family
    .venv/bin/python -m assistant.eval.redaction --split holdout  # the held-out third, figures only
    .venv/bin/python -m assistant.eval.redaction --list           # every miss and false redaction (dev)

A secret or personal datum counts as caught when neither the value nor a 10-character piece of a
long value (16+) survives redaction. An identifier counts as falsely redacted when it does not
survive verbatim. Each record is redacted by a fresh ``Redactor`` with the default settings.

Figures (issue 13 item 4; corpus written and measured before the redactor was changed; the held-out
third measured once, at the end, never read item by item):

| split | secrets recall | personal-data recall | identifiers falsely redacted |
|---|---|---|---|
| dev, before (main at 10e3eac) | 71/84 = 0.845 | 49/64 = 0.766 | 0/92 |
| dev, after | 84/84 = 1.000 | 64/64 = 1.000 | 0/92 |
| holdout, before | 44/48 = 0.917 | 30/39 = 0.769 | 2/32 = 0.062 |
| holdout, after | 47/48 = 0.979 | 39/39 = 1.000 | 2/32 = 0.062 |

(An interim holdout reading at commit "Leak corpus figures" gave 46/48; the final code adds
command-line passwords, cookies and percent-encoded e-mails, written from tools' documentation.)
Loghub-2k plus the 296 shared postmortems, placeholders from the high-entropy rule: 871 → 2.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "data" / "leak-corpus.jsonl"
_PIECE = 10


def load_corpus(path: Path = CORPUS, split: str = "dev") -> list[dict[str, Any]]:
    """Records of one split ('dev', 'holdout' or 'all')."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split == "all" or r["split"] == split]


def survives(value: str, out: str) -> bool:
    """The value, or for a long value any 10-character piece of it, is still in the output."""
    if value in out:
        return True
    if len(value) < 16:
        return False
    return any(value[i : i + _PIECE] in out for i in range(len(value) - _PIECE + 1))


@dataclass
class CorpusScore:
    """Counts over a corpus split, in total and per family."""

    secrets: int = 0
    secrets_caught: int = 0
    pii: int = 0
    pii_caught: int = 0
    keep: int = 0
    keep_redacted: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, kind, value)
    false: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, value, output)
    by_family: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def secret_recall(self) -> float:
        """Share of secrets redacted."""
        return self.secrets_caught / self.secrets if self.secrets else 1.0

    @property
    def pii_recall(self) -> float:
        """Share of personal data redacted."""
        return self.pii_caught / self.pii if self.pii else 1.0

    @property
    def false_redaction_rate(self) -> float:
        """Share of identifiers that should pass but were redacted."""
        return self.keep_redacted / self.keep if self.keep else 0.0


def score_corpus(records: list[dict[str, Any]], redact: Callable[[str], str]) -> CorpusScore:
    """Redact each record's text and count what was caught and what was wrongly replaced."""
    score = CorpusScore()
    for r in records:
        out = redact(r["text"])
        for kind in ("secrets", "pii"):
            for value in r[kind]:
                caught = not survives(value, out)
                if kind == "secrets":
                    score.secrets += 1
                    score.secrets_caught += caught
                else:
                    score.pii += 1
                    score.pii_caught += caught
                score.by_family[r["family"]][0] += 1
                score.by_family[r["family"]][1] += caught
                if not caught:
                    score.misses.append((r["id"], kind, value))
        for value in r["keep"]:
            score.keep += 1
            if value not in out:
                score.keep_redacted += 1
                score.false.append((r["id"], value, out))
    return score


def default_redact(text: str) -> str:
    """What the drafting pipeline does to a text with the default settings (fresh per record)."""
    from assistant.redact import Redactor

    return Redactor().redact(text)


def main() -> None:
    """Print recall and false-redaction figures for one split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "holdout", "all"))
    parser.add_argument(
        "--list", action="store_true", help="every miss and false redaction (not for holdout)"
    )
    args = parser.parse_args()
    records = load_corpus(split=args.split)
    s = score_corpus(records, default_redact)
    print(
        f"{args.split}: {len(records)} records | secrets {s.secrets_caught}/{s.secrets} "
        f"recall {s.secret_recall:.3f} | personal data {s.pii_caught}/{s.pii} recall {s.pii_recall:.3f} | "
        f"identifiers falsely redacted {s.keep_redacted}/{s.keep} rate {s.false_redaction_rate:.3f}"
    )
    print("per family (caught/total):", {k: f"{v[1]}/{v[0]}" for k, v in sorted(s.by_family.items())})
    if args.list and args.split != "holdout":
        for rid, kind, value in s.misses:
            print(f"MISS  {rid:<16} {kind:<8} {value[:90]!r}")
        for rid, value, out in s.false:
            print(f"FALSE {rid:<16} {value!r:<40} -> {out[:160]!r}")


if __name__ == "__main__":
    main()
