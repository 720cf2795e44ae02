"""Prompt-injection checks: source lines that talk to an AI, and drafts that repeat them.

Source text is data. A line that addresses an assistant, tries to override its instructions, or
dictates what the write-up must say is flagged so the pipeline can fence it off, and a draft
that repeats the content of such a line is flagged after drafting.
"""

from __future__ import annotations

import re

from assistant.domain import Event, Timeline
from assistant.vocabulary import PAYLOAD_STOP_WORDS

# Overriding the model's instructions: never something a responder writes to another human.
_OVERRIDE = re.compile(
    r"(?ix)"
    r"\b(?:ignore|disregard|forget|override|bypass|skip)\b[\w\s,'-]{0,30}?"
    r"\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system|original)\b[\w\s-]{0,20}?"
    r"\b(?:instructions?|prompts?|rules|directions|directives|guidelines|context|guardrails)\b"
    r"|\b(?:system|developer)\s+(?:prompt|message|instructions?)\b"
    r"|\byou\s+are\s+now\s+(?:in\s+)?(?:an?\s+)?(?:\w+\s+){0,3}?(?:ai|assistant|model|dan|bot|gpt|llm|mode|jailbroken)\b|\bfrom\s+now\s+on,?\s+you\b|\bact\s+as\s+(?:an?\s+)?(?:ai|assistant|model|dan)\b"
    r"|\bpretend\s+(?:to\s+be|you\s+are)\b|\bnew\s+instructions\s*:|\bjailbreak"
    # The same override in the other languages our users write (es, pt, de, fr, it, nl, pl, cs, sv, da,
    # id, ru, vi): verb first, then "instructions".
    # (English "ignored/ignores the instructions" reports what people or jobs did: not an override.)
    r"|\b(?:ignor[aáeé](?!d\b|s\b)\w*|olvid[aáeé]\w*|desconsider[aáeé]\w*|esque[cç]\w*|vergiss\w*|ignorier\w*|oubli\w*|"
    r"dimentic\w*|negeer\w*|vergeet|zignoruj\w*|ignoruj\w*|zapomnij\w*|ignorer\w*|abaikan|lupakan|"
    r"игнорируй\w*|забудь\w*|bỏ qua|quên)"
    r"\b[\w\s,'-]{0,30}?\b(?:instrucci[oó]n\w*|instru[cç][õoã]\w*|instructions?|anweisungen|consignes|"
    r"indicaciones|reglas|regras|r[eè]gles|prompts?|istruzion\w*|instructies|instrukcj\w*|polece\w*|instrukce|"
    r"instruktion\w*|instruksi|инструкци\w*|указани\w*|hướng dẫn|chỉ dẫn)"
    # Object first (tr, ja, ko, zh): "önceki tüm talimatlarını yok say", "以前の指示を無視して",
    # "이전 지시를 무시하고", "忽略之前的所有指令".
    r"|\btalimat\w*\s+(?:\w+\s+){0,2}?(?:yok\s+say\w*|görmezden\s+gel\w*|unut\w*)"
    r"|(?:指示|命令|プロンプト)を?(?:すべて|全て)?\s*(?:無視|忘れ)"
    r"|(?:지시|지침|명령|프롬프트)\S*\s*(?:모두\s*)?(?:무시|잊)"
    r"|(?:忽略|无视|無視|忘记|忘記).{0,8}?(?:指令|指示|提示|说明|說明)"
    r"|<\|(?:im_start|im_end|system|endoftext)\|>|\[/?INST\]|^\s*\#{2,}\s*(?:system|instruction)"
)
# Addressing a model rather than a person.
_ADDRESS_AI = re.compile(
    r"(?ix)"
    r"\b(?:note|message|instructions?|attention|hey|hi|dear)\s*(?:to|for)?\s*(?:any|all|the|an?)?\s*"
    r"(?:ai|a\.i\.|llms?|gpts?|chatgpt|language\s+models?|assistants?|chatbots?|bots?|summari[sz]ers?|copilots?|models?)\b"
    r"|\b(?:if|when)\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|language\s+model|assistant|bot|chatbot)\b"
    r"|\b(?:ai|llm|gpt|assistant|summari[sz]er)s?\s+(?:reading|processing|parsing|summari[sz]ing|analy[sz]ing)\b"
    r"|\b(?:as\s+an?\s+)?(?:ai|llm)\s+(?:assistant|model|system)\b"
    r"|\bwhen\s+(?:you\s+)?(?:summari[sz]e|summari[sz]ing)\b"
    r"|\b(?:asistentes?|assistentes?|assistants?|modelos?|mod[eè]les?)\s+(?:de\s+|d')?(?:ia|i\.a\.)\b"
    r"|\bki-?(?:assistent\w*|modell\w*|systeme?)\b"
)
# Dictating the write-up: "when writing the postmortem, state that …", "write that the root cause was …".
_DICTATE = re.compile(
    r"(?ix)"
    r"\b(?:when|while)\s+(?:you\s+)?(?:writ|draft|generat|produc|prepar|summari[sz])\w*\s+(?:the|this|your|a|any)\s+"
    r"(?:post-?mortem|summary|report|incident\s+report|rca|write-?up|review)\b[^.\n]{0,40}?"
    r"\b(?:state|say|write|claim|report|conclude|mention|note|assert|blame|omit|do\s+not|don't|never)\b"
    r"|\b(?:write|state|say|claim|report|conclude|assert)\s+that\s+the\s+(?:root\s+cause|cause|fault|incident|outage)\b"
    r"|\b(?:do\s+not|don't|never)\s+(?:mention|include|report|disclose|reveal|say)\b[^.\n]{0,60}"
    r"\b(?:in|from)\s+(?:the|this|your)\s+(?:post-?mortem|summary|report|draft|output|answer|response)\b"
)


