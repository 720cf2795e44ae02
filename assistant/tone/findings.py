"""The ToneFinding model: one blame marker in a text, with its sentence rewrite."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.tone.categories import CATEGORIES, Category

__all__ = ["CATEGORIES", "Category", "ToneFinding"]


class ToneFinding(BaseModel):
    """A blameful span: offsets into the checked text, category, why, and a blameless rewrite."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(description="start offset of the span in the checked text")
    end: int = Field(description="end offset (exclusive) of the span")
    text: str = Field(description="the span itself: text[start:end]")
    category: Category
    explanation: str = Field(description="one line: why this is blameful")
    suggestion: str = Field(description="blameless rewrite of the whole sentence")
    sentence_start: int
    sentence_end: int
    line: int = Field(1, description="1-based line of the span start")
    col: int = Field(1, description="1-based column of the span start")
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    source: Literal["rules", "llm"] = "rules"
