"""Shared helpers for the blindC* generators (not an input; files starting with _ are ignored)."""
import json, random, re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

UTC = timezone.utc


def T(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def iso(dt, ms=True):
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + (f".{dt.microsecond // 1000:03d}" if ms else "") + "Z"


def h12(dt):
    return dt.strftime("%I:%M %p").lstrip("0")


class Case:
    def __init__(self, folder, seed):
        self.dir = Path(folder)
        self.rng = random.Random(seed)
        self.logs = {}        # file -> list[(dt, seq, text)]
        self.seq = 0
        self.anchors = {}     # key -> (file, substring, dt)
        self.texts = {}       # file -> final text

    # ---- logs -------------------------------------------------------------
    def log(self, file, dt, text, key=None, sub=None):
        self.seq += 1
        self.logs.setdefault(file, []).append((dt, self.seq, text))
        if key:
            self.anchors[key] = (file, sub or text.splitlines()[0][-60:], dt)

    def times(self, start, end, per_min):
        """Poisson-ish event times between start and end."""
        t = start
        out = []
        while True:
            t = t + timedelta(seconds=self.rng.expovariate(per_min / 60.0))
            if t >= end:
                return out
            out.append(t)

    def render_logs(self, file, header=None):
        rows = sorted(self.logs[file], key=lambda r: (r[0], r[1]))
        body = "\n".join(r[2] for r in rows) + "\n"
        self.texts[file] = (header or "") + body
        self.span_add(rows[0][0], rows[-1][0])

    span = None

    def span_add(self, a, b):
        if self.span is None:
            self.span = [a, b]
        else:
            self.span = [min(self.span[0], a), max(self.span[1], b)]

    def text(self, file, text, first=None, last=None, anchors=()):
        self.texts[file] = text
        if first and last:
            self.span_add(first, last)
        for key, sub, dt in anchors:
            self.anchors[key] = (file, sub, dt)

    # ---- output + checks ---------------------------------------------------
    def write(self, gold):
        self.dir.mkdir(parents=True, exist_ok=True)
        for f, t in self.texts.items():
            (self.dir / f).write_text(t, encoding="utf-8")
        tl = []
        for e in gold["timeline"]:
            e = dict(e)
            key = e.pop("anchor", None)
            if e["must_include"]:
                assert key, f"must_include event without anchor: {e['event']}"
                f, sub, dt = self.anchors[key]
                assert sub in self.texts[f], f"anchor text missing in {f}: {sub!r}"
                d = abs((dt - T(e["time"])).total_seconds())
                assert d <= 120, f"anchor {key} is {d}s from gold time {e['time']}"
            tl.append(e)
        gold = {**gold, "timeline": sorted(tl, key=lambda e: e["time"])}
        ks = [T(gold[k]) for k in ("start", "detected", "mitigated", "resolved")]
        assert ks == sorted(ks), f"key times out of order {ks}"
        assert self.span[0] <= ks[0] and ks[-1] <= self.span[1] + timedelta(minutes=1), (self.span, ks)
        alltext = "\n".join(self.texts.values())
        for b in gold["blame_bait"]:
            assert b in alltext, f"blame bait missing: {b}"
        for s in gold["secrets"]:
            assert s in alltext, f"secret missing: {s}"
        if gold.get("injection"):
            assert gold["injection"] in alltext, "injection missing"
        chatish = "\n".join(t for f, t in self.texts.items() if f.startswith(("chat", "notes")))
        for a in gold["action_items"]:
            assert a["evidence"] in chatish, f"evidence not verbatim: {a['evidence']}"
        (self.dir / "gold.json").write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        n = {f: t.count("\n") for f, t in self.texts.items()}
        print(self.dir.name, "OK", n, "span", iso(self.span[0]), iso(self.span[1]))


def hexid(rng, n=8):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))
