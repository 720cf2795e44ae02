"""Quality harness: score drafts, retrieval and tone on any set of cases; benchmarks in ``bench/``."""
