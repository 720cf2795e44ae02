"""Blame tone checker: find blameful language, explain it, propose blameless rewrites.

``check_text`` and ``rewrite_text`` are deterministic rules (the offline default);
``check_text_llm`` lets a provider judge the flagged and unsure sentences and write rewrites.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from assistant.tone.categories import CATEGORIES, Category
from assistant.tone.rewrite import rewrite_sentence
from assistant.tone.rules import FLAG_AT, Hit, SentenceVerdict, check_sentences
from assistant.tone.spans import apply_rewrites, findings_for, line_col

if TYPE_CHECKING:
    from assistant.llm.base import Provider
    from assistant.tone.findings import ToneFinding


def __getattr__(name: str) -> Any:
    # ToneFinding is a pydantic model; importing pydantic costs ~0.1 s, so clean text and
    # `postmortem lint` on clean files never pay for it.
    if name == "ToneFinding":
        from assistant.tone.findings import ToneFinding

        return ToneFinding
    raise AttributeError(f"module 'assistant.tone' has no attribute {name!r}")


__all__ = [
    "CATEGORIES",
    "Category",
    "ToneFinding",
    "check_text",
    "check_text_llm",
    "check_texts",
    "findings_for",
    "rewrite_text",
]


def check_text(
    text: str, *, semantic: bool | None = None, people: Iterable[str] = (), syntax: bool | None = None
) -> list[ToneFinding]:
    """Blame findings in ``text``, in text order; [] when blameless.

    Rules, then the parse and semantic stages on the sentences they left clean (``semantic=None``:
    on unless POSTMORTEM_TONE_SEMANTIC=0 or the model is missing; ``False``: rules only).
    ``people`` are the incident's participants (chat actors), recognised as persons by the parse.
    ``syntax`` turns the parse stage on or off on its own (``None``: on unless ``semantic`` is False).
    """
    return check_texts([text], semantic=semantic, people=people, syntax=syntax)[0]


def check_texts(
    texts: list[str], *, semantic: bool | None = None, people: Iterable[str] = (), syntax: bool | None = None
) -> list[list[ToneFinding]]:
    """``check_text`` for many texts, embedding all their rule-clean sentences in one batch.

    With the model stages on (``semantic`` not False), rule-clean sentences that name someone and
    speak of a cause are parsed (``syntax.py``); ``people`` are known participants (chat actors).
    """
    verdicts = [check_sentences(t) for t in texts]
    parse = syntax if syntax is not None else semantic is not False
    if parse:
        verdicts = _with_syntax(verdicts, people)
    extra = _semantic_findings(texts, verdicts, people if parse else None) if semantic is not False else []
    extra = extra or [[] for _ in texts]
    out = []
    for text, v, sem in zip(texts, verdicts, extra, strict=True):
        found = findings_for(text, v)
        out.append(sorted(found + sem, key=lambda f: (f.start, f.end)) if sem else found)
    return _with_targets(texts, out, people) if parse else out


_AGENT_CATEGORIES = ("named-individual-fault", "team-blame")


def _with_targets(
    texts: list[str], found: list[list[ToneFinding]], people: Iterable[str]
) -> list[list[ToneFinding]]:
    """A flagged sentence that is about a person or team also carries that category (the parse names them).

    "formal warning issued to on-call eng" is punitive and aimed at one person; the second finding
    points at the person. Only sentences already flagged are parsed.
    """
    from assistant.tone import syntax

    todo: dict[tuple[int, int, int], ToneFinding] = {}
    for n, fs in enumerate(found):
        cats: dict[tuple[int, int], set[str]] = {}
        for f in fs:
            cats.setdefault((f.sentence_start, f.sentence_end), set()).add(f.category)
            todo.setdefault((n, f.sentence_start, f.sentence_end), f)
        for (a, b), cs in cats.items():
            if cs & set(_AGENT_CATEGORIES):
                todo.pop((n, a, b), None)
    if not todo or not syntax.enabled():
        return found
    keys = list(todo)
    hits = syntax.targets([texts[n][a:b] for n, a, b in keys], people)
    out = [list(fs) for fs in found]
    for (n, a, _), hit in zip(keys, hits, strict=True):
        if hit is not None:
            first = todo[(n, a, _)]
            line, col = line_col(texts[n], a + hit.start)
            extra = first.model_copy(
                update={
                    "start": a + hit.start,
                    "end": a + hit.end,
                    "text": texts[n][a + hit.start : a + hit.end],
                    "category": hit.category,
                    "explanation": hit.explanation,
                    "line": line,
                    "col": col,
                    "confidence": min(first.confidence, syntax.CONFIDENCE),
                }
            )
            out[n] = sorted([*out[n], extra], key=lambda f: (f.start, f.end))
    return out


def _with_syntax(verdicts: list[list[SentenceVerdict]], people: Iterable[str]) -> list[list[SentenceVerdict]]:
    """Add the parse stage's hits to rule-clean sentences (off with POSTMORTEM_TONE_SYNTAX=0)."""
    from assistant.tone import syntax

    if not syntax.enabled():
        return verdicts
    todo = [(n, k) for n, vs in enumerate(verdicts) for k, v in enumerate(vs) if not v.flagged]
    if not todo:
        return verdicts
    found = syntax.analyse([verdicts[n][k].sentence.text for n, k in todo], people)
    out = [list(vs) for vs in verdicts]
    for (n, k), hits in zip(todo, found, strict=True):
        if hits:
            v = out[n][k]
            extra = tuple(
                Hit(h.category, h.start, h.end, h.explanation, syntax.CONFIDENCE, h.reframe) for h in hits
            )
            out[n][k] = SentenceVerdict(v.sentence, v.hits + extra)
    return out


