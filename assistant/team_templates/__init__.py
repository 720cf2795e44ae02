"""A team's own postmortem template: headings in its order, guidance per heading, mapped to our parts.

``load_template("google-sre")`` or ``load_template(path)`` returns a ``TemplateRef`` (in
``assistant.draft.schema``): each heading with the part of our postmortem it shows, matched by name
or by meaning (``match.py``), or ``None`` for a free section the drafter writes from the heading's
guidance. Built-in templates are Markdown files in ``builtin/``, headings and our own guidance only.
"""

from assistant.team_templates.load import builtin_names, from_text, holds, load_template
from assistant.team_templates.parts import PART_BY_KEY, PARTS, Part, children_of, sections_for

__all__ = [
    "PARTS",
    "PART_BY_KEY",
    "Part",
    "builtin_names",
    "children_of",
    "from_text",
    "holds",
    "load_template",
    "sections_for",
]
