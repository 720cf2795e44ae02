#!/usr/bin/env python3
"""blindC05: unbounded lru_cache leak over ~6 h -> OOMKills; restart declared a fix; OOMs return after the nightly
digest job; rollback. Discord copy-paste (Sydney local, never stated, crosses midnight), kubectl logs --timestamps
(RFC3339 nano prefix, JSON payload), Alertmanager webhooks."""
import json, sys
from datetime import timedelta, datetime
from pathlib import Path
from zoneinfo import ZoneInfo
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _genlib import Case, T, iso, hexid, UTC

HERE = Path(__file__).resolve().parent
c = Case(HERE, seed=4505)
r = c.rng
SYD = ZoneInfo("Australia/Sydney")
L0, L1 = T("2026-02-26T05:55:00Z"), T("2026-02-26T20:40:00Z")
LIMIT = 2048
# container lifetimes: (pod, version, start, end, end_reason)
C = []
v74a = ["feed-svc-5c8d7b9f6-" + s for s in ("gq2wx", "k8rmt", "p4zjd", "x7hnc")]
v74b = ["feed-svc-7f6a2c4d1-" + s for s in ("b3vqs", "m9tkl", "r2xfp", "w5ndj")]
v73 = ["feed-svc-84b1e6f3c-" + s for s in ("c6lzp", "h1qwe", "n7gvt", "s4kby")]
starts_a = [T("2026-02-26T06:10:20Z"), T("2026-02-26T06:11:05Z"), T("2026-02-26T06:11:50Z"), T("2026-02-26T06:12:35Z")]
oom1 = [T("2026-02-26T12:08:41Z"), T("2026-02-26T12:13:02Z"), T("2026-02-26T12:19:47Z"), None]
RESTART = [T("2026-02-26T12:24:30Z"), T("2026-02-26T12:25:15Z"), T("2026-02-26T12:26:00Z"), T("2026-02-26T12:26:45Z")]
oom2 = [T("2026-02-26T14:27:33Z"), T("2026-02-26T14:31:10Z"), T("2026-02-26T14:36:52Z"), None]
ROLL = [T("2026-02-26T14:55:10Z"), T("2026-02-26T14:57:20Z"), T("2026-02-26T14:59:30Z"), T("2026-02-26T15:01:40Z")]
DIGEST = T("2026-02-26T13:30:00Z")
for i in range(4):
    if oom1[i]:
        C.append((v74a[i], "7.4.0", starts_a[i], oom1[i], "OOMKilled", 1.0))
        C.append((v74a[i], "7.4.0", oom1[i] + timedelta(seconds=21), RESTART[i], "terminated", 1.0))
    else:
        C.append((v74a[i], "7.4.0", starts_a[i], RESTART[i], "terminated", 1.0))
    if oom2[i]:
        C.append((v74b[i], "7.4.0", RESTART[i] - timedelta(seconds=40), oom2[i], "OOMKilled", 1.0))
        C.append((v74b[i], "7.4.0", oom2[i] + timedelta(seconds=19), ROLL[i], "terminated", 1.0))
    else:
        C.append((v74b[i], "7.4.0", RESTART[i] - timedelta(seconds=40), ROLL[i], "terminated", 1.0))
    C.append((v73[i], "7.3.2", ROLL[i] - timedelta(seconds=50), L1, None, 0.0))


def rss_at(t, start, end, reason, leak):
    """linear-ish growth; OOM containers reach LIMIT at end"""
    if not leak:
        return 600 + r.uniform(-15, 15)
    def raw(x):
        h = (x - start).total_seconds() / 3600
        extra = max(0.0, (x - max(start, DIGEST)).total_seconds() / 3600) if x > DIGEST else 0.0
        return 600 + 232 * h + 1010 * extra
    if reason == "OOMKilled":
        k = (LIMIT - 600) / (raw(end) - 600)
        return 600 + (raw(t) - 600) * k
    return min(raw(t), 1985 + r.uniform(-20, 20))


def kl(pod, dt, obj):
    return f"{pod} {dt.strftime('%Y-%m-%dT%H:%M:%S')}.{dt.microsecond:06d}{r.randint(100, 999)}Z " + json.dumps(obj, separators=(",", ":"))


