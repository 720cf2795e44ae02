"""A regex compiled on first use, so importing the tone checker stays cheap."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any


class LazyRegex:
    """Behaves like the compiled pattern; compiles on the first attribute access."""

    if TYPE_CHECKING:  # bound on first use by __getattr__; declared here for the type checker
        search: Callable[..., re.Match[str] | None]
        match: Callable[..., re.Match[str] | None]
        fullmatch: Callable[..., re.Match[str] | None]
        finditer: Callable[..., Iterator[re.Match[str]]]
        findall: Callable[..., list[Any]]
        sub: Callable[..., str]
        split: Callable[..., list[str | Any]]
        groupindex: Mapping[str, int]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        """Keep the pattern; nothing is compiled until it is used."""
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        """Compile, bind the hot methods on the instance, and return the attribute asked for."""
        # Only called for attributes not set yet: compile once, then bind the hot methods
        # on the instance so later calls skip this hook.
        compiled = re.compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)
