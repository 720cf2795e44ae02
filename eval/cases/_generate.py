"""Regenerate the generalisation cases: `python eval/cases/_generate.py` (deterministic)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = ["_gen_case21", "_gen_case22", "_gen_case23", "_gen_case24", "_gen_case25"]

if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    wanted = sys.argv[1:] or CASES
    for mod in wanted:
        importlib.import_module(mod).build(HERE)
        print(f"wrote {mod}")
