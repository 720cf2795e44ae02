"""The blame categories (a Literal type and its values); no heavy imports."""

from __future__ import annotations

from typing import Literal

Category = Literal[
    "named-individual-fault",
    "human-error-label",
    "counterfactual-hindsight",
    "character-judgment",
    "team-blame",
    "punitive",
    "sarcasm-or-mockery",
    "minimizing-or-judging-difficulty",
    "blame-by-passive-insinuation",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