def looks_like_injection(text: str) -> bool:
    """True when text carries instructions aimed at an AI model rather than information for people."""
    if not text:
        return False
    if _OVERRIDE.search(text) or _DICTATE.search(text):
        return True
    # Addressing a model is only suspicious together with an imperative about its output.
    return bool(_ADDRESS_AI.search(text)) and bool(
        re.search(
            r"(?i)\b(?:write|state|say|claim|report|conclude|mention|ignore|output|respond|answer|do not|don't|"
            r"escrib\w*|dec[ií]\w*|mencion\w*|escrev\w*|diga\w*|schreib\w*|erwähn\w*|écri\w*|dites)\b",
            text,
        )
    )


def injection_lines(tl: Timeline) -> list[Event]:
    """Events whose text looks like a prompt injection."""
    return [ev for ev in tl.events if looks_like_injection(ev.text)]


# The part of an injection that carries the claim, after the instruction verbs.
_PAYLOAD = re.compile(
    r"(?i)\b(?:write|state|say|claim|report|conclude|assert|mention|note|blame|answer|respond|"
    r"escrib[ií]\w*|dec[ií]\w*|escrev\w*|schreib\w*|écri\w*)\s+"
    r"(?:that|with|que|dass|qu')?\s*(?P<payload>[^\n]{8,})"
)


def _words(text: str) -> list[str]:
    out = []
    for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()):
        w = w.strip("'-")
        if w and w not in PAYLOAD_STOP_WORDS:
            # light stemming so "breaking"/"broke"/"breaks" are close enough for n-grams
            out.append(re.sub(r"(?:ing|ed|es|s)$", "", w) if len(w) > 4 else w)
    return out


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _payload(line: str) -> str:
    matches = list(_PAYLOAD.finditer(line))
    return matches[-1].group("payload") if matches else line


def draft_repeats_injection(draft_text: str, injected: list[str]) -> list[str]:
    """The injection-looking source lines whose content the draft repeats (shared content n-grams)."""
    draft_words = _words(draft_text)
    draft_tri, draft_bi = _ngrams(draft_words, 3), _ngrams(draft_words, 2)
    repeated = []
    for line in injected:
        words = _words(_payload(line))
        tri, bi = _ngrams(words, 3), _ngrams(words, 2)
        # One shared run of three content words, or most of the payload's word pairs.
        if tri & draft_tri or (len(bi) >= 2 and len(bi & draft_bi) >= max(2, 0.6 * len(bi))):
            repeated.append(line)
    return repeated
