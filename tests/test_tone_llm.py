"""The optional LLM tone pass: only flagged/unsure sentences reach the provider, its verdict wins."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.llm.base import Provider, StructuredRequest
from assistant.llm.fake import FakeProvider
from assistant.tone import check_text, check_text_llm
from assistant.tone.llm import PURPOSE, ToneJudgement, ToneSpan


def _sentence(request: StructuredRequest[Any]) -> str:
    """The sentence a tone request asks about: between the ``<sentence>`` delimiters of its message."""
    user = request.messages[-1].content
    return user.split("<sentence>\n", 1)[1].split("\n</sentence>", 1)[0]


def scripted_tone(answer: Callable[[str], ToneJudgement]) -> FakeProvider:
    """The shipped FakeProvider, judging each sentence with ``answer``; it records every request."""
    return FakeProvider(fn=lambda request: answer(_sentence(request)), model="scripted")


TEXT = (
    "Alice rolled back the deploy at 14:02. "
    "The on-call engineer should have escalated after the second page. "
    "The incident commander missed the warning at 13:50."
)


def test_fake_provider_satisfies_the_protocol() -> None:
    assert isinstance(scripted_tone(lambda s: ToneJudgement(blameful=False)), Provider)


def test_only_flagged_or_unsure_sentences_reach_the_provider() -> None:
    provider = scripted_tone(lambda s: ToneJudgement(blameful=False))
    check_text_llm(TEXT, provider)
    sent = [_sentence(r) for r in provider.requests]
    assert "Alice rolled back the deploy at 14:02." not in sent
    assert any("should have escalated" in s for s in sent)
    assert any("missed the warning" in s for s in sent)  # unsure band: the rules alone do not flag it
    assert all(r.purpose == PURPOSE and r.schema is ToneJudgement for r in provider.requests)
    user = provider.requests[0].messages[-1].content
    assert "<sentence>" in user and "</sentence>" in user


def test_provider_verdict_overrides_the_rules_both_ways() -> None:
    def answer(sentence: str) -> ToneJudgement:
        if "missed the warning" in sentence:
            return ToneJudgement(
                blameful=True,
                spans=[
                    ToneSpan(
                        text="missed the warning",
                        category="counterfactual-hindsight",
                        explanation="hindsight judgment of attention",
                    )
                ],
                rewrite="The warning at 13:50 did not stand out to the incident commander; we are asking why.",
                confidence="high",
            )
        return ToneJudgement(blameful=False)

    assert not any("missed" in f.text for f in check_text(TEXT))
    findings = check_text_llm(TEXT, scripted_tone(answer))
    assert [f.text for f in findings] == ["missed the warning"]
    f = findings[0]
    assert f.source == "llm" and TEXT[f.start : f.end] == f.text
    assert f.suggestion.startswith("The warning at 13:50 did not stand out")


def test_a_rewrite_that_drops_facts_or_still_blames_is_replaced_by_the_rules_rewrite() -> None:
    def answer(sentence: str) -> ToneJudgement:
        return ToneJudgement(blameful=True, spans=[], rewrite="The engineer was careless.", confidence="low")

    findings = check_text_llm("Root cause: human error at 03:10.", scripted_tone(answer))
    assert findings and all(f.source == "llm" for f in findings)
    assert "careless" not in findings[0].suggestion and "03:10" in findings[0].suggestion
