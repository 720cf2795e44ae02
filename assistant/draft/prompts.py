"""The prompt registry: renders the versioned Jinja2 templates in ``prompts/``.

The templates ship inside the package as ``assistant/prompts`` (in the repository a link to the
top-level ``prompts/`` folder) and are found with ``importlib.resources``, so a plain wheel install
drafts like a checkout.

Each template's first line is ``{#- version: NAME.vN -#}``; drafts record the versions that made
them. Rendering uses a sandboxed environment with ``StrictUndefined`` so that a missing variable
fails loudly as ``PromptError`` instead of silently producing an empty prompt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from assistant.errors import PromptError

PROMPTS_DIR = Path(str(files("assistant") / "prompts"))
_VERSION = re.compile(r"\{#-?\s*version:\s*([\w.\-]+)\s*-?#\}")


class PromptRegistry:
    """Loads templates from one folder and renders them strictly."""

    def __init__(self, folder: Path = PROMPTS_DIR) -> None:
        """A sandboxed Jinja environment over the templates in ``folder``."""
        from jinja2 import FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        if not folder.is_dir():
            raise PromptError(f"prompt folder {folder} not found; reinstall the project or set the path")
        self.folder = folder
        self._env = SandboxedEnvironment(
            loader=FileSystemLoader(str(folder)),
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )

    def names(self) -> list[str]:
        """Template names (without ``.j2``), partials starting with ``_`` excluded."""
        return sorted(p.stem for p in self.folder.glob("*.j2") if not p.name.startswith("_"))

    def version(self, name: str) -> str:
        """The version tag in the template's header line, e.g. ``summary.v1``."""
        path = self.folder / f"{name}.j2"
        if not path.exists():
            raise PromptError(f"prompt template {path} not found; add it to {self.folder}")
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
        match = _VERSION.search(first)
        if not match:
            raise PromptError(
                f"{path}:1: missing version header; start the file with '{{#- version: {name}.v1 -#}}'"
            )
        return match.group(1)

    def render(self, name: str, /, **variables: Any) -> str:
        """Render ``name.j2`` with ``variables``; a missing template or variable raises ``PromptError``."""
        from jinja2 import TemplateError, TemplateNotFound, UndefinedError

        try:
            template = self._env.get_template(f"{name}.j2")
            return template.render(**variables).strip() + "\n"
        except TemplateNotFound as exc:
            raise PromptError(f"prompt template {self.folder / (name + '.j2')} not found ({exc})") from exc
        except UndefinedError as exc:
            raise PromptError(
                f"prompt {name}.j2 rendered without a required variable: {exc.message}"
            ) from exc
        except TemplateError as exc:
            raise PromptError(f"prompt {name}.j2 could not be rendered: {exc}") from exc


@lru_cache(maxsize=4)
def get_registry(folder: str | None = None) -> PromptRegistry:
    """The shared registry for ``folder`` (default: the project's ``prompts/``)."""
    return PromptRegistry(Path(folder) if folder else PROMPTS_DIR)