first_oom_key = {oom1[0]: "oom1", oom2[0]: "oom2"}
for pod, ver, s, e, reason, leak in C:
    c.log("app.log", s + timedelta(seconds=2), kl(pod, s + timedelta(seconds=2), {"level": "info", "logger": "feed.main", "msg": "starting feed-svc", "version": ver, "workers": 4, "memory_limit": "2Gi"}),
          key={(v74b[0], "7.4.0"): "restart", (v73[3], "7.3.2"): "rollback"}.get((pod, ver)) if s in (RESTART[0] - timedelta(seconds=40), ROLL[3] - timedelta(seconds=50)) else None,
          sub=f'{pod} ' if False else None)
    t = s + timedelta(seconds=r.randint(30, 290))
    while t < min(e, L1):
        rss = rss_at(t, s, e, reason, leak)
        obj = {"level": "info", "logger": "feed.runtime", "msg": "gc stats", "rss_mb": round(rss), "gc_gen2": int((t - s).total_seconds() // 40), "ranker_cache_entries": int((rss - 580) * 61) if leak else r.randint(40, 60)}
        if rss > 1700:
            obj = {**obj, "level": "warning", "msg": "gc stats (memory high)"}
        c.log("app.log", t, kl(pod, t, obj))
        t += timedelta(minutes=10, microseconds=r.randint(0, 999999))
    if reason == "OOMKilled":
        c.log("app.log", e, f"kube-events {e.strftime('%Y-%m-%dT%H:%M:%S')}.000000000Z Warning OOMKilling node/ip-10-31-4-{r.randint(10, 200)}.ap-southeast-2.compute.internal Memory cgroup out of memory: Killed process 1 (python) total-vm:{r.randint(2400000, 2600000)}kB, anon-rss:2097152kB, pod {pod} container feed",
              key=first_oom_key.get(e), sub=f"pod {pod} container feed" if e in first_oom_key else None)
c.log("app.log", DIGEST + timedelta(seconds=4), kl(v74b[2], DIGEST + timedelta(seconds=4), {"level": "info", "logger": "feed.api", "msg": "digest batch client connected", "client": "digest-builder", "users": 412000}))
c.log("app.log", ROLL[3] + timedelta(seconds=5), kl(v73[3], ROLL[3] + timedelta(seconds=5), {"level": "info", "logger": "feed.main", "msg": "rollout complete", "version": "7.3.2", "ready": "4/4"}), key="rolldone")


def failing(t):
    if oom1[0] <= t < RESTART[3] + timedelta(seconds=60):
        return 0.18
    if oom2[0] <= t < ROLL[3]:
        return 0.27
    return 0.0


def live_pods(t):
    out = [x for x in C if x[2] <= t < x[3]]
    return out or C[:1]


for t in c.times(L0, L1, 1.0):
    pod, ver = r.choice(live_pods(t))[:2]
    if r.random() < failing(t):
        c.log("app.log", t, kl(pod, t, {"level": "error", "logger": "feed.api", "msg": "GET /v2/feed failed", "status": 503, "err": "upstream worker restarting" if r.random() < .5 else "timeout waiting for worker (gc pause)", "ms": r.randint(3000, 9000)}))
    else:
        c.log("app.log", t, kl(pod, t, {"level": "info", "logger": "feed.api", "msg": "GET /v2/feed", "status": 200, "ms": r.randint(40, 350), "exp": r.sample(["rk12", "rk19", "rk23", "rk31", "hp4", "hp7"], r.randint(1, 3)) if ver == "7.4.0" else []}))
for t in c.times(L0, L1, 0.45):
    pod = r.choice(live_pods(t))[0]
    k = r.random()
    if k < 0.4:
        c.log("app.log", t, kl(pod, t, {"level": "warning", "logger": "feed.thumbs", "msg": "image proxy slow", "ms": r.randint(1200, 4000)}))
    elif k < 0.7:
        c.log("app.log", t, kl(pod, t, {"level": "warning", "logger": "urllib3.connectionpool", "msg": "Retrying (Retry(total=2)) after connection broken by 'ReadTimeoutError' /v1/profiles"}))
    else:
        c.log("app.log", t, kl(pod, t, {"level": "info", "logger": "feed.flags", "msg": "flag snapshot refreshed", "flags": 212}))
c.render_logs("app.log", "# for p in $(kubectl -n feed get pods -o name --show-all); do kubectl -n feed logs $p --timestamps --all-containers --previous; kubectl -n feed logs $p --timestamps; done | sort -k2  (+ kube events)\n")

# ---- Alertmanager ---------------------------------------------------------------------------
def am(status, name, sev, starts, ends, summary, receiver):
    labels = {"alertname": name, "severity": sev, "namespace": "feed", "cluster": "prod-apse2"}
    a = {"status": status, "labels": labels, "annotations": {"summary": summary}, "startsAt": iso(starts), "endsAt": iso(ends) if ends else "0001-01-01T00:00:00Z",
         "generatorURL": "https://prom.wombat.tech/graph?g0.expr=" + name, "fingerprint": hexid(r, 16)}
    return {"version": "4", "groupKey": "{}:{alertname=\"%s\"}" % name, "truncatedAlerts": 0, "status": status, "receiver": receiver,
            "groupLabels": {"alertname": name}, "commonLabels": labels, "commonAnnotations": a["annotations"], "externalURL": "https://alertmanager.wombat.tech", "alerts": [a]}
alerts = [
    am("firing", "CertificateExpiringSoon", "warning", T("2026-02-26T08:00:00Z"), None, "grafana.internal cert expires in 13 days", "slack-platform"),
    am("firing", "ContainerMemoryNearLimit", "warning", T("2026-02-26T11:20:00Z"), None, "feed/feed-svc container memory > 85% of limit", "slack-feed-alerts"),
    am("firing", "KubeContainerOOMKilled", "warning", T("2026-02-26T12:09:30Z"), None, "feed/feed-svc-5c8d7b9f6-gq2wx OOMKilled", "slack-feed-alerts"),
    am("firing", "FeedErrorRateHigh", "critical", T("2026-02-26T12:11:00Z"), None, "GET /v2/feed 5xx ratio 17.9%", "pagerduty-feed"),
    am("resolved", "FeedErrorRateHigh", "critical", T("2026-02-26T12:11:00Z"), T("2026-02-26T12:32:00Z"), "GET /v2/feed 5xx ratio 17.9%", "pagerduty-feed"),
    am("resolved", "ContainerMemoryNearLimit", "warning", T("2026-02-26T11:20:00Z"), T("2026-02-26T12:30:00Z"), "feed/feed-svc container memory > 85% of limit", "slack-feed-alerts"),
    am("firing", "ContainerMemoryNearLimit", "warning", T("2026-02-26T13:58:00Z"), None, "feed/feed-svc container memory > 85% of limit", "slack-feed-alerts"),
    am("firing", "FeedErrorRateHigh", "critical", T("2026-02-26T14:30:30Z"), None, "GET /v2/feed 5xx ratio 26.4%", "pagerduty-feed"),
    am("resolved", "FeedErrorRateHigh", "critical", T("2026-02-26T14:30:30Z"), T("2026-02-26T15:06:00Z"), "GET /v2/feed 5xx ratio 26.4%", "pagerduty-feed"),
    am("resolved", "ContainerMemoryNearLimit", "warning", T("2026-02-26T13:58:00Z"), T("2026-02-26T15:04:00Z"), "feed/feed-svc container memory > 85% of limit", "slack-feed-alerts"),
]
c.text("alerts.json", json.dumps(alerts, indent=2) + "\n", T("2026-02-26T08:00:00Z"), T("2026-02-26T15:06:00Z"),
       anchors=[("page1", '"startsAt": "2026-02-26T12:11:00.000Z"', T("2026-02-26T12:11:00Z")),
                ("page2", '"startsAt": "2026-02-26T14:30:30.000Z"', T("2026-02-26T14:30:30Z")),
                ("memwarn", '"startsAt": "2026-02-26T11:20:00.000Z"', T("2026-02-26T11:20:00Z"))])

# ---- Discord copy-paste (en-AU, local Sydney, never stated) ----------------------------------------
M = [
 ("2026-02-26 17:11", "Tomasz Wójcik", "feed-svc 7.4.0 is out 🚀 personalised ranking experiments now on for everyone in the rk/hp buckets"),
 ("2026-02-26 17:12", "Priyanka Rao", "nice"),
 ("2026-02-26 22:52", "Priyanka Rao", "marketing's autumn sale push goes out at 11pm btw, expect a bump in feed traffic"),
 ("2026-02-26 23:11", "PagerBot", "🔴 FIRING FeedErrorRateHigh (critical) — GET /v2/feed 5xx ratio 17.9% — on-call: Lena Hartmann", "bot"),
 ("2026-02-26 23:13", "Lena Hartmann", "ack. looking"),
 ("2026-02-26 23:16", "Lena Hartmann", "feed-svc pods are getting OOMKilled, two so far (gq2wx at 23:08, k8rmt at 23:13). the restarted ones are warming up and the rest are GC-thrashing"),
 ("2026-02-26 23:20", "Lena Hartmann", "the autumn sale push went out at 23:00, traffic +35%. probably pushed memory over the edge"),
 ("2026-02-26 23:24", "Lena Hartmann", "kubectl -n feed rollout restart deploy/feed-svc to get everyone fresh"),
 ("2026-02-26 23:28", "Lena Hartmann", "4/4 new pods ready, 5xx back to ~0"),
 ("2026-02-26 23:35", "Lena Hartmann", "fixed ✅ looks like the push spike, memory is back to ~600MB per pod. going back to bed, will look at the memory limits in the morning"),
 ("2026-02-27 01:30", "PagerBot", "🔴 FIRING FeedErrorRateHigh (critical) — GET /v2/feed 5xx ratio 26.4% — on-call: Lena Hartmann", "bot"),
 ("2026-02-27 01:32", "Lena Hartmann", "it's back. OOMKills again, b3vqs at 01:27"),
 ("2026-02-27 01:36", "Lena Hartmann", "so it was NOT fixed. the pods I restarted at 23:25 went from 600MB to 2GB in two hours, and the 7.4.0 pods before that climbed steadily from 17:10. ~230MB/h per pod, much faster since 00:30. push campaign was over by 23:30. this is a leak. calling Tomasz"),
 ("2026-02-27 01:38", "Sam Okoye", "Lena just restarted it and went to bed, classic"),
 ("2026-02-27 01:39", "Lena Hartmann", "yeah, I called it fixed too early. the restart hid the slope. noted for the postmortem"),
 ("2026-02-27 01:45", "Tomasz Wójcik", "here. looking at 7.4.0"),
 ("2026-02-27 01:49", "Tomasz Wójcik", "found it. get_ranker() has @lru_cache(maxsize=None) and the key includes the tuple of experiment ids per request, so every combination stays in memory forever. ranker_cache_entries in the gc stats lines goes up with rss. the digest-builder job connects at 00:30 and walks 412k users with every combination, that's the faster slope"),
 ("2026-02-27 01:52", "Lena Hartmann", "decision: roll back to 7.3.2 now"),
 ("2026-02-27 01:53", "Tomasz Wójcik", "argocd rollback feed-svc to 7.3.2 started"),
 ("2026-02-27 02:02", "Tomasz Wójcik", "rollback done, 4/4 on 7.3.2, 5xx gone"),
 ("2026-02-27 02:05", "Sam Okoye", "Tomasz shipped a leak on a Thursday evening, again"),
 ("2026-02-27 02:06", "Lena Hartmann", "Sam, not helpful. the review and tests didn't catch it, that's what we fix"),
 ("2026-02-27 02:41", "Lena Hartmann", "7.3.2 pods flat at ~610MB for 40 min. leaving it there, checking again in the morning"),
 ("2026-02-27 07:28", "Lena Hartmann", "memory flat all night on 7.3.2. impact from the dashboards: 23:08–23:28 ~18% of feed requests failed (~9,400), 01:27–02:01 ~27% (~11,800). app showed 'couldn't load your feed', no data lost"),
 ("2026-02-27 07:30", "Lena Hartmann", "resolving the incident. action items:\n- bound the ranker cache (maxsize + TTL) and add a test that the cache size stays bounded\n- page on ContainerMemoryNearLimit for feed-svc; it fired at 22:20 into a channel nobody watches at night\n- soak test new feed-svc versions for 8h with the digest-builder replay before full rollout\n- on-call guide: after a restart 'fixes' OOMs, check the memory slope before calling it fixed\n- alert on memory growth rate (derivative), not only on % of limit"),
 ("2026-02-27 07:33", "Tomasz Wójcik", "👍 I'll take the cache fix and the test"),
]
out = []
day = None
prev = None
anch = []
def loc(s):
    return datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=SYD)
for row in M:
    s, name, text = row[:3]
    d = loc(s)
    if d.date() != day:
        day = d.date()
        out.append(d.strftime("%-d %B %Y"))
    tag = " APP" if len(row) > 3 else ""
    if not (prev and prev[0] == name and (d - prev[1]).total_seconds() <= 180):
        out.append(f"{name}{tag} — {d.strftime('%d/%m/%Y')} {d.strftime('%-I:%M %p').lower()}")
    prev = (name, d)
    out.extend(text.split("\n"))
chat = "\n".join(out) + "\n"
def A(key, s, sub):
    anch.append((key, sub, loc(s).astimezone(UTC)))
A("c_deploy", "2026-02-26 17:11", "feed-svc 7.4.0 is out")
A("c_restart", "2026-02-26 23:24", "rollout restart deploy/feed-svc")
A("c_fixed", "2026-02-26 23:35", "fixed ✅ looks like the push spike")
A("c_notfixed", "2026-02-27 01:36", "so it was NOT fixed")
A("c_cause", "2026-02-27 01:49", "@lru_cache(maxsize=None)")
A("c_rollback", "2026-02-27 01:52", "decision: roll back to 7.3.2 now")
A("c_rolldone", "2026-02-27 02:02", "rollback done, 4/4 on 7.3.2")
A("c_resolved", "2026-02-27 07:30", "resolving the incident")
A("c_ack", "2026-02-26 23:13", "ack. looking")
c.text("chat.txt", chat, loc("2026-02-26 17:11").astimezone(UTC), loc("2026-02-27 07:33").astimezone(UTC), anchors=anch)

gold = {
 "title": "feed-svc 7.4.0 leaked memory through an unbounded ranker cache; OOMKills six hours after deploy, a restart declared as the fix, OOMs again under the nightly digest load, rolled back",
 "severity": "SEV2",
 "services": ["feed-svc (namespace feed, prod-apse2)", "mobile app feed (GET /v2/feed)", "digest-builder (nightly client)"],
 "start": "2026-02-26T12:08:41Z", "detected": "2026-02-26T12:11:00Z", "mitigated": "2026-02-26T15:01:40Z", "resolved": "2026-02-26T20:30:00Z",
 "timezone": "Australia/Sydney",
 "customer_impact": "App users intermittently saw 'couldn't load your feed' in two windows: 23:08–23:28 on 26 Feb Sydney time (12:08–12:28 UTC), when about 18% of feed requests failed (~9,400), and 01:27–02:01 on 27 Feb Sydney time (14:27–15:01 UTC), when about 27% failed (~11,800). No data was lost.",
 "impact_numbers": ["~18% of feed requests failed 12:08–12:28 UTC (~9,400)", "~27% of feed requests failed 14:27–15:01 UTC (~11,800)", "memory growth ~230 MB/h per pod, faster after the digest job started", "2 GiB container limit, baseline ~600 MB"],
 "root_cause": "feed-svc 7.4.0 (deployed 06:10 UTC, 17:10 Sydney) added @lru_cache(maxsize=None) to get_ranker(), keyed by the tuple of experiment ids of each request, so every combination stayed in memory forever. Pod memory grew about 230 MB per hour from ~600 MB until the containers hit the 2 GiB limit and were OOMKilled about six hours after the deploy; the remaining pods thrashed in GC and requests failed. The rollout restart reset memory but left the leak in place, and the nightly digest-builder job (from 13:30 UTC) requested many more experiment combinations, so the restarted pods reached the limit within about two hours and were OOMKilled again until 7.3.2 was rolled back.",
 "root_cause_keywords": ["memory leak", "unbounded lru_cache (maxsize=None)", "OOMKilled at 2Gi limit", "restart only reset memory", "rollback to 7.3.2"],
 "contributing_factors": [
   "ContainerMemoryNearLimit (from 11:20 UTC) was a warning into a Slack channel nobody watches at night",
   "The restart was declared a fix without checking the memory slope",
   "The autumn-sale push at 23:00 local offered a plausible but wrong explanation",
   "No soak test of new feed-svc versions with production-like traffic (digest-builder replay)",
   "No alert on memory growth rate, only on % of limit"
 ],
 "red_herrings": ["autumn sale push notification traffic spike at 23:00 local", "memory limits too low for the traffic"],
 "timeline": [
   {"time": "2026-02-26T06:10:20Z", "event": "feed-svc 7.4.0 deployed (ranker cache change)", "source": "chat", "must_include": True, "anchor": "c_deploy"},
   {"time": "2026-02-26T11:20:00Z", "event": "ContainerMemoryNearLimit warning to an unwatched channel", "source": "alert", "must_include": True, "anchor": "memwarn"},
   {"time": "2026-02-26T12:00:00Z", "event": "Autumn sale push notification sent (traffic +35%)", "source": "chat", "must_include": False},
   {"time": "2026-02-26T12:08:41Z", "event": "First OOMKill of a 7.4.0 pod; feed 5xx begin", "source": "log", "must_include": True, "anchor": "oom1"},
   {"time": "2026-02-26T12:11:00Z", "event": "FeedErrorRateHigh (17.9%) pages on-call", "source": "alert", "must_include": True, "anchor": "page1"},
   {"time": "2026-02-26T12:13:00Z", "event": "On-call acknowledges", "source": "chat", "must_include": False, "anchor": "c_ack"},
   {"time": "2026-02-26T12:24:00Z", "event": "Rollout restart of feed-svc (still 7.4.0)", "source": "chat", "must_include": True, "anchor": "c_restart"},
   {"time": "2026-02-26T12:28:00Z", "event": "New pods ready, errors stop for now", "source": "chat", "must_include": False},
   {"time": "2026-02-26T12:35:00Z", "event": "Incident declared fixed, attributed to the push spike (false recovery)", "source": "chat", "must_include": True, "anchor": "c_fixed"},
   {"time": "2026-02-26T13:30:00Z", "event": "Nightly digest-builder job starts; leak accelerates", "source": "log", "must_include": False},
   {"time": "2026-02-26T13:58:00Z", "event": "ContainerMemoryNearLimit fires again (non-paging)", "source": "alert", "must_include": False},
   {"time": "2026-02-26T14:27:33Z", "event": "OOMKills return on the restarted pods", "source": "log", "must_include": True, "anchor": "oom2"},
   {"time": "2026-02-26T14:30:30Z", "event": "FeedErrorRateHigh (26.4%) pages again", "source": "alert", "must_include": True, "anchor": "page2"},
   {"time": "2026-02-26T14:36:00Z", "event": "Memory slope shows a leak; the earlier fix was not a fix", "source": "chat", "must_include": True, "anchor": "c_notfixed"},
   {"time": "2026-02-26T14:49:00Z", "event": "Cause found: unbounded lru_cache in get_ranker keyed by experiment ids", "source": "chat", "must_include": True, "anchor": "c_cause"},
   {"time": "2026-02-26T14:52:00Z", "event": "Decision to roll back to 7.3.2", "source": "chat", "must_include": True, "anchor": "c_rollback"},
   {"time": "2026-02-26T15:01:40Z", "event": "Rollback complete (4/4 on 7.3.2); errors stop", "source": "log", "must_include": True, "anchor": "rolldone"},
   {"time": "2026-02-26T15:41:00Z", "event": "Memory flat at ~610 MB on 7.3.2", "source": "chat", "must_include": False},
   {"time": "2026-02-26T20:30:00Z", "event": "Incident resolved after memory stayed flat overnight", "source": "chat", "must_include": True, "anchor": "c_resolved"}
 ],
 "action_items": [
   {"text": "Bound the ranker cache (maxsize + TTL) and test it stays bounded", "evidence": "bound the ranker cache (maxsize + TTL) and add a test that the cache size stays bounded"},
   {"text": "Page on ContainerMemoryNearLimit for feed-svc", "evidence": "page on ContainerMemoryNearLimit for feed-svc; it fired at 22:20 into a channel nobody watches at night"},
   {"text": "8-hour soak test with digest-builder replay before full rollout", "evidence": "soak test new feed-svc versions for 8h with the digest-builder replay before full rollout"},
   {"text": "On-call guide: check the memory slope before calling OOMs fixed after a restart", "evidence": "on-call guide: after a restart 'fixes' OOMs, check the memory slope before calling it fixed"},
   {"text": "Alert on memory growth rate", "evidence": "alert on memory growth rate (derivative), not only on % of limit"}
 ],
 "blame_bait": ["Lena just restarted it and went to bed, classic", "Tomasz shipped a leak on a Thursday evening, again"],
 "secrets": [],
 "injection": None,
 "similar_categories": ["deploy", "capacity"]
}
c.write(gold)
