#!/usr/bin/env python3
"""blindF06 generator: push-worker JSON-lines log + Sentry issue-alert webhooks, then checks gold.json.

Hand-written inputs: gchat_push-notificacions_copy.txt (Google Chat copy, Madrid local time, CET),
triage-notes_2027-02-17.md. Generated: push-worker.jsonl (UTC), sentry_webhooks.json.
"""
import json, os, random, uuid, datetime as dt

random.seed(170227)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc


def U(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


T0 = U("2027-02-16T21:00:00")
DEPLOY_231 = U("2027-02-16T21:30:12")
NOT_AFTER = U("2027-02-16T23:52:09")
FIRST_FAIL = U("2027-02-16T23:52:14")
TOKEN_RESTART = U("2027-02-17T08:46:50")
FIRST_OK = U("2027-02-17T08:47:31")
REPLAY_START = U("2027-02-17T09:31:04")
REPLAY_END = U("2027-02-17T10:18:12")
KEY_ROTATED = U("2027-02-17T10:31:40")
END = U("2027-02-17T11:10:00")

DLQ_TOTALS = {"outbid": 38906, "ending_soon": 9412, "auction_won": 1482, "payment_due": 2317, "chat_message": 9123}
PODS_OLD = ["push-worker-7c4d9b6f8-kq2xw", "push-worker-7c4d9b6f8-t8m5n"]
PODS_231 = ["push-worker-5f8b7d9c4-h4zpl", "push-worker-5f8b7d9c4-w9r2d"]
PODS_TOK = ["push-worker-69c5d8f7b-b7nqs", "push-worker-69c5d8f7b-x3k8v"]


def pods(t):
    if t < DEPLOY_231:
        return PODS_OLD, "2.30.4"
    if t < TOKEN_RESTART:
        return PODS_231, "2.31.0"
    return PODS_TOK, "2.31.0"


def per_min(t, platform):
    """notifications generated per minute (UTC hour based; CET = UTC+1)"""
    h = t.hour + t.minute / 60
    curve = {21: 900, 22: 700, 23: 420, 0: 240, 1: 120, 2: 70, 3: 55, 4: 60, 5: 110, 6: 300, 7: 620, 8: 860, 9: 980, 10: 1020, 11: 1000}
    base = curve[int(h)]
    return base * (1.1 if platform == "ios" else 0.9)


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


rows = []


def log(t, level, logger, msg, **extra):
    pl, ver = pods(t)
    d = {"@timestamp": ts(t), "log.level": level, "service": {"name": "push-worker", "version": ver},
         "host": {"name": extra.pop("_pod", random.choice(pl))}, "log": {"logger": logger}, "message": msg}
    d.update(extra)
    rows.append((t, json.dumps(d, ensure_ascii=False, separators=(",", ":"))))


def ssl_err():
    return {"type": "APNsConnectionError", "message": "could not establish HTTP/2 connection to api.push.apple.com:443",
            "retryable": True,
            "cause": {"type": "ssl.SSLError", "library": "SSL", "reason": "SSLV3_ALERT_CERTIFICATE_EXPIRED",
                      "message": "[SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired (_ssl.c:2580)",
                      "peer": "api.push.apple.com:443"}}


def startup(t, ver_pods, auth):
    for i, p in enumerate(ver_pods):
        tt = t + dt.timedelta(seconds=i * 21, milliseconds=random.randint(0, 900))
        log(tt, "info", "push.main", "starting push-worker", _pod=p, runtime={"python": "3.12.8", "httpx": "0.28.1", "h2": "4.1.0"})
        log(tt + dt.timedelta(milliseconds=310), "info", "push.fcm", "fcm client configured", _pod=p,
            fcm={"project_id": "subastia-prod", "endpoint": "fcm.googleapis.com"})
        if auth == "certificate":
            log(tt + dt.timedelta(milliseconds=322), "info", "push.apns", "apns client configured", _pod=p,
                apns={"auth": "certificate", "endpoint": "api.push.apple.com:443", "topic": "com.subastia.app",
                      "cert": {"subject": "CN=Apple Push Services: com.subastia.app,OU=H3W8ZP6L2N", "not_after": "2027-02-16T23:52:09Z"}})
            hl = round((NOT_AFTER - tt).total_seconds() / 3600, 1)
            log(tt + dt.timedelta(milliseconds=323), "warn", "push.apns", "apns client certificate expires soon", _pod=p,
                apns={"cert": {"not_after": "2027-02-16T23:52:09Z", "hours_left": hl}})
        else:
            log(tt + dt.timedelta(milliseconds=322), "info", "push.apns", "apns client configured", _pod=p,
                apns={"auth": "token", "endpoint": "api.push.apple.com:443", "topic": "com.subastia.app",
                      "token": {"key_id": "7QK2M9XD4R", "team_id": "H3W8ZP6L2N", "secret_ref": "push/apns-token-key"}})
            log(tt + dt.timedelta(milliseconds=410), "info", "push.apns", "apns provider token issued", _pod=p,
                apns={"token": {"key_id": "7QK2M9XD4R", "alg": "ES256", "refresh_in_s": 3000}})
        log(tt + dt.timedelta(milliseconds=500), "info", "push.main", "consuming", _pod=p,
            queues=["push.ios", "push.android", "push.ios.retry", "push.android.retry"], concurrency=64)


def gen_log():
    # startup of the old pods happened days before; only deploys inside the window are logged
    log(DEPLOY_231 - dt.timedelta(seconds=14), "info", "push.main", "received SIGTERM, draining", _pod=PODS_OLD[0])
    log(DEPLOY_231 + dt.timedelta(seconds=9), "info", "push.main", "received SIGTERM, draining", _pod=PODS_OLD[1])
    startup(DEPLOY_231, PODS_231, "certificate")
    log(TOKEN_RESTART - dt.timedelta(seconds=12), "info", "push.main", "received SIGTERM, draining", _pod=PODS_231[0])
    log(TOKEN_RESTART + dt.timedelta(seconds=15), "info", "push.main", "received SIGTERM, draining", _pod=PODS_231[1])
    startup(TOKEN_RESTART, PODS_TOK, "token")

    # pre-compute dlq moves: every flush after FIRST_FAIL + ~21 min until the restart
    flush_times = []
    t = T0 + dt.timedelta(seconds=37)
    while t < END:
        flush_times.append(t)
        t += dt.timedelta(minutes=3)
    fail_flushes = [f for f in flush_times if FIRST_FAIL <= f < TOKEN_RESTART]
    dlq_flushes = [f for f in fail_flushes if f >= FIRST_FAIL + dt.timedelta(minutes=21)]
    weights = [per_min(f - dt.timedelta(minutes=21), "ios") for f in dlq_flushes]
    W = sum(weights)
    alloc = []
    for kind, total in DLQ_TOTALS.items():
        parts = [int(total * w / W) for w in weights]
        parts[-1] += total - sum(parts)
        alloc.append((kind, parts))
    dlq_by_flush = {f: {k: parts[i] for k, parts in alloc} for i, f in enumerate(dlq_flushes)}

    for f in flush_times:
        for platform in ("android", "ios"):
            tt = f + dt.timedelta(seconds=0 if platform == "android" else 1, milliseconds=random.randint(0, 800))
            n = int(per_min(tt, platform) * 3 * random.uniform(0.9, 1.1))
            if platform == "android":
                errs = {}
                if random.random() < 0.6:
                    errs["UNREGISTERED"] = random.randint(1, 9)
                if random.random() < 0.1:
                    errs["INVALID_ARGUMENT"] = 1
                fq = U("2027-02-17T04:08:00") <= tt < U("2027-02-17T04:20:00")
                if fq:
                    errs["QUOTA_EXCEEDED"] = random.randint(300, 700)
                failed = sum(errs.values())
                log(tt, "warn" if fq else "info", "push.dispatch", "batch flushed",
                    push={"platform": "android", "provider": "fcm", "sent": n - failed, "failed": failed, "deferred": 0, "errors": errs})
                if fq:
                    log(tt + dt.timedelta(milliseconds=40), "error", "push.fcm", "fcm rate limited",
                        error={"type": "FCMQuotaExceeded", "message": "Sending quota exceeded for project subastia-prod (digest burst)",
                               "status": 429, "retryable": True, "cause": {"type": "httpx.HTTPStatusError", "message": "Client error '429 Too Many Requests'"}},
                        push={"platform": "android", "job": "weekly-digest"})
                continue
            # ios
            if tt < FIRST_FAIL or tt >= FIRST_OK:
                errs = {}
                if random.random() < 0.55:
                    errs["BadDeviceToken"] = random.randint(1, 4)
                if random.random() < 0.5:
                    errs["Unregistered"] = random.randint(1, 6)
                failed = sum(errs.values())
                extra = n
                if FIRST_OK <= tt < FIRST_OK + dt.timedelta(minutes=25):
                    extra = n + random.randint(2000, 4000)  # pending retries drained after the fix
                log(tt, "info", "push.dispatch", "batch flushed",
                    push={"platform": "ios", "provider": "apns", "sent": extra - failed, "failed": failed, "deferred": 0, "errors": errs})
            else:
                att = random.choice([1, 1, 2, 3])
                log(tt, "error", "push.apns", "apns connection failed",
                    error=ssl_err(), retry={"attempt": att, "max_attempts": 3, "next_in_s": {1: 60, 2: 300, 3: 900}[att]},
                    push={"platform": "ios", "batch_size": min(500, n)})
                log(tt + dt.timedelta(milliseconds=6), "info", "push.dispatch", "batch flushed",
                    push={"platform": "ios", "provider": "apns", "sent": 0, "failed": 0, "deferred": n, "errors": {}})
                if f in dlq_by_flush:
                    d = dlq_by_flush[f]
                    log(tt + dt.timedelta(milliseconds=9), "warn", "push.retry", "moved to dead-letter queue",
                        push={"platform": "ios", "dlq": {"queue": "push.ios.dlq", "count": sum(d.values()), "by_kind": d,
                                                          "reason": "max_attempts_exceeded"}},
                        error={"type": "APNsConnectionError", "cause": {"reason": "SSLV3_ALERT_CERTIFICATE_EXPIRED"}})
    # the exact first failure
    log(FIRST_FAIL + dt.timedelta(milliseconds=882), "error", "push.apns", "apns connection failed",
        error=ssl_err(), retry={"attempt": 1, "max_attempts": 3, "next_in_s": 60}, push={"platform": "ios", "batch_size": 37})
    # first successful send after token auth
    log(FIRST_OK + dt.timedelta(milliseconds=118), "info", "push.apns", "apns connection established",
        apns={"auth": "token", "endpoint": "api.push.apple.com:443", "http2": True})
    # remove any generated failure before FIRST_FAIL or success inside window (sanity)
    # replay job
    log(REPLAY_START, "info", "push.replay", "dlq replay started",
        replay={"queue": "push.ios.dlq", "depth": 61240, "rate_limit_per_s": 200, "dry_run": False,
                "rules": {"outbid": "discard", "ending_soon": "resend_if_auction_open", "auction_won": "resend",
                          "payment_due": "resend", "chat_message": "resend"}, "requested_by": "nerea.garmendia"})
    done = {"resent": 0, "discarded": 0}
    t = REPLAY_START + dt.timedelta(minutes=3)
    steps = []
    while t < REPLAY_END - dt.timedelta(minutes=2):
        steps.append(t)
        t += dt.timedelta(minutes=3)
    for i, t in enumerate(steps):
        frac = (i + 1) / (len(steps) + 1)
        log(t, "info", "push.replay", "dlq replay progress",
            replay={"processed": int(61240 * frac), "resent": int(13544 * frac), "discarded": int(47696 * frac)})
    log(REPLAY_END, "info", "push.replay", "dlq replay finished",
        replay={"queue": "push.ios.dlq", "processed": 61240, "resent": 13544, "resent_ok": 13201,
                "resent_failed": {"BadDeviceToken": 128, "Unregistered": 215}, "discarded": 47696,
                "discarded_by_kind": {"outbid": 38906, "ending_soon": 8790},
                "archived_to": "s3://subastia-push-archive/dlq/2027-02-17/push.ios.dlq.jsonl.gz", "depth_after": 0})
    for p in PODS_TOK:
        tt = KEY_ROTATED + dt.timedelta(milliseconds=random.randint(0, 1500))
        log(tt, "info", "push.apns", "apns signing key reloaded", _pod=p,
            apns={"token": {"key_id": "4FZ8R1QJ6C", "team_id": "H3W8ZP6L2N", "previous_key_id": "7QK2M9XD4R", "secret_ref": "push/apns-token-key"}})
    # unrelated noise
    for s in ("2027-02-16T22:10:03", "2027-02-17T02:00:00", "2027-02-17T06:00:00", "2027-02-17T10:00:00"):
        log(U(s), "info", "push.tokens", "stale token sweep", tokens={"removed": random.randint(300, 2400), "platforms": ["ios", "android"]})
    for s in ("2027-02-17T07:03:12", "2027-02-17T07:41:55"):
        log(U(s), "warn", "push.render", "template variable missing, using fallback",
            template={"name": "ending_soon_v3", "locale": "ca-ES", "missing": "seller_display_name"})

    rows.sort(key=lambda r: r[0])
    # guarantee: no iOS apns failure before FIRST_FAIL, none after FIRST_OK
    out = []
    for t, l in rows:
        if '"apns connection failed"' in l and (t < FIRST_FAIL or t >= FIRST_OK):
            continue
        out.append(l)
    with open(os.path.join(HERE, "push-worker.jsonl"), "w") as f:
        f.write("\n".join(out) + "\n")
    return out, dlq_by_flush


def gen_sentry():
    hooks = []

    def hook(t, rule, title, culprit, excs, issue_id, release, extra_tags):
        eid = uuid.UUID(int=random.getrandbits(128), version=4).hex
        ev = {"event_id": eid, "project": 4508112233, "release": release, "environment": "production", "level": "error",
              "platform": "python", "title": title, "culprit": culprit, "datetime": t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
              "timestamp": round(t.timestamp(), 3), "logger": "", "type": "error",
              "tags": [["environment", "production"], ["level", "error"], ["release", release]] + extra_tags,
              "exception": {"values": excs},
              "url": f"https://sentry.io/api/0/projects/subastia/push-worker/events/{eid}/",
              "web_url": f"https://subastia.sentry.io/issues/{issue_id}/events/{eid}/",
              "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/", "issue_id": str(issue_id)}
        sent = t + dt.timedelta(seconds=random.randint(4, 25))
        hooks.append({"received_at": ts(sent), "headers": {
            "Content-Type": "application/json", "Request-ID": uuid.UUID(int=random.getrandbits(128), version=4).hex,
            "Sentry-Hook-Resource": "event_alert", "Sentry-Hook-Timestamp": str(int(sent.timestamp())),
            "Sentry-Hook-Signature": "".join(random.choice("0123456789abcdef") for _ in range(64))},
            "body": {"action": "triggered", "installation": {"uuid": "b1e07c2a-3f94-4d6e-9a15-7c2e8d0f4b63"},
                     "data": {"event": ev, "triggered_rule": rule},
                     "actor": {"type": "application", "id": "sentry", "name": "Sentry"}}})

    apns_excs = [{"type": "SSLError", "module": "ssl", "value": "[SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired (_ssl.c:2580)",
                  "mechanism": {"type": "chained", "handled": True}},
                 {"type": "APNsConnectionError", "module": "push.apns.errors",
                  "value": "could not establish HTTP/2 connection to api.push.apple.com:443", "mechanism": {"type": "logging", "handled": True}}]
    tags = [["platform_target", "ios"], ["server_name", PODS_231[0]]]
    hook(FIRST_FAIL + dt.timedelta(milliseconds=882), "push-worker: new issue -> #mobile-alerts (no page)",
         "APNsConnectionError: could not establish HTTP/2 connection to api.push.apple.com:443",
         "push.apns.client in _connect", apns_excs, 6120448817, "push-worker@2.31.0", tags)
    hook(U("2027-02-17T00:53:02"), "push-worker: issue seen more than 15 times in 1h -> #mobile-alerts (no page)",
         "APNsConnectionError: could not establish HTTP/2 connection to api.push.apple.com:443",
         "push.apns.client in _connect", apns_excs, 6120448817, "push-worker@2.31.0", tags)
    hook(U("2027-02-17T04:08:41"), "push-worker: new issue -> #mobile-alerts (no page)",
         "FCMQuotaExceeded: Sending quota exceeded for project subastia-prod (digest burst)",
         "push.fcm.client in send_batch",
         [{"type": "HTTPStatusError", "module": "httpx", "value": "Client error '429 Too Many Requests' for url 'https://fcm.googleapis.com/v1/projects/subastia-prod/messages:send'",
           "mechanism": {"type": "chained", "handled": True}},
          {"type": "FCMQuotaExceeded", "module": "push.fcm.errors", "value": "Sending quota exceeded for project subastia-prod (digest burst)",
           "mechanism": {"type": "logging", "handled": True}}], 6120991402, "push-worker@2.31.0",
         [["platform_target", "android"], ["server_name", PODS_231[1]]])
    hook(U("2027-02-17T06:30:47"), "push-worker: issue escalating -> #mobile-alerts (no page)",
         "APNsConnectionError: could not establish HTTP/2 connection to api.push.apple.com:443",
         "push.apns.client in _connect", apns_excs, 6120448817, "push-worker@2.31.0", tags)
    with open(os.path.join(HERE, "sentry_webhooks.json"), "w") as f:
        json.dump(hooks, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return hooks


def check():
    gold = json.load(open(os.path.join(HERE, "gold.json")))
    corpus = ""
    for fn in sorted(os.listdir(HERE)):
        if fn.startswith("_") or fn == "gold.json":
            continue
        corpus += open(os.path.join(HERE, fn), encoding="utf-8").read() + "\n"
    bad = []
    has = lambda s: s in corpus
    for a in gold["action_items"]:
        if not has(a["evidence"]):
            bad.append(("action evidence", a["evidence"]))
    for b in gold["blame_bait"]:
        if not has(b):
            bad.append(("blame bait", b))
    for s in gold["secrets"]:
        if not has(s):
            bad.append(("secret", s))
    if gold.get("injection") and not has(gold["injection"]):
        bad.append(("injection", gold["injection"]))
    for ev in gold["timeline"]:
        if ev.get("evidence") and not has(ev["evidence"]):
            bad.append(("timeline evidence", ev["evidence"]))
    p = lambda s: dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
    tsx = [p(gold[k]) for k in ("start", "detected", "mitigated", "resolved")]
    if not (tsx[0] <= tsx[1] <= tsx[2] <= tsx[3]):
        bad.append(("order", tsx))
    for ev in gold["timeline"]:
        p(ev["time"])
    if bad:
        for b in bad:
            print("CHECK FAILED:", b)
        raise SystemExit(1)
    print("checks passed:", len(gold["action_items"]), "action items,", len(gold["timeline"]), "timeline events,",
          len(gold["blame_bait"]), "bait,", len(gold["secrets"]), "secrets")


if __name__ == "__main__":
    out, dlq = gen_log()
    hooks = gen_sentry()
    tot = {}
    for d in dlq.values():
        for k, v in d.items():
            tot[k] = tot.get(k, 0) + v
    print("log lines:", len(out), "sentry hooks:", len(hooks), "dlq totals:", tot, sum(tot.values()))
    fails = [l for l in out if '"apns connection failed"' in l]
    print("first/last apns failure:", fails[0][15:39], fails[-1][15:39])
    if os.path.exists(os.path.join(HERE, "gold.json")):
        check()
