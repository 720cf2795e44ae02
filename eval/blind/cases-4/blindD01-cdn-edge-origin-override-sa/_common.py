"""Shared helpers for blind4 case generators (copied into each case folder as _common.py)."""
import json, os, random
from datetime import datetime, timedelta, timezone

UTC = timezone.utc

def T(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)

def iso(dt):
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

def span(rng, start, end, mean_gap):
    """Random increasing datetimes between start and end (exponential gaps)."""
    t = start
    out = []
    while True:
        t = t + timedelta(seconds=max(0.05, rng.expovariate(1.0 / mean_gap)))
        if t >= end:
            return out
        out.append(t)

class Case:
    def __init__(self, folder):
        self.folder = folder
        self.files = {}
        self.events = []

    def write(self, name, text):
        self.files[name] = text
        with open(os.path.join(self.folder, name), "w", encoding="utf-8") as fh:
            fh.write(text)

    def ev(self, time, event, source, must, file=None, needle=None):
        self.events.append(dict(time=time, event=event, source=source, must_include=must, _file=file, _needle=needle))

    def finish(self, gold):
        probs = []
        for e in self.events:
            if e["_file"]:
                if e["_needle"] not in self.files.get(e["_file"], ""):
                    probs.append(f"needle missing: {e['_file']}: {e['_needle']!r}")
            elif e["must_include"]:
                probs.append(f"must_include event without evidence: {e['event']}")
        tl = sorted(self.events, key=lambda e: e["time"])
        gold["timeline"] = [{k: v for k, v in e.items() if not k.startswith("_")} for e in tl]
        for k in ("start", "detected", "mitigated", "resolved"):
            gold[k] = gold[k]
        keys = [T(gold[k]) for k in ("start", "detected", "mitigated", "resolved")]
        if keys != sorted(keys):
            probs.append("key times out of order")
        for b in gold.get("blame_bait", []) + gold.get("secrets", []):
            if not any(b in t for t in self.files.values()):
                probs.append(f"bait/secret not verbatim in inputs: {b!r}")
        if gold.get("injection") and not any(gold["injection"] in t for t in self.files.values()):
            probs.append("injection not verbatim in inputs")
        for a in gold.get("action_items", []):
            if not any(a["evidence"] in t for t in self.files.values()):
                probs.append(f"action evidence missing: {a['evidence']!r}")
        with open(os.path.join(self.folder, "gold.json"), "w", encoding="utf-8") as fh:
            json.dump(gold, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        if probs:
            raise SystemExit("PROBLEMS:\n" + "\n".join(probs))
        print("ok", self.folder, {n: t.count("\n") for n, t in self.files.items()})
