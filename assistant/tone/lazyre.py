"""A regex compiled on first use, so importing the tone checker stays cheap."""

from __future__ import annotations

import re
from typing import Any


class LazyRegex:
    """Behaves like the compiled pattern; compiles on the first attribute access."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not set yet: compile once, then bind the hot methods
        # on the instance so later calls skip this hook.
        compiled = re.compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)
