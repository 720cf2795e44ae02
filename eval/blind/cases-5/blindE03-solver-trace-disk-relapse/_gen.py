#!/usr/bin/env python3
"""Generate blindE03 inputs + gold.json reproducibly and check them. Run: python3 _gen.py"""
import json, os, random, sys, hashlib
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

random.seed(7082026)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
JST = ZoneInfo("Asia/Tokyo")
DAY = "2026-07-08"
def u(hms): return datetime.strptime(f"{DAY} {hms}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
def iso(d): return d.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
def j(hms): return iso(datetime.strptime(f"{DAY} {hms}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=JST))

NODES = {"ip-10-42-3-17": 0, "ip-10-42-3-21": 110, "ip-10-42-3-33": 230}   # stagger (s) of the fill
KPID = {"ip-10-42-3-17": 1532, "ip-10-42-3-21": 1529, "ip-10-42-3-33": 1541}
CPID = {"ip-10-42-3-17": 1108, "ip-10-42-3-21": 1111, "ip-10-42-3-33": 1097}
CFG = u("00:40:31"); RESTART = u("02:29:50"); ROLLBACK = u("04:27:35")
RS0, RS1, RS2, RS3 = "route-planner-7b6c9d5f48", "route-planner-5d9f8b7c66", "route-planner-6b8c7d5f4b", "route-planner-5f9d6c7b8d"
def podnames(rs):
    return [f"{rs}-{''.join(random.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))}" for _ in range(6)]
P1, P2, P3 = podnames(RS1), podnames(RS2), podnames(RS3)
def pods_on(node, t):
    i = list(NODES).index(node)
    ps = P1 if t < RESTART + timedelta(seconds=40) else P2 if t < ROLLBACK + timedelta(seconds=40) else P3
    return ps[2 * i: 2 * i + 2]

def usage(node, t):
    """root fs usage % on a solver node"""
    s = NODES[node]
    if t < CFG: return 45.8 + 0.002 * (t - u("00:00:00")).total_seconds() / 60
    if t < RESTART + timedelta(seconds=150 + s / 10):
        return min(100.0, 44.8 + 0.66 * ((t - CFG).total_seconds() - s) / 60)
    t1 = RESTART + timedelta(seconds=150 + s / 10)
    if t < ROLLBACK + timedelta(seconds=140 + s / 10):
        return min(100.0, 44.2 + 0.605 * ((t - t1).total_seconds() - s) / 60)
    return 41.3 + 0.001 * (t - ROLLBACK).total_seconds() / 60
def full_at(node, lo, hi):
    t = lo
    while t < hi:
        if usage(node, t) >= 100: return t
        t += timedelta(seconds=1)
def cross(node, lo, hi, pct):
    t = lo
    while t < hi:
        if usage(node, t) >= pct: return t
        t += timedelta(seconds=1)

W1 = {n: full_at(n, u("01:30:00"), u("02:30:00")) for n in NODES}
W2 = {n: full_at(n, u("03:30:00"), u("04:28:00")) for n in NODES}
DP1 = {n: cross(n, u("01:00:00"), u("02:30:00"), 90) for n in NODES}
DP2 = {n: cross(n, u("03:00:00"), u("04:28:00"), 90) for n in NODES}
START1 = min(W1.values()); START2 = min(W2.values())

# ---------------------------------------------------------------- systemd journal (short-iso, hosts in UTC)
J = []
def jl(t, host, unit, msg):
    J.append((t, f"{t.strftime('%Y-%m-%dT%H:%M:%S')}+00:00 {host} {unit}: {msg}"))
def kl(t, host, lvl, src, msg):
    us = f"{random.randint(0, 999999):06d}"
    jl(t, host, f"kubelet[{KPID[host]}]", f"{lvl}{t.strftime('%m%d %H:%M:%S')}.{us}    {KPID[host]} {src}] {msg}")

t0, tend = u("00:30:00"), u("05:45:00")
for node in NODES:
    t = t0 + timedelta(seconds=random.randint(0, 50))
    while t < tend:
        us_ = usage(node, t)
        # image GC manager every 5 min when over the high threshold (85%)
        if t.minute % 5 == 0 and t.second < 60 and us_ >= 85:
            amount = int((us_ - 80) / 100 * 214748364800)
            kl(t, node, "I", "image_gc_manager.go:391", f"\"Disk usage on image filesystem is over the high threshold, trying to free bytes down to the low threshold\" usage={int(us_)} highThreshold=85 amountToFree={amount} lowThreshold=80")
            kl(t + timedelta(milliseconds=700), node, "E", "kubelet.go:1512", f"\"Image garbage collection failed multiple times in a row\" err=\"Failed to garbage collect required amount of images. Attempted to free {amount} bytes, but only found 0 bytes eligible to free.\"")
        # readiness probe failures when disk is full
        if us_ >= 100:
            for p in pods_on(node, t):
                if random.random() < .55:
                    kl(t + timedelta(seconds=random.uniform(0, 50)), node, "I", "prober.go:107", f"\"Probe failed\" probeType=\"Readiness\" pod=\"routing/{p}\" podUID=\"{hashlib.md5(p.encode()).hexdigest()[:8]}-{hashlib.md5(p.encode()).hexdigest()[8:12]}-4c1e-9a2b-{hashlib.md5(p.encode()).hexdigest()[12:24]}\" containerName=\"solver\" probeResult=\"failure\" output=\"HTTP probe failed with statuscode: 503\"")
            if random.random() < .4:
                jl(t + timedelta(seconds=random.uniform(0, 59)), node, "systemd-journald[412]", "Failed to write entry (22 items, 671 bytes), ignoring: No space left on device")
            if random.random() < .25:
                jl(t + timedelta(seconds=random.uniform(0, 59)), node, f"containerd[{CPID[node]}]", f"time=\"{t.strftime('%Y-%m-%dT%H:%M:%S')}.{random.randint(100000000, 999999999)}Z\" level=error msg=\"failed to write log\" error=\"write /var/log/pods/routing_{pods_on(node, t)[0]}/solver/0.log: no space left on device\"")
        # noise
        r = random.random()
        if r < .05:
            jl(t + timedelta(seconds=random.uniform(0, 59)), node, "chronyd[734]", "Selected source 169.254.169.123")
        elif r < .10:
            kl(t + timedelta(seconds=random.uniform(0, 59)), node, "I", "reconciler_common.go:258", f"\"operationExecutor.VerifyControllerAttachedVolume started for volume \\\"kube-api-access-{random.randint(10000, 99999):x}\\\"\"")
        elif r < .14:
            jl(t + timedelta(seconds=random.uniform(0, 59)), node, f"containerd[{CPID[node]}]", f"time=\"{t.strftime('%Y-%m-%dT%H:%M:%S')}.{random.randint(100000000, 999999999)}Z\" level=info msg=\"ImageCreate event name:\\\"sha256:{random.getrandbits(128):032x}\\\" labels:{{key:\\\"io.cri-containerd.image\\\" value:\\\"managed\\\"}}\"")
        elif r < .17:
            jl(t + timedelta(seconds=random.uniform(0, 59)), node, "systemd[1]", random.choice(["Starting sysstat-collect.service - system activity accounting tool...", "sysstat-collect.service: Deactivated successfully.", "Finished sysstat-collect.service - system activity accounting tool."]))
        t += timedelta(minutes=1)
    # DiskPressure transitions + evictions (window 1 and 2)
    for dp, full, lbl in ((DP1[node], W1[node], 1), (DP2[node], W2[node], 2)):
        kl(dp, node, "I", "kubelet_node_status.go:679", f"\"Recording event message for node\" node=\"{node}\" event=\"NodeHasDiskPressure\"")
        kl(dp + timedelta(seconds=3), node, "W", "eviction_manager.go:366", "\"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"")
        kl(dp + timedelta(seconds=3), node, "I", "container_gc.go:88", "\"Attempting to delete unused containers\"")
        kl(dp + timedelta(seconds=4), node, "I", "image_gc_manager.go:392", "\"Attempting to delete unused images\"")
        kl(dp + timedelta(seconds=5), node, "I", "eviction_manager.go:377", "\"Eviction manager: must evict pod(s) to reclaim\" resourceName=\"ephemeral-storage\"")
        victims = [f"logging/fluent-bit-{random.getrandbits(20):05x}", f"routing/tile-cache-warmer-29{random.randint(100000, 999999)}-{random.getrandbits(20):05x}"]
        kl(dp + timedelta(seconds=5), node, "I", "eviction_manager.go:395", f"\"Eviction manager: pods ranked for eviction\" pods=[\"{victims[0]}\",\"{victims[1]}\",\"routing/{pods_on(node, dp)[0]}\",\"routing/{pods_on(node, dp)[1]}\"]")
        kl(dp + timedelta(seconds=8), node, "I", "eviction_manager.go:616", f"\"Eviction manager: pod is evicted successfully\" pod=\"{victims[0]}\"")
        kl(dp + timedelta(seconds=19), node, "I", "eviction_manager.go:207", "\"Eviction manager: pods evicted, waiting for pod to be cleaned up\" pods=[\"" + victims[0] + "\"]")
        kl(dp + timedelta(seconds=52), node, "I", "eviction_manager.go:616", f"\"Eviction manager: pod is evicted successfully\" pod=\"{victims[1]}\"")
        kl(dp + timedelta(seconds=130), node, "W", "eviction_manager.go:366", "\"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"")
        kl(dp + timedelta(seconds=131), node, "I", "eviction_manager.go:450", "\"Eviction manager: unable to evict any pods from the node\"")
    # recovery after restart / rollback
    for when, rs_new, tag in ((RESTART, P2, "restart"), (ROLLBACK, P3, "rollback")):
        i = list(NODES).index(node)
        st = when + timedelta(seconds=20 + 35 * i)
        for k, p in enumerate(rs_new[2 * i: 2 * i + 2]):
            tt = st + timedelta(seconds=18 * k)
            jl(tt, node, f"containerd[{CPID[node]}]", f"time=\"{tt.strftime('%Y-%m-%dT%H:%M:%S')}.{random.randint(100000000, 999999999)}Z\" level=info msg=\"StartContainer for \\\"{random.getrandbits(64):016x}\\\" returns successfully\"")
        old = pods_on(node, when)
        for k, p in enumerate(old):
            tt = st + timedelta(seconds=25 + 18 * k)
            kl(tt, node, "I", "kuberuntime_container.go:779", f"\"Killing container with a grace period\" pod=\"routing/{p}\" containerName=\"solver\" gracePeriod=30")
        clear = when + timedelta(seconds=150 + NODES[node] / 10 + 60)
        kl(clear, node, "I", "kubelet_node_status.go:679", f"\"Recording event message for node\" node=\"{node}\" event=\"NodeHasNoDiskPressure\"")
# responders on the nodes
def ssh(t, host, user, cmds):
    pid = random.randint(20000, 99999)
    jl(t, host, f"sshd[{pid}]", f"Accepted publickey for {user} from 10.8.2.{random.randint(10, 60)} port {random.randint(40000, 65000)} ssh2: ED25519 SHA256:{random.getrandbits(160):040x}"[:160])
    jl(t, host, f"sshd[{pid}]", f"pam_unix(sshd:session): session opened for user {user}(uid=1{random.randint(100, 999)}) by (uid=0)")
    for k, c in enumerate(cmds):
        tt = t + timedelta(seconds=40 + 35 * k)
        jl(tt, host, f"sudo[{pid + 7 + k}]", f"{user} : TTY=pts/0 ; PWD=/home/{user} ; USER=root ; COMMAND={c}")
ssh(u("02:12:05"), "ip-10-42-3-17", "nakamura", ["/usr/bin/df -h /", "/usr/bin/crictl images", "/usr/bin/du -sh /var/log/pods /var/lib/containerd"])
for k, n in enumerate(NODES):
    ssh(u("02:30:20") + timedelta(seconds=45 * k), n, "yamamoto", ["/usr/bin/crictl rmi --prune"])
ssh(u("03:58:40"), "ip-10-42-3-21", "nakamura", ["/usr/bin/df -h /", "/usr/bin/du -xsh /var/lib/route-planner/trace", "/usr/bin/ls -la /var/lib/route-planner/trace"])
ssh(u("04:32:10"), "ip-10-42-3-21", "nakamura", ["/usr/bin/df -h /", "/usr/bin/du -xsh /var/lib/route-planner/trace"])
J.sort(key=lambda x: x[0])
J = [x for x in J if t0 <= x[0] < tend]
def first_visible(lo, hi):
    return min(t for t, l in J if lo <= t < hi and ("No space left" in l or "Probe failed" in l))
START1 = first_visible(u("01:30:00"), u("02:30:00")); START2 = first_visible(u("03:30:00"), u("04:28:00"))
with open(os.path.join(HERE, "journal_solver-pool.txt"), "w") as f:
    f.write(f"-- Journal begins at Mon 2026-06-29 03:12:44 UTC, ends at Wed 2026-07-08 05:44:59 UTC. --\n")
    f.write("\n".join(l for _, l in J) + "\n")

# ---------------------------------------------------------------- kubectl get events captures
EV = []  # (last, ns, type, reason, object, count, message, first)
def ev(first, ns, typ, reason, obj, msg, last=None, count=1):
    EV.append((last or first, ns, typ, reason, obj, count, msg, first))
for node in NODES:
    for dp, ok_ in ((DP1[node], RESTART + timedelta(seconds=210 + NODES[node] / 10)), (DP2[node], ROLLBACK + timedelta(seconds=210 + NODES[node] / 10))):
        ev(dp, "default", "Normal", "NodeHasDiskPressure", f"node/{node}", f"Node {node} status is now: NodeHasDiskPressure")
        ev(dp + timedelta(seconds=3), "default", "Warning", "EvictionThresholdMet", f"node/{node}", "Attempting to reclaim ephemeral-storage", last=dp + timedelta(seconds=133), count=2)
        ev(dp + timedelta(seconds=300), "default", "Warning", "FreeDiskSpaceFailed", f"node/{node}", f"Failed to garbage collect required amount of images. Attempted to free {random.randint(21, 38) * 1073741824} bytes, but only found 0 bytes eligible to free.", last=ok_ - timedelta(seconds=200), count=random.randint(5, 8))
        ev(dp + timedelta(seconds=8), "logging", "Warning", "Evicted", f"pod/fluent-bit-{random.getrandbits(20):05x}", f"The node was low on resource: ephemeral-storage. Threshold quantity: 20971520Ki, available: {random.randint(19000000, 20900000)}Ki. Container fluent-bit was using {random.randint(900000, 1300000)}Ki, request is 0, has larger consumption of ephemeral-storage.")
        ev(ok_, "default", "Normal", "NodeHasNoDiskPressure", f"node/{node}", f"Node {node} status is now: NodeHasNoDiskPressure")
    for full, pset in ((W1[node], P1), (W2[node], P2)):
        for p in pods_on(node, full):
            endw = (RESTART if pset is P1 else ROLLBACK) + timedelta(seconds=150 + NODES[node] / 10 + 55)
            ev(full + timedelta(seconds=random.randint(3, 12)), "routing", "Warning", "Unhealthy", f"pod/{p}", "Readiness probe failed: HTTP probe failed with statuscode: 503", last=endw, count=int((endw - full).total_seconds() / 10))
for when, old, new, tag in ((CFG, RS0, RS1, "config"), (RESTART, RS1, RS2, "restart"), (ROLLBACK, RS2, RS3, "rollback")):
    for k in range(6):
        ev(when + timedelta(seconds=12 * k), "routing", "Normal", "ScalingReplicaSet", "deployment/route-planner", f"Scaled up replica set {new} to {k + 1} from {k}")
        ev(when + timedelta(seconds=12 * k + 9), "routing", "Normal", "ScalingReplicaSet", "deployment/route-planner", f"Scaled down replica set {old} to {5 - k} from {6 - k}")
ev(u("02:02:30"), "routing", "Warning", "FailedScheduling", "pod/tile-cache-warmer-29201520-x8k2q", "0/9 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 6 node(s) didn't match Pod's node affinity/selector. preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling.", last=u("02:33:00"), count=31)
ev(u("03:15:02"), "routing", "Normal", "SuccessfulCreate", "job/tile-cache-warmer-29201595", "Created pod: tile-cache-warmer-29201595-lq7dn")
ev(u("03:15:40"), "routing", "Normal", "Completed", "job/tile-cache-warmer-29201595", "Job completed")
ev(u("01:20:11"), "eta", "Normal", "SuccessfulRescale", "horizontalpodautoscaler/eta-api", "New size: 8; reason: cpu resource utilization (percentage of request) above target")
ev(u("02:55:14"), "eta", "Normal", "SuccessfulRescale", "horizontalpodautoscaler/eta-api", "New size: 6; reason: All metrics below target")
EV.sort(key=lambda e: e[0])
def capture(at):
    rows = sorted([e for e in EV if e[0] >= at - timedelta(hours=1) and e[7] <= at], key=lambda e: min(e[0], at))
    w = [4 + 20, 10, 8, 22, 45, 6]
    out = [f"$ date -u; kubectl get events -A --sort-by=.lastTimestamp -o custom-columns=LAST:.lastTimestamp,NAMESPACE:.metadata.namespace,TYPE:.type,REASON:.reason,OBJECT:.involvedObject.name,COUNT:.count,MESSAGE:.message",
           at.strftime("%a %b %d %H:%M:%S UTC %Y").replace(" 0", "  ", 1) if False else at.strftime("%a %b %e %H:%M:%S UTC %Y"),
           f"{'LAST':<22}{'NAMESPACE':<11}{'TYPE':<9}{'REASON':<23}{'OBJECT':<42}{'COUNT':<7}MESSAGE"]
    for last, ns, typ, reason, obj, count, msg, first in rows:
        cnt = count if last <= at else max(1, int(count * (at - first).total_seconds() / max(1, (last - first).total_seconds())))
        lt = min(last, at)
        out.append(f"{iso(lt):<22}{ns:<11}{typ:<9}{reason:<23}{obj.split('/')[1]:<42}{cnt:<7}{msg}")
    return out
K = []
for at in (u("02:21:37"), u("04:19:52"), u("04:58:20")):
    K += capture(at) + [""]
with open(os.path.join(HERE, "k8s_events.txt"), "w") as f:
    f.write("# kubectl get events pasted by the on-call during the incident (events are kept 1h)\n\n" + "\n".join(K))

# ---------------------------------------------------------------- Grafana unified alerting webhooks
EXT = "https://grafana.tsubame-logi.example/"
def gw(name, status, labels_list, starts, ends, values, annotations, receiver):
    alerts = []
    for lab, st, en, val in zip(labels_list, starts, ends, values):
        labels = {"alertname": name, "grafana_folder": "routing" if "Route" in name else "infra", **lab}
        fp = hashlib.sha1(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]
        vs = ", ".join(f"[ var='{k}' labels={{{', '.join(f'{a}={b}' for a, b in lab.items())}}} value={v} ]" for k, v in val.items())
        alerts.append({"status": status, "labels": labels, "annotations": annotations, "startsAt": st, "endsAt": en,
                       "generatorURL": f"{EXT}alerting/grafana/{'rp5xx01' if 'Route' in name else 'nfs0001'}/view?orgId=1", "fingerprint": fp,
                       "silenceURL": f"{EXT}alerting/silence/new?alertmanager=grafana&matcher=alertname%3D{name}", "dashboardURL": f"{EXT}d/solver-pool?orgId=1", "panelURL": f"{EXT}d/solver-pool?orgId=1&viewPanel=4",
                       "values": val if status == "firing" else None, "valueString": vs if status == "firing" else ""})
    common = {k: v for k, v in alerts[0]["labels"].items() if all(a["labels"].get(k) == v for a in alerts)}
    n = len(alerts)
    title = f"[{status.upper()}:{n}] {name} {common['grafana_folder']} ({' '.join(v for k, v in common.items() if k not in ('alertname', 'grafana_folder'))})"
    msg = f"**{'Firing' if status == 'firing' else 'Resolved'}**\n\n" + "\n".join(f"Value: {', '.join(f'{k}={v}' for k, v in a['values'].items()) if a['values'] else '[no value]'}\nLabels:\n" + "\n".join(f" - {k} = {v}" for k, v in a["labels"].items()) + f"\nAnnotations:\n - summary = {annotations['summary']}\nSource: {a['generatorURL']}\n" for a in alerts)
    return {"receiver": receiver, "status": status, "orgId": 1, "alerts": alerts, "groupLabels": {"alertname": name, "grafana_folder": common["grafana_folder"]},
            "commonLabels": common, "commonAnnotations": annotations, "externalURL": EXT, "version": "1",
            "groupKey": f"{{}}/{{__grafana_autogenerated__=\"true\"}}/{{__grafana_receiver__=\"{receiver}\"}}:{{alertname=\"{name}\", grafana_folder=\"{common['grafana_folder']}\"}}",
            "truncatedAlerts": 0, "orgId": 1, "title": title, "state": "alerting" if status == "firing" else "ok", "message": msg}
NA = {"summary": "Root filesystem above 80% on a solver-pool node", "runbook_url": "https://wiki.tsubame-logi.example/runbooks/node-disk"}
RA = {"summary": "route-planner 5xx ratio above 5% for 2m", "description": "POST /v2/routes failing; dispatch cannot assign routes", "runbook_url": "https://wiki.tsubame-logi.example/runbooks/route-planner"}
nl = [{"instance": f"{n}:9100", "mountpoint": "/", "severity": "warning", "team": "platform"} for n in NODES]
rl = [{"service": "route-planner", "severity": "critical", "team": "routing"}]
ZERO = "0001-01-01T00:00:00Z"
def fl(t): return iso(t.replace(second=0) + timedelta(minutes=1))
n80_1 = {n: cross(n, u("01:00:00"), u("02:30:00"), 80) for n in NODES}
n80_2 = {n: cross(n, u("03:00:00"), u("04:28:00"), 80) for n in NODES}
A_RP1 = START1.replace(second=0) + timedelta(minutes=3)   # for: 2m, eval every 1m
A_RP2 = START2.replace(second=0) + timedelta(minutes=3)
R_RP1 = u("02:38:00"); R_RP2 = u("04:36:00")
hooks = [
    gw("PostgresReplicationLag", "firing", [{"instance": "pg-routing-2", "severity": "warning", "team": "platform"}], ["2026-07-08T00:51:00Z"], [ZERO], [{"A": 42.7, "C": 1}], {"summary": "replica lag > 30s"}, "slack-platform-nonpaging"),
    gw("PostgresReplicationLag", "resolved", [{"instance": "pg-routing-2", "severity": "warning", "team": "platform"}], ["2026-07-08T00:51:00Z"], ["2026-07-08T00:58:00Z"], [{}], {"summary": "replica lag > 30s"}, "slack-platform-nonpaging"),
    gw("NodeFilesystemAlmostFull", "firing", nl, [fl(n80_1[n] + timedelta(minutes=2)) for n in NODES], [ZERO] * 3, [{"A": round(usage(n, n80_1[n] + timedelta(minutes=3)), 1), "C": 1} for n in NODES], NA, "slack-platform-nonpaging"),
    gw("RoutePlanner5xxHigh", "firing", rl, [iso(A_RP1)], [ZERO], [{"A": 0.413, "C": 1}], RA, "oncall-routing"),
    gw("NodeFilesystemAlmostFull", "resolved", nl, [fl(n80_1[n] + timedelta(minutes=2)) for n in NODES], [iso(RESTART + timedelta(minutes=5))] * 3, [{}] * 3, NA, "slack-platform-nonpaging"),
    gw("RoutePlanner5xxHigh", "resolved", rl, [iso(A_RP1)], [iso(R_RP1)], [{}], RA, "oncall-routing"),
    gw("NodeFilesystemAlmostFull", "firing", nl, [fl(n80_2[n] + timedelta(minutes=2)) for n in NODES], [ZERO] * 3, [{"A": round(usage(n, n80_2[n] + timedelta(minutes=3)), 1), "C": 1} for n in NODES], NA, "slack-platform-nonpaging"),
    gw("RoutePlanner5xxHigh", "firing", rl, [iso(A_RP2)], [ZERO], [{"A": 0.587, "C": 1}], RA, "oncall-routing"),
    gw("NodeFilesystemAlmostFull", "resolved", nl, [fl(n80_2[n] + timedelta(minutes=2)) for n in NODES], [iso(ROLLBACK + timedelta(minutes=5))] * 3, [{}] * 3, NA, "slack-platform-nonpaging"),
    gw("RoutePlanner5xxHigh", "resolved", rl, [iso(A_RP2)], [iso(R_RP2)], [{}], RA, "oncall-routing"),
]
with open(os.path.join(HERE, "grafana_webhooks.json"), "w") as f:
    json.dump(hooks, f, ensure_ascii=False, indent=2)

# ---------------------------------------------------------------- WeeChat log (#ops-routing, local JST, zone not stated)
def hm(t): return t.astimezone(JST).strftime("%H:%M")
C = []
def c(hms, nick, text): C.append((hms, nick, text))
c("08:58:03", "-->", "yamamoto (~yamamoto@10.8.2.21) has joined #ops-routing")
c("08:58:03", "--", "Topic for #ops-routing is \"route-planner / eta / dispatch | on-call: yamamoto | runbooks: wiki/runbooks\"")
c("09:02:44", "-->", "nakamura (~nakamura@10.8.2.14) has joined #ops-routing")
c("09:15:20", "kobayashi", "おはようございます。今日は11時から Warehouse Ginza のバッチ取込があります")
c("09:38:02", "sato_k", "route-planner の solver trace 有効化 PR #1187 マージしました。ルート品質の調査用、staging で数日回します")
c("09:40:41", "argocd", "routing-prod: Synced to a3f9e1c (Merge pull request #1187 from sato_k/solver-trace) — Healthy")
c("09:41:10", "lee", "morning. eta-api HPA is flapping a bit, I'll look after standup")
c("10:20:33", "nakamura", "今日のランチ、カレーの人？")
c("10:21:02", "kobayashi", "🙋")
c(hm(datetime.fromisoformat(fl(n80_1["ip-10-42-3-17"] + timedelta(minutes=2)).replace("Z", "+00:00"))) + ":15", "grafana", f"[FIRING:3] NodeFilesystemAlmostFull infra (/ warning platform) ip-10-42-3-17 ip-10-42-3-21 ip-10-42-3-33")
c(hm(A_RP1) + ":14", "grafana", "[FIRING:1] RoutePlanner5xxHigh routing (route-planner critical routing) A=0.413")
c("11:08:02", "tanaka_disp", "ドライバーアプリでルートが出ないと連絡多数です！！")
c("11:08:40", "yamamoto", "ack. 見てます")
c("11:10:12", "yamamoto", "route-planner 6/6 not ready, readiness 503. solver pool の3ノード全部 DiskPressure")
c("11:12:30", "nakamura", "ip-10-42-3-17 の / が 100%。images?")
c("11:13:05", "yamamoto", "先週のノードイメージ更新で containerd のイメージが溜まってるのでは")
c("11:15:48", "nakamura", "kubelet の image GC が何も消せてない: \"only found 0 bytes eligible to free\"。/var/lib/containerd は 31G、/var/log/pods は 2G")
c("11:16:30", "lee", "fluent-bit buffer? it was lagging yesterday")
c("11:18:02", "yamamoto", "fluent-bit は evict されてる、buffer 1.2G。それじゃない")
c("11:19:11", "kobayashi", "Ginza のバッチ取込が11時開始なので負荷では？")
c("11:20:40", "lee", "load is normal, CPU 40% on the pool. this is disk, not load")
c("11:22:09", "tanaka_disp", "まだですか？午前便の再配達ルートが組めません")
c("11:22:50", "ito_m", "IC は伊藤がやります。yamamoto は ops、nakamura は調査継続、tanaka さんへの連絡は私から")
c("11:24:17", "yamamoto", "とりあえず route-planner を restart して、ノードのイメージも prune します")
c("11:24:40", "ito_m", "了解、やってください")
c("11:29:55", "yamamoto", "kubectl -n routing rollout restart deploy/route-planner 実行。crictl rmi --prune を3ノードで")
c("11:33:40", "yamamoto", "DiskPressure 解除。/ 44%")
c("11:36:12", "yamamoto", "pods 6/6 Ready, 5xx 0")
c("11:37:01", "lee", "looks good now. disk 100 -> 44%, prune freed that much??")
c("11:38:20", "nakamura", "prune で消えたのは 3GB くらい… 残りの 50G はどこから？")
c("11:39:02", "ito_m", "一旦 mitigated とします。原因の調査は続けてください")
c("11:40:30", "tanaka_disp", "ルート出るようになりました、ありがとうございます")
c(hm(R_RP1) + ":09", "grafana", "[RESOLVED] RoutePlanner5xxHigh routing (route-planner critical routing)")
c("11:45:51", "nakamura", "restart で何かがファイルを消してる気がする。午後に見ます")
c("11:47:02", "lee", "maybe deleted-but-open files? restart releases the fds")
c("11:48:30", "nakamura", "lsof で (deleted) は見当たらなかった")
c("12:02:10", "<--", "kobayashi (~kobayashi@10.8.2.33) has quit (Ping timeout: 240 seconds)")
c("12:05:44", "yamamoto", "昼行きます、携帯は持ってます")
c("12:17:18", "lee", "3-17 / at 71% again? after the restart it was 44")
c("12:18:02", "nakamura", "ログかな。様子見ます")
c(hm(cross("ip-10-42-3-17", u("03:00:00"), u("04:28:00"), 80) + timedelta(minutes=3)) + ":22", "grafana", "[FIRING:3] NodeFilesystemAlmostFull infra (/ warning platform) ip-10-42-3-17 ip-10-42-3-21 ip-10-42-3-33")
c("12:45:30", "lee", "it's filling again, ~0.6%/min per node, same curve as this morning. something writes ~1.2 GB/min")
c("12:47:10", "ito_m", "ETA は？ このペースだと1時過ぎに100%？")
c("12:48:02", "lee", "around 13:05")
c("12:58:41", "nakamura", "ip-10-42-3-21 に入って du 中")
c(hm(A_RP2) + ":16", "grafana", "[FIRING:1] RoutePlanner5xxHigh routing (route-planner critical routing) A=0.587")
c("13:07:12", "tanaka_disp", "また出ません！")
c("13:07:40", "ito_m", "再発。incident 継続、影響 2回目です")
c("13:09:03", "nakamura", "見つけた: /var/lib/route-planner/trace = 58G。solver trace のファイル、solve ごとに約2MB。hostPath なので kubelet は pod の ephemeral-storage に数えてない → route-planner は evict されず、fluent-bit とかが evict されてた")
c("13:09:50", "nakamura", "起動時に古い trace を消す処理があるので、restart で一旦空いただけ")
c("13:10:31", "nakamura", "trace は route-planner-config の solver.trace.enabled: true。PR #1187 が overlays/staging じゃなくて base/ を変更してる")
c("13:11:05", "lee", "whoever enabled trace in prod should lose merge rights")
c("13:11:40", "kobayashi", "また佐藤さんのconfigミスか…ちゃんとレビューしてよ")
c("13:12:30", "ito_m", "個人を責めるのはやめましょう。レビューでも CI でも prod への差分が見えなかった、という仕組みの問題です。まず rollback")
c("13:13:02", "sato_k", "overlay のつもりで base を変更していました。revert PR #1192 出します")
c("13:16:44", "yamamoto", "#1192 approve しました")
c("13:27:41", "argocd", "routing-prod: Synced to 7c21d0b (Revert \"enable solver trace\" #1192) — Progressing")
c("13:28:05", "sato_k", "merged, argo sync 済み")
c("13:31:20", "yamamoto", "新しい pod は trace off、起動時に trace ディレクトリが空になった。DiskPressure 解除")
c("13:32:40", "yamamoto", "5xx 0, pods 6/6 Ready")
c("13:34:20", "nakamura", "3-21: / 41%、trace ディレクトリ増えてない")
c(hm(R_RP2) + ":09", "grafana", "[RESOLVED] RoutePlanner5xxHigh routing (route-planner critical routing)")
c("13:45:12", "tanaka_disp", "影響: 1回目 11:04〜11:36 に route request 失敗 1,930件、2回目 13:04〜13:33 に 1,610件。ドライバー約420人が待ち、遅配 37件")
c("13:47:30", "ito_m", "ありがとうございます。1時間様子を見て、ディスクが横ばいなら resolved にします")
c("14:39:15", "lee", "1 hour flat at 41% on all 3 nodes, no evictions, no probe failures")
c("14:40:02", "ito_m", "resolved にします。お疲れさまでした。postmortem は金曜")
c("14:44:30", "ito_m", "action items (draft):\n")
AI_LINES = [
    "NodeFilesystemAlmostFull をページング対象にする (warning は誰も見ていなかった)",
    "trace は emptyDir + sizeLimit 5Gi に移す (hostPath だと kubelet が数えない)",
    "base/ を変更する PR では CI で prod の diff を表示する",
    "debug/trace flags must be blocked in prod overlays by policy",
    "restart で直っても原因不明なら mitigated で終わらせず、ディスク増加率を確認する",
    "runbook: DiskPressure のときは du -x / を最初に見る",
]
C.pop()
for k, line in enumerate(AI_LINES):
    c(f"14:44:{30 + k:02d}", "ito_m", f"- {line}")
c("14:46:10", "lee", "+1 on sizeLimit, and a per-node disk growth-rate alert would have caught the relapse at 12:30")
c("14:47:02", "ito_m", "追加: per-node disk growth-rate alert")
c("14:52:30", "<--", "tanaka_disp (~tanaka@10.8.5.7) has quit (Quit: WeeChat 4.3.1)")
C.sort(key=lambda x: x[0])
with open(os.path.join(HERE, "weechat_ops-routing.log"), "w") as f:
    for hms, nick, text in C:
        pre = {"yamamoto": "@yamamoto", "ito_m": "@ito_m"}.get(nick, nick)
        f.write(f"{DAY} {hms}\t{pre}\t{text}\n")
NMSG = sum(1 for _, n, _ in C if n not in ("-->", "<--", "--"))

# ---------------------------------------------------------------- gold
first_unhealthy = min(W1.values())
mit1 = RESTART + timedelta(seconds=150 + 23 + 60)   # last node clears + pods ready (~02:34-02:36)
gold = {
    "title": "route-planner outage twice in one day: solver trace files filled the solver-pool node disks; a restart bought 90 minutes and the config rollback fixed it",
    "severity": "SEV2",
    "services": ["route-planner (namespace routing)", "solver node pool (ip-10-42-3-17/21/33)", "route-planner-config ConfigMap (PR #1187, revert #1192)", "Argo CD routing-prod", "dispatch / driver app routing"],
    "start": iso(START1), "detected": iso(A_RP1), "mitigated": j("13:32:40"), "resolved": j("14:40:02"),
    "timezone": "Asia/Tokyo",
    "customer_impact": "Drivers and dispatch could not get routes from route-planner (POST /v2/routes failed with 5xx) in two windows: 02:04-02:36 UTC (11:04-11:36 JST) and again 04:04-04:33 UTC (13:04-13:33 JST). Dispatch counted 1,930 failed route requests in the first window and 1,610 in the second. About 420 drivers waited for routes and 37 deliveries were late. Morning re-delivery routes could not be built during the first window.",
    "impact_numbers": ["1,930 failed route requests in window 1 (11:04-11:36 JST)", "1,610 failed route requests in window 2 (13:04-13:33 JST)", "~420 drivers waiting", "37 late deliveries", "two impact windows, ~32 + ~29 min", "node root filesystems 100% full (trace dir 58G per node)"],
    "root_cause": "PR #1187 was meant to enable solver tracing in staging only, but it changed the base kustomization, so Argo CD synced solver.trace.enabled: true to routing-prod at 00:40 UTC (09:40 JST). Every solve then wrote a ~2 MB trace file to the hostPath /var/lib/route-planner/trace, about 0.6% of each solver node's root disk per minute. kubelet does not count hostPath against a pod's ephemeral storage, so DiskPressure evicted fluent-bit and the tile-cache warmer instead of route-planner and reclaimed nothing. When the disks reached 100%, route-planner readiness failed (503) on all six pods. The 11:29 JST rollout restart freed space only because the app deletes old trace files at startup, so the disks filled again in about 90 minutes and the outage came back. Reverting the config (PR #1192, synced 13:27 JST) stopped the writes and fixed it.",
    "root_cause_keywords": ["solver trace enabled in prod by PR #1187 (base/ instead of staging overlay)", "trace files on hostPath filled node root disk", "kubelet eviction could not reclaim (hostPath not counted)", "restart only cleared old traces: relapse after ~90 min", "config rollback/revert #1192"],
    "contributing_factors": [
        "The kustomize base/overlay layout let a staging-only change reach prod, and the PR diff did not show the prod effect",
        "The NodeFilesystemAlmostFull warning (>80%) went to a non-paging channel and was ignored both times",
        "hostPath storage is invisible to kubelet ephemeral-storage accounting and eviction",
        "The restart was treated as a mitigation without finding where the space came from",
        "No disk growth-rate alert; the refill at 12:30 JST was noticed but put down to logs",
    ],
    "red_herrings": ["containerd images left over from last week's node image upgrade (image GC / crictl prune)", "fluent-bit buffer backlog", "Warehouse Ginza batch import load at 11:00 JST", "eta-api HPA flapping", "deleted-but-open files"],
    "timeline": [
        {"time": iso(CFG), "event": "Argo CD syncs PR #1187 to routing-prod; route-planner rolls with solver.trace.enabled: true (09:40 JST)", "source": "chat", "must_include": True, "evidence": "routing-prod: Synced to a3f9e1c (Merge pull request #1187"},
        {"time": fl(n80_1["ip-10-42-3-17"] + timedelta(minutes=2)), "event": "Non-paging NodeFilesystemAlmostFull warning for the 3 solver nodes; nobody acts", "source": "alert", "must_include": True, "evidence": "Root filesystem above 80% on a solver-pool node"},
        {"time": iso(min(DP1.values())), "event": "DiskPressure on the solver nodes; eviction manager evicts fluent-bit/tile-cache-warmer but cannot reclaim", "source": "log", "must_include": False},
        {"time": iso(START1), "event": "Root disk 100% on the first node; route-planner readiness fails (503), route requests fail (impact window 1 starts)", "source": "log", "must_include": True, "evidence": "No space left on device"},
        {"time": iso(A_RP1), "event": "RoutePlanner5xxHigh fires (critical, paging) (detection); acked 11:08 JST", "source": "alert", "must_include": True, "evidence": "[FIRING:1] RoutePlanner5xxHigh"},
        {"time": j("11:13:05"), "event": "Hypotheses: leftover containerd images, fluent-bit, batch import load (all wrong)", "source": "chat", "must_include": False},
        {"time": iso(RESTART), "event": "First mitigation: rollout restart of route-planner + crictl rmi --prune", "source": "chat", "must_include": True, "evidence": "kubectl -n routing rollout restart deploy/route-planner"},
        {"time": j("11:36:12"), "event": "Pods 6/6 Ready, 5xx 0, disk 44%: impact window 1 ends (~02:36 UTC)", "source": "chat", "must_include": True, "evidence": "pods 6/6 Ready, 5xx 0"},
        {"time": j("11:37:01"), "event": "'looks good now', though the freed space cannot be explained", "source": "chat", "must_include": False},
        {"time": j("12:17:18"), "event": "Disk refilling noticed (71%) but put down to logs", "source": "chat", "must_include": False},
        {"time": fl(n80_2["ip-10-42-3-17"] + timedelta(minutes=2)), "event": "NodeFilesystemAlmostFull fires again", "source": "alert", "must_include": False},
        {"time": iso(START2), "event": "Relapse: disks 100% again ~90 min after the restart; route-planner fails (impact window 2 starts)", "source": "log", "must_include": True, "evidence": "また出ません！"},
        {"time": iso(A_RP2), "event": "RoutePlanner5xxHigh fires again", "source": "alert", "must_include": True, "evidence": "A=0.587"},
        {"time": j("13:09:03"), "event": "Cause found: /var/lib/route-planner/trace = 58G on hostPath; trace enabled by PR #1187 in base/", "source": "chat", "must_include": True, "evidence": "/var/lib/route-planner/trace = 58G"},
        {"time": iso(ROLLBACK), "event": "Revert PR #1192 synced by Argo CD (config rollback)", "source": "chat", "must_include": True, "evidence": "routing-prod: Synced to 7c21d0b"},
        {"time": j("13:32:40"), "event": "5xx 0, pods 6/6 Ready: impact finally stops (mitigated)", "source": "chat", "must_include": True, "evidence": "5xx 0, pods 6/6 Ready"},
        {"time": j("14:40:02"), "event": "Resolved after one hour of flat disk usage (41%)", "source": "chat", "must_include": True, "evidence": "resolved にします"},
    ],
    "action_items": [
        {"text": "Page on NodeFilesystemAlmostFull", "evidence": "NodeFilesystemAlmostFull をページング対象にする"},
        {"text": "Move traces to emptyDir with sizeLimit 5Gi", "evidence": "trace は emptyDir + sizeLimit 5Gi に移す"},
        {"text": "CI shows the prod diff for PRs touching base/", "evidence": "base/ を変更する PR では CI で prod の diff を表示する"},
        {"text": "Policy blocks debug/trace flags in prod overlays", "evidence": "debug/trace flags must be blocked in prod overlays by policy"},
        {"text": "Do not close as mitigated after a restart without checking disk growth rate", "evidence": "restart で直っても原因不明なら mitigated で終わらせず、ディスク増加率を確認する"},
        {"text": "Runbook: check du -x / first on DiskPressure", "evidence": "runbook: DiskPressure のときは du -x / を最初に見る"},
        {"text": "Per-node disk growth-rate alert", "evidence": "per-node disk growth-rate alert"},
    ],
    "blame_bait": ["whoever enabled trace in prod should lose merge rights", "また佐藤さんのconfigミスか…ちゃんとレビューしてよ"],
    "secrets": [],
    "injection": None,
    "similar_categories": ["config-change", "storage", "capacity", "deploy"],
}
with open(os.path.join(HERE, "gold.json"), "w") as f:
    json.dump(gold, f, ensure_ascii=False, indent=2)

# ---------------------------------------------------------------- checks
def strings(o):
    if isinstance(o, str): yield o
    elif isinstance(o, dict):
        for v in o.values(): yield from strings(v)
    elif isinstance(o, list):
        for v in o: yield from strings(v)
hay = []
for fn in sorted(os.listdir(HERE)):
    if fn.startswith("_") or fn == "gold.json": continue
    raw = open(os.path.join(HERE, fn), encoding="utf-8").read(); hay.append(raw)
    if fn.endswith(".json"): hay.extend(strings(json.loads(raw)))
H = "\n".join(hay)
errs = []
def need(s, what):
    if s not in H: errs.append(f"{what} not verbatim: {s!r}")
for e in gold["timeline"]:
    if e["must_include"]:
        if "evidence" not in e: errs.append("no evidence: " + e["event"])
        else: need(e["evidence"], "timeline evidence")
for a in gold["action_items"]: need(a["evidence"], "action evidence")
for b in gold["blame_bait"]: need(b, "blame bait")
k = [datetime.fromisoformat(gold[x].replace("Z", "+00:00")) for x in ("start", "detected", "mitigated", "resolved")]
if not (k[0] <= k[1] <= k[2] <= k[3]): errs.append(f"order {k}")
gap = (START2 - (RESTART + timedelta(minutes=6))).total_seconds() / 60
if not (80 <= gap <= 100): errs.append(f"relapse gap {gap} min")
nj = len(J) + 1
if not (300 <= nj <= 2000): errs.append(f"journal lines {nj}")
if not (40 <= NMSG <= 120): errs.append(f"msgs {NMSG}")
print(f"messages={NMSG} journal_lines={nj} events_lines={len(K)} W1={ {n: W1[n].strftime('%H:%M:%S') for n in NODES} } W2={ {n: W2[n].strftime('%H:%M:%S') for n in NODES} } DP1={min(DP1.values()).strftime('%H:%M:%S')} alert1={iso(A_RP1)} alert2={iso(A_RP2)} gap={gap:.0f}min")
print(f"start={gold['start']} detected={gold['detected']} mitigated={gold['mitigated']} resolved={gold['resolved']}")
if errs: print("\n".join(errs)); sys.exit(1)
print("OK")
