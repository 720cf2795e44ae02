"""Build a value that satisfies a JSON schema: the brain of the local test server.

Handles ``$ref``/``$defs``, ``anyOf``/``oneOf``/``allOf``, nullable types, enums, consts, arrays,
nested objects, string formats and simple patterns. Times and event ids are taken from the
request text when it has some, so answers look grounded (``E003`` exists, the time is a source
time) and grounding checks downstream have something real to work on.
"""

from __future__ import annotations

import re
from typing import Any

_TIME_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")
_EVENT_ID_RE = re.compile(r"\bE\d{3,}\b")
_DEFAULT_TIME = "2024-01-01T00:00:00+00:00"
_MAX_DEPTH = 12
_REF_WORDS = ("ref", "event_id", "event_ids", "source_ids", "citations", "cites")


def times_in(text: str) -> list[str]:
    """ISO-8601 timestamps with an offset found in ``text``, in order, without duplicates."""
    found = [m.group(0).replace(" ", "T", 1) for m in _TIME_RE.finditer(text)]
    return list(dict.fromkeys(found))


def event_ids_in(text: str) -> list[str]:
    """Event ids (``E001`` …) found in ``text``, in order, without duplicates."""
    return list(dict.fromkeys(_EVENT_ID_RE.findall(text)))


class _Generator:
    def __init__(self, root: dict[str, Any], text: str, fill: str | None) -> None:
        self.root = root
        self.fill = fill
        self.times = times_in(text)
        self.event_ids = event_ids_in(text)
        self.n_times = 0
        self.n_ids = 0

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in node and seen < 32:
            ref = node["$ref"]
            if not ref.startswith("#"):
                raise ValueError(f"only local $ref is supported, got {ref!r}")
            target: Any = self.root
            for part in [p for p in ref[1:].split("/") if p]:
                target = target[part.replace("~1", "/").replace("~0", "~")]
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **extra}
            seen += 1
        return node

    def value(self, node: Any, name: str = "", depth: int = 0, index: int = 0) -> Any:
        if not isinstance(node, dict):
            return "x" if node is not False else None
        node = self.resolve(node)
        if "const" in node:
            return node["const"]
        if "enum" in node:
            options = [o for o in node["enum"] if o is not None] or node["enum"]
            return options[index % len(options)]
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [self.resolve(o) for o in node[key]]
                usable = [o for o in options if o.get("type") != "null"]
                if not usable or (depth > _MAX_DEPTH and len(usable) < len(options)):
                    return None
                merged = {**{k: v for k, v in node.items() if k != key}, **usable[0]}
                return self.value(merged, name, depth + 1, index)
        if "allOf" in node:
            merged = {k: v for k, v in node.items() if k != "allOf"}
            for part in node["allOf"]:
                part = self.resolve(part)
                props = {**merged.get("properties", {}), **part.get("properties", {})}
                required = [*merged.get("required", []), *part.get("required", [])]
                merged = {**merged, **part, "properties": props, "required": required}
            return self.value(merged, name, depth + 1, index)
        kind = node.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if kinds else "null"
        if kind is None:
            kind = "object" if "properties" in node else ("array" if "items" in node else "string")
        return self._typed(kind, node, name, depth, index)

    def _typed(self, kind: str, node: dict[str, Any], name: str, depth: int, index: int) -> Any:
        if kind == "object":
            props = node.get("properties", {})
            return {key: self.value(sub, key, depth + 1, index) for key, sub in props.items()}
        if kind == "array":
            return self._array(node, name, depth)
        if kind == "string":
            return self._string(node, name, index)
        if kind in ("integer", "number"):
            return self._number(node, kind)
        if kind == "boolean":
            return True
        return None

    def _array(self, node: dict[str, Any], name: str, depth: int) -> list[Any]:
        low = int(node.get("minItems", 0))
        high = node.get("maxItems")
        wanted = 0 if depth > _MAX_DEPTH else 2
        count = max(low, wanted if high is None else min(wanted, int(high)))
        prefix = node.get("prefixItems", [])
        items = node.get("items", {})
        out = []
        for i in range(count):
            sub = prefix[i] if i < len(prefix) else items
            out.append(self.value(sub, name, depth + 1, index=i))
        return out

    def _string(self, node: dict[str, Any], name: str, index: int) -> str:
        fmt = node.get("format")
        if fmt in ("date-time", "date", "time"):
            stamp = self._next_time()
            return {"date-time": stamp, "date": stamp[:10], "time": stamp[11:]}[fmt]
        if fmt == "email":
            return "someone@example.com"
        if fmt in ("uri", "url"):
            return "https://example.com/item"
        if fmt == "uuid":
            return "00000000-0000-4000-8000-000000000000"
        pattern = node.get("pattern")
        if pattern:
            return self._matching(pattern)
        lowered = name.lower()
        if self.event_ids and any(word in lowered for word in _REF_WORDS):
            return self._next_event_id()
        if self.times and (lowered.endswith("time") or lowered.endswith("_at")):
            return self._next_time()
        text = self.fill if self.fill is not None else f"Test answer for {name or 'value'} {index + 1}"
        low, high = int(node.get("minLength", 0)), node.get("maxLength")
        text = text.ljust(low, ".")
        return text if high is None else text[: int(high)]

    def _matching(self, pattern: str) -> str:
        candidates = [*self.event_ids, *self.times, "E001", "x", "A", "1", _DEFAULT_TIME, "P1", "high"]
        if self.fill is not None:
            candidates.insert(0, self.fill)
        for cand in candidates:
            try:
                if re.search(pattern, cand):
                    return cand
            except re.error:
                break
        return "x"

    def _number(self, node: dict[str, Any], kind: str) -> int | float:
        value: float = 1
        if "minimum" in node:
            value = max(value, node["minimum"])
        if "exclusiveMinimum" in node:
            value = max(value, node["exclusiveMinimum"] + 1)
        if "maximum" in node:
            value = min(value, node["maximum"])
        if "exclusiveMaximum" in node:
            value = min(value, node["exclusiveMaximum"] - 1)
        return int(value) if kind == "integer" else float(value)

    def _next_time(self) -> str:
        if not self.times:
            return _DEFAULT_TIME
        stamp = self.times[self.n_times % len(self.times)]
        self.n_times += 1
        return stamp

    def _next_event_id(self) -> str:
        ident = self.event_ids[self.n_ids % len(self.event_ids)]
        self.n_ids += 1
        return ident


def example_from_schema(schema: dict[str, Any], *, text: str = "", fill: str | None = None) -> Any:
    """A value valid for ``schema``; times and event ids come from ``text``; ``fill`` sets free text."""
    return _Generator(schema, text, fill).value(schema)