def rewrite_text(
    text: str, *, semantic: bool | None = None, people: Iterable[str] = (), syntax: bool | None = None
) -> tuple[str, list[ToneFinding]]:
    """``text`` with every flagged sentence replaced by its blameless rewrite, and the findings."""
    findings = check_text(text, semantic=semantic, people=people, syntax=syntax)
    new = apply_rewrites(text, findings)
    if findings and (syntax if syntax is not None else semantic is not False):
        # A sentence the rules flagged was never parsed; its rule rewrite can keep a parse finding
        # ("Root cause is the payments team …"): rewrite once more from what the parse sees.
        again = check_text(new, semantic=False, people=people, syntax=True)
        new = apply_rewrites(new, again) if again else new
    return new, findings


def _semantic_findings(
    texts: list[str], verdicts: list[list[SentenceVerdict]], people: Iterable[str] | None
) -> list[list[ToneFinding]]:
    """Findings of the learned stage on rule-clean sentences; with ``people`` (parse on), a sentence
    aimed only at a name or team word must have a person or team the parse recognises."""
    from assistant.tone import semantic as sem

    out: list[list[ToneFinding]] = [[] for _ in texts]
    if not sem.enabled():
        return out
    todo = [(n, v) for n, vs in enumerate(verdicts) for v in vs if not v.flagged]
    if not todo or not sem.available():
        return out
    model = sem.load_model()
    if model is not None:  # a sentence the model would never flag is not embedded
        todo = [(n, v) for n, v in todo if sem.in_scope(v.sentence.text, model)]
        if not todo:
            return out
    scored = sem.score([v.sentence.text for _, v in todo], [v.score for _, v in todo])
    if model is None or scored is None:
        return out
    probs, cat_probs = scored
    hits = [
        (n, v, float(p), sem.category_of(v.sentence.text, pc, model))
        for (n, v), p, pc in zip(todo, probs, cat_probs, strict=True)
        if sem.is_flagged(v.sentence.text, float(p), model)
    ]
    if people is not None:
        hits = _confirmed(hits, people)
    for n, v, p, category in hits:
        out[n].append(_semantic_finding(texts[n], v, p, category))
    return out


_SemanticHit = tuple[int, SentenceVerdict, float, str]


def _confirmed(hits: list[_SemanticHit], people: Iterable[str]) -> list[_SemanticHit]:
    """Drop flags whose only reference to people is a word the parse reads as no one.

    The model's reference gate is a regex: "a marketing campaign", "In July 2014, BBC Online …" pass
    it; the parse sees a modifier and a date. Pronouns, first and second person and emoji are kept.
    """
    from assistant.tone import semantic as sem
    from assistant.tone import syntax

    # A sentence aimed at no one was flagged above the stricter threshold for such sentences; it has
    # no reference for the parse to confirm.
    check = [
        h
        for h in hits
        if sem.refers_to_someone(h[1].sentence.text) and not sem.addresses_people(h[1].sentence.text)
    ]
    if not check or not syntax.enabled() or not syntax.available():
        return hits
    found = syntax.targets([h[1].sentence.text for h in check], people)
    dropped = {id(h) for h, t in zip(check, found, strict=True) if t is None}
    return [h for h in hits if id(h) not in dropped]


def _semantic_finding(text: str, v: SentenceVerdict, p: float, category: str) -> ToneFinding:
    from assistant.tone.findings import ToneFinding
    from assistant.tone.semantic import person_span

    sentence = v.sentence
    span = person_span(sentence.text) or (0, len(sentence.text))
    why = _SEMANTIC_WHY.get(category, "reads as blaming people")
    hit = Hit(category, span[0], span[1], why, max(FLAG_AT, min(p, 1.0)))
    start, end = sentence.start + span[0], sentence.start + span[1]
    line, col = line_col(text, start)
    return ToneFinding(
        start=start,
        end=end,
        text=text[start:end],
        category=category,  # type: ignore[arg-type]
        explanation=f"{why} (semantic check, p={p:.2f})",
        suggestion=rewrite_sentence(sentence.text, (hit,)),
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        line=line,
        col=col,
        confidence=round(min(p, 1.0), 3),
    )


_SEMANTIC_WHY = {
    "named-individual-fault": "presents a person as the cause; describe the action and the conditions around it",
    "human-error-label": "labels the cause as human error; describe the mechanism instead",
    "counterfactual-hindsight": "judges people with hindsight; describe what they saw at the time",
    "character-judgment": "judges a person's character or competence; describe the conditions instead",
    "team-blame": "presents a team as the cause; describe the conditions around the change",
    "punitive": "calls for punishment; ask what would make the system safer",
    "sarcasm-or-mockery": "mocks the people involved; state what happened plainly",
    "minimizing-or-judging-difficulty": "treats the right action as obvious; describe why it was hard to see",
    "blame-by-passive-insinuation": "hints at a culprit; describe the conditions openly",
}


def check_text_llm(text: str, provider: Provider) -> list[ToneFinding]:
    """Rules first, then ``provider`` judges flagged and unsure sentences and rewrites them."""
    from assistant.tone.llm import judge_with_llm

    return judge_with_llm(text, check_sentences(text), provider)


FLAG_THRESHOLD = FLAG_AT
