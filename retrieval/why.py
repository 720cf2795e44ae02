"""A short reason per result that a person can check: shared mechanism, terms, services, section.

Mechanisms are a small fixed vocabulary of failure kinds detected by keyword rules written for
this project (not learned from any data set); a doc's own ``categories`` count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.retrieval.lexical import tokenize
from assistant.vocabulary import STOP_WORDS

MECHANISMS: dict[str, str] = {
    "certificate expiry": r"certificate|\bcerts?\b|\btls\b|\bssl\b|x\.?509",
    "dns": r"\bdns\b|resolver|nameserver|\bzone file|\bcname\b|domain regist|\bresolv",
    "disk full": r"disk (?:space|full|filled)|\bvolume\b.{0,40}\b(?:full|100 ?%)|no space left|filesystem (?:full|filled)|inode",
    "connection pool exhaustion": r"connection pool|pool exhaust|too many connections|max_connections|connection limit",
    "database locking or migration": r"\block(?:s|ed|ing)?\b|migration|schema change|deadlock|vacuum|wraparound",
    "replication or failover": r"replica|replication|failover|fail over|primary|split[- ]brain|quorum",
    "memory leak / out of memory": r"memory leak|out of memory|\boom\b|heap|\bleak",
    "config change": r"config(?:uration)? (?:change|push|error)|misconfigur|feature flag|toggle|\bflag\b",
    "bad deploy": r"\bdeploy|rollout|roll[- ]back|release|upgrade|canary",
    "network partition / routing": r"\bbgp\b|partition|routing|route leak|packet loss|peering|\bfiber\b|\bfibre\b|conntrack|\bnat\b|snat",
    "load balancer": r"load[- ]balanc|\belb\b|\balb\b|haproxy|nginx|envoy",
    "cache stampede": r"cache|stampede|thundering herd|\bmemcache|\bredis\b",
    "queue / poison message": r"\bqueue|poison|kafka|rabbitmq|\bsqs\b|consumer lag|backlog|dead[- ]letter",
    "capacity / overload": r"overload|capacity|saturat|throttl|rate limit|traffic spike|autoscal|cpu",
    "retry storm / cascading failure": r"retry storm|retries|cascad|thundering|backoff",
    "time / clock": r"leap (?:second|day|year)|\bntp\b|clock|time ?zone|\bdst\b|daylight saving",
    "power / hardware": r"power|generator|\bups\b|cooling|hardware|disk failure|\bnic\b|firmware|switch fail",
    "data loss": r"data loss|lost data|deleted|corrupt|rm -rf|truncat",
    "third-party dependency": r"third[- ]party|upstream provider|vendor|dependency|\bcdn\b",
    "kubernetes": r"kubernetes|\bk8s\b|\bpods?\b|kubelet|\beks\b|\bgke\b|\baks\b|etcd",
    "security / credentials": r"credential|secret|api key|token leak|breach|compromis|ddos",
    "automation gone wrong": r"automat|script|cron|runbook|sweeper|cleanup job|batch job",
}
_RULES = {name: re.compile(rx, re.I) for name, rx in MECHANISMS.items()}


@lru_cache(maxsize=256)
def mechanisms(text: str) -> frozenset[str]:
    """Failure kinds the text mentions, by keyword rule (cached: the query is checked once per result)."""
    return frozenset(name for name, rx in _RULES.items() if rx.search(text))


def shared_terms(
    query: str, doc_text: str, *, df: dict[str, int] | None = None, n_docs: int = 0, limit: int = 5
) -> list[str]:
    """Words the query and the doc share, rarest first (as written in the query)."""
    doc_tokens = set(tokenize(doc_text))
    seen: dict[str, str] = {}
    for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z0-9]", query):
        low = word.lower()
        if low in STOP_WORDS or len(low) < 3:
            continue
        toks = tokenize(low)
        if toks and toks[0] in doc_tokens and toks[0] not in seen:
            seen[toks[0]] = low
    if df and n_docs >= 20:
        # Words in over a fifth of the library explain nothing ("service", "error").
        common = {s for s in seen if df.get(s, 0) > n_docs / 5}
        ordered = sorted((s for s in seen if s not in common), key=lambda s: df.get(s, 0))
    else:
        ordered = sorted(seen, key=lambda s: -len(s))
    return [seen[s] for s in ordered][:limit]


def explain(
    query: str,
    *,
    doc_text: str,
    title: str,
    services: Iterable[str] = (),
    categories: Iterable[str] = (),
    section: str | None = None,
    via: str = "",
    df: dict[str, int] | None = None,
    n_docs: int = 0,
) -> str:
    """One line: shared mechanism, services, terms and the section that matched best."""
    parts: list[str] = []
    common = sorted(mechanisms(query) & mechanisms(f"{title}\n{doc_text}\n{' '.join(categories)}"))
    if common:
        parts.append("same mechanism: " + ", ".join(common[:3]))
    low_q = query.lower()
    svc = [s for s in services if s and s.lower() in low_q]
    if svc:
        parts.append("services: " + ", ".join(svc[:4]))
    cats = [c for c in categories if c and c.replace("-", " ") in low_q]
    if cats:
        parts.append("categories: " + ", ".join(cats[:3]))
    terms = shared_terms(query, f"{title}\n{doc_text}", df=df, n_docs=n_docs)
    if terms:
        parts.append("shared terms: " + ", ".join(terms))
    if section and section.lower() not in ("summary", "title", ""):
        parts.append(f"matched section: {section}")
    if via:
        parts.append(via)
    return "; ".join(parts) or "close in meaning (no shared keywords)"
