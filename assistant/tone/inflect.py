"""Verb forms for rewrites and the parse stage, from lemminflect (a maintained English lemmatiser
and inflector with its own dictionary), so no verb table is kept here."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """Base form of a verb form ("escalated" → "escalate", "caught" → "catch"); the word itself if unknown."""
    from lemminflect import getLemma

    forms = getLemma(word.lower(), upos="VERB")
    return forms[0] if forms else word.lower()


@lru_cache(maxsize=4096)
def inflect(base: str, tag: str) -> str:
    """``base`` in the Penn tag ``tag`` (VBG -ing form, VBD past, VBN participle)."""
    from lemminflect import getInflection

    forms = getInflection(base.lower(), tag=tag)
    return forms[0] if forms else base.lower()


def gerund(base: str) -> str:
    """The -ing form of a base verb ("check" → "checking")."""
    return inflect(base, "VBG")


def past(base: str) -> str:
    """The past tense of a base verb ("renew" → "renewed", "run" → "ran")."""
    return inflect(base, "VBD")


def participle(base: str) -> str:
    """The past participle of a base verb ("write" → "written")."""
    return inflect(base, "VBN")
