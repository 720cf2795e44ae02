# generator for blind05 inputs (not an input itself)
import json, random, datetime as dt, hashlib, os
random.seed(5505)
OUT = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
def T(h, m, s=0, us=0, d=17): return dt.datetime(2026, 2, d, h, m, s, us, tzinfo=UTC)
def ts(t, ns=None):
    ns = ns if ns is not None else random.randint(0, 999)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03d" % (t.microsecond, ns) + "Z"
def iid(): return "%x" % random.getrandbits(60)
E = []
PROJ = "lumio-prod"
PODS = ["hooks-receiver-7f9c6d8b54-2xkqp", "hooks-receiver-7f9c6d8b54-h7w4n"]
def k8s(t, ns, container, pod, sev, payload, log="stdout"):
    e = {"insertId": iid(), "resource": {"type": "k8s_container", "labels": {"project_id": PROJ, "location": "europe-central2", "cluster_name": "prod-waw-1",
         "namespace_name": ns, "pod_name": pod, "container_name": container}}, "timestamp": ts(t), "severity": sev,
         "labels": {"k8s-pod/app": container, "compute.googleapis.com/resource_name": "gke-prod-waw-1-pool-a-3c1f%02d" % (hash(pod) % 7)},
         "logName": "projects/%s/logs/%s" % (PROJ, log), "receiveTimestamp": ts(t + dt.timedelta(milliseconds=random.randint(300, 2500)))}
    if isinstance(payload, str): e["textPayload"] = payload
    else: e["jsonPayload"] = payload
    E.append((t, e))
def audit(t, who, ip, ua, svc, method, resname, rtype, rlabels, request, sev="NOTICE"):
    E.append((t, {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
        "authenticationInfo": {"principalEmail": who}, "requestMetadata": {"callerIp": ip, "callerSuppliedUserAgent": ua},
        "serviceName": svc, "methodName": method, "authorizationInfo": [{"resource": resname, "permission": method.split(".")[0] + ".update", "granted": True}],
        "resourceName": resname, "request": request},
        "insertId": iid(), "resource": {"type": rtype, "labels": dict(project_id=PROJ, **rlabels)}, "timestamp": ts(t), "severity": sev,
        "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2Factivity" % PROJ, "receiveTimestamp": ts(t + dt.timedelta(milliseconds=800))}))
OLD_IP, NEW_IP = "35.190.12.40", "34.149.88.21"
CUT1 = T(8,41,7,412000); PIN = T(10,21,40,118000); CUT2 = T(12,20,31,904000)
def dns_change(t, who, ip, ua, frm, to, cid):
    audit(t, who, ip, ua, "dns.googleapis.com", "dns.changes.create", "projects/%s/managedZones/lumio-pl/changes/%d" % (PROJ, cid),
          "dns_managed_zone", {"zone_name": "lumio-pl", "location": "global"},
          {"@type": "type.googleapis.com/cloud.dns.api.ChangesCreateRequest", "project": PROJ, "managedZone": "lumio-pl",
           "change": {"additions": [{"name": "hooks.lumio.pl.", "type": "A", "ttl": 300, "rrdatas": [to]}],
                      "deletions": [{"name": "hooks.lumio.pl.", "type": "A", "ttl": 300, "rrdatas": [frm]}]}})
TF = "tf-deployer@lumio-prod.iam.gserviceaccount.com"
dns_change(CUT1, TF, "34.118.22.9", "Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-google/5.17.0", OLD_IP, NEW_IP, 1187)
dns_change(PIN, "piotr.kaminski@lumio.pl", "89.64.11.203", "google-cloud-sdk gcloud/462.0.1 command/gcloud.dns.record-sets.update", NEW_IP, OLD_IP, 1188)
dns_change(CUT2, TF, "34.118.22.9", "Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-google/5.17.0", OLD_IP, NEW_IP, 1189)
audit(T(8,39,51,3000), TF, "34.118.22.9", "Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-google/5.17.0", "compute.googleapis.com",
      "v1.compute.globalForwardingRules.insert", "projects/%s/global/forwardingRules/hooks-https-fr" % PROJ, "gce_forwarding_rule", {"forwarding_rule_id": "5187720034411893", "region": "global"},
      {"@type": "type.googleapis.com/compute.globalForwardingRules.insert", "name": "hooks-https-fr", "IPAddress": NEW_IP, "portRange": "443-443", "target": "projects/%s/global/targetHttpsProxies/hooks-https-proxy" % PROJ})
audit(T(10,19,52,551000), "piotr.kaminski@lumio.pl", "89.64.11.203", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) Chrome/121.0", "cloudbuild.googleapis.com",
      "google.devtools.cloudbuild.v1.CloudBuild.UpdateBuildTrigger", "projects/%s/locations/global/triggers/infra-prod-apply" % PROJ, "build_trigger", {"trigger_id": "0c5e21c4-7a1d-4b0e-9a55-2f7e3d1b6a90"},
      {"@type": "type.googleapis.com/google.devtools.cloudbuild.v1.UpdateBuildTriggerRequest", "trigger": {"name": "infra-prod-apply", "disabled": True}})
audit(T(11,5,14,120000), TF, "34.118.22.9", "Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-google/5.17.0", "certificatemanager.googleapis.com",
      "google.cloud.certificatemanager.v1.CertificateManager.CreateCertificate", "projects/%s/locations/global/certificates/hooks-cert-2026b" % PROJ, "audited_resource", {"service": "certificatemanager.googleapis.com", "method": "google.cloud.certificatemanager.v1.CertificateManager.CreateCertificate"},
      {"@type": "type.googleapis.com/google.cloud.certificatemanager.v1.CreateCertificateRequest", "certificateId": "hooks-cert-2026b",
       "certificate": {"managed": {"domains": ["hooks.lumio.pl"], "dnsAuthorizations": ["projects/%s/locations/global/dnsAuthorizations/hooks-lumio-pl-dnsauth" % PROJ]}}})
audit(T(11,5,44,870000), TF, "34.118.22.9", "Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-google/5.17.0", "compute.googleapis.com",
      "v1.compute.targetHttpsProxies.patch", "projects/%s/global/targetHttpsProxies/hooks-https-proxy" % PROJ, "https_lb_rule", {"backend_service_name": "", "forwarding_rule_name": "hooks-https-fr"},
      {"@type": "type.googleapis.com/compute.targetHttpsProxies.patch", "certificateMap": "//certificatemanager.googleapis.com/projects/%s/locations/global/certificateMaps/hooks-map" % PROJ})
audit(T(12,17,2,330000), "piotr.kaminski@lumio.pl", "89.64.11.203", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) Chrome/121.0", "cloudbuild.googleapis.com",
      "google.devtools.cloudbuild.v1.CloudBuild.UpdateBuildTrigger", "projects/%s/locations/global/triggers/infra-prod-apply" % PROJ, "build_trigger", {"trigger_id": "0c5e21c4-7a1d-4b0e-9a55-2f7e3d1b6a90"},
      {"@type": "type.googleapis.com/google.devtools.cloudbuild.v1.UpdateBuildTriggerRequest", "trigger": {"name": "infra-prod-apply", "disabled": False}})

# fraction of partner traffic that resolves to the NEW (broken until cert ACTIVE) LB
CERT_OK = T(11,48,12)
def frac_new(t):
    def ramp(since):
        s = (t - since).total_seconds()
        return max(0.0, min(1.0, s / 300.0))
    if t < CUT1: return 0.0
    if t < PIN: return ramp(CUT1)
    if t < CUT2: return 1.0 - ramp(PIN)
    return ramp(CUT2)
def broken(t): return t < CERT_OK
RATE = {"kurierx": 38, "paczkaplus": 14, "dpdx": 6}   # per minute, dpdx pins our IP in its hosts file
missed = {"kurierx": 0, "paczkaplus": 0}
t = T(7,30)
replay = {"kurierx": 0}
while t < T(14,50):
    counts = {}
    for p, r in RATE.items():
        n = max(0, int(random.gauss(r, r*0.12)))
        if p != "dpdx" and broken(t):
            ok = int(round(n * (1 - frac_new(t))))
            missed[p] += n - ok; n = ok
        counts[p] = n
    if PIN + dt.timedelta(minutes=5) <= t < PIN + dt.timedelta(minutes=23):
        counts["paczkaplus"] += 75   # PaczkaPlus backoff retries deliver the backlog
    rep = 0
    if T(11,12) <= t < T(11,44):
        rep = random.randint(118, 128); replay["kurierx"] += rep
    for i, pod in enumerate(PODS):
        k8s(t + dt.timedelta(milliseconds=random.randint(5, 900)), "partner-hooks", "hooks-receiver", pod, "INFO",
            {"msg": "ingest stats", "window_s": 60, "pod_share": "%d/2" % (i+1), "received": {p: (c // 2 + (c % 2 if i == 0 else 0)) for p, c in counts.items()},
             "replayed": {"kurierx": (rep // 2 + (rep % 2 if i == 0 else 0))} if rep else {}, "rejected_signature": 0, "level": "info", "logger": "hooks.stats"})
    t += dt.timedelta(minutes=1)
# stale-tracking warnings from tracking-api (non-paging, every 5 min)
t = T(9,0,30)
while t < T(11,50):
    stale = 0
    if T(9,40) <= t < T(11,45):
        stale = int(min(4200, (t - T(8,42)).total_seconds()/60*46)) if t < T(10,25) else int(max(0, 2100 - (t - T(10,25)).total_seconds()/60*20))
    if stale:
        k8s(t, "tracking", "tracking-api", "tracking-api-5b7d9f6c8-qm2zt", "WARNING",
            {"msg": "shipments with stale carrier status", "threshold_min": 60, "stale_count": stale, "carriers": ["kurierx", "paczkaplus"], "logger": "tracking.freshness"})
    t += dt.timedelta(minutes=5)
# LB request logs (sampled) on old and new forwarding rules
UA = {"kurierx": "KurierX-Webhooks/3.2 (+https://kurierx.example/webhooks)", "paczkaplus": "PaczkaPlus-Notify/1.9", "dpdx": "dpdx-push/2.0"}
SRC = {"kurierx": "185.21.44.%d", "paczkaplus": "91.211.8.%d", "dpdx": "212.77.101.%d"}
t = T(7,30,5)
while t < T(14,50):
    p = random.choices(list(RATE), weights=[38, 14, 6])[0]
    on_new = random.random() < frac_new(t) and p != "dpdx"
    if on_new and broken(t):
        t += dt.timedelta(seconds=random.randint(15, 50)); continue   # TLS handshake fails: no request log
    fr, ip = ("hooks-https-fr", NEW_IP) if on_new else ("hooks-legacy-fr", OLD_IP)
    lat = random.uniform(0.018, 0.09)
    E.append((t, {"insertId": iid(), "jsonPayload": {"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
        "statusDetails": "response_sent_by_backend", "backendTargetProjectNumber": "projects/418839201157", "remoteIp": SRC[p] % random.randint(2, 60)},
        "httpRequest": {"requestMethod": "POST", "requestUrl": "https://hooks.lumio.pl/v1/carriers/%s/status" % p, "requestSize": str(random.randint(900, 1900)),
            "status": 202, "responseSize": "64", "userAgent": UA[p], "remoteIp": SRC[p] % random.randint(2, 60), "serverIp": "10.186.0.%d" % random.randint(10, 40),
            "latency": "%.6fs" % lat, "protocol": "HTTP/1.1"},
        "resource": {"type": "http_load_balancer", "labels": {"project_id": PROJ, "zone": "global", "url_map_name": "hooks-urlmap" if on_new else "hooks-legacy-urlmap",
            "forwarding_rule_name": fr, "target_proxy_name": "hooks-https-proxy" if on_new else "hooks-legacy-proxy", "backend_service_name": "partner-hooks-be"}},
        "timestamp": ts(t), "severity": "INFO", "logName": "projects/%s/logs/requests" % PROJ,
        "trace": "projects/%s/traces/%032x" % (PROJ, random.getrandbits(128)), "receiveTimestamp": ts(t + dt.timedelta(seconds=random.uniform(0.5, 3)))}))
    t += dt.timedelta(seconds=random.randint(25, 70))
# cert status check cronjob (every 15 min from 11:30, added during incident)
t = T(10,30)
while t < T(11,50):
    st = "ACTIVE" if t >= CERT_OK else "PROVISIONING"
    dom = {"hooks.lumio.pl": "ACTIVE" if t >= CERT_OK else "PROVISIONING"}
    if t >= T(11,5,44): k8s(t + dt.timedelta(seconds=3), "ops", "cert-status-check", "cert-status-check-%d-%s" % (int(t.timestamp()) // 60, "xk2p"[:4]), "INFO",
        {"msg": "managed certificate status", "certificate": "hooks-cert-2026b", "managed_status": st, "domain_status": dom, "logger": "certcheck"})
    k8s(t + dt.timedelta(seconds=3, milliseconds=40), "ops", "cert-status-check", "cert-status-check-%d-%s" % (int(t.timestamp()) // 60, "xk2p"[:4]), "INFO",
        {"msg": "managed certificate status", "certificate": "hooks-cert-2026", "managed_status": "PROVISIONING",
         "domain_status": {"hooks.lumio.pl": "PROVISIONING", "hooks-legacy.lumio.pl": "FAILED_NOT_VISIBLE"}, "logger": "certcheck"})
    t += dt.timedelta(minutes=15)
k8s(CERT_OK + dt.timedelta(seconds=3), "ops", "cert-status-check", "cert-status-check-manual-8fq2d", "NOTICE",
    {"msg": "managed certificate status", "certificate": "hooks-cert-2026b", "managed_status": "ACTIVE", "domain_status": {"hooks.lumio.pl": "ACTIVE"}, "logger": "certcheck", "trigger": "manual"})
# red herring: cloudsql replica lag
t = T(8,52)
while t < T(9,22):
    lag = int(12 + 40 * max(0, 1 - abs((t - T(9,4)).total_seconds()) / 900))
    E.append((t, {"insertId": iid(), "textPayload": "Replica lag: %d seconds behind primary (reporting-replica-1, long-running analytics query pid=88213)" % lag,
        "resource": {"type": "cloudsql_database", "labels": {"project_id": PROJ, "database_id": "lumio-prod:reporting-replica-1", "region": "europe-central2"}},
        "timestamp": ts(t), "severity": "WARNING" if lag > 30 else "INFO", "logName": "projects/%s/logs/cloudsql.googleapis.com%%2Fpostgres.log" % PROJ,
        "receiveTimestamp": ts(t + dt.timedelta(seconds=1))}))
    t += dt.timedelta(minutes=1)
E.append((T(9,21,44), {"insertId": iid(), "textPayload": "process 88213 terminated by pg_cancel_backend() from user kasia.nowak", "resource": {"type": "cloudsql_database", "labels": {"project_id": PROJ, "database_id": "lumio-prod:reporting-replica-1", "region": "europe-central2"}},
        "timestamp": ts(T(9,21,44)), "severity": "NOTICE", "logName": "projects/%s/logs/cloudsql.googleapis.com%%2Fpostgres.log" % PROJ, "receiveTimestamp": ts(T(9,21,45))}))
E.sort(key=lambda x: x[1]["timestamp"])
with open(os.path.join(OUT, "cloud_logging.json"), "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for _, e in E) + "\n]\n")

# ---------------- Grafana OnCall outgoing webhooks ----------------
USERS = {"piotr": {"id": "UK7Q2M4XJ1P9A", "username": "piotr.kaminski", "email": "piotr.kaminski@lumio.pl"},
         "kasia": {"id": "U3NV8ZL0T6C2E", "username": "kasia.nowak", "email": "kasia.nowak@lumio.pl"}}
INTEG = {"id": "CX4W9J2H7PLQ1", "type": "grafana_alerting", "name": "Grafana Alerting - prod", "team": "Platform"}
def ag(gid, title, created, state, ack=None, res=None, ackby=None, resby=None, route="RZ2K6T8Q4MBNV"):
    return {"id": gid, "integration_id": INTEG["id"], "route_id": route, "alerts_count": 1, "state": state,
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "resolved_at": res.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if res else None,
            "acknowledged_at": ack.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if ack else None, "title": title,
            "permalinks": {"slack": None, "telegram": None, "web": "https://lumio.grafana.net/a/grafana-oncall-app/alert-groups/%s" % gid}}
def payload(name, labels, ann, starts, ends=None, status="firing"):
    return {"receiver": "oncall-prod", "status": status, "orgId": 1,
            "alerts": [{"status": status, "labels": dict(alertname=name, **labels), "annotations": ann, "startsAt": starts.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "endsAt": ends.strftime("%Y-%m-%dT%H:%M:%SZ") if ends else "0001-01-01T00:00:00Z",
                        "generatorURL": "https://lumio.grafana.net/alerting/grafana/%s/view" % hashlib.md5(name.encode()).hexdigest()[:14],
                        "fingerprint": hashlib.md5(json.dumps(labels).encode()).hexdigest()[:16]}],
            "groupLabels": {"alertname": name}, "commonLabels": dict(alertname=name, **labels), "commonAnnotations": ann, "externalURL": "https://lumio.grafana.net/", "version": "1",
            "groupKey": "{}:{alertname=\"%s\"}" % name, "truncatedAlerts": 0, "title": "[%s] %s" % (status.upper(), name), "state": "alerting" if status == "firing" else "ok",
            "message": ann.get("summary", "")}
def hook(etype, t, user, group, pl, ackby=None, resby=None, notified=()):
    return {"event": {"type": etype, "time": t.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")}, "user": user, "alert_group": group, "alert_group_id": group["id"],
            "alert_payload": pl, "alert_group_acknowledged_by": ackby, "alert_group_resolved_by": resby, "integration": INTEG,
            "notified_users": list(notified), "users_to_be_notified": [], "responses": {}}
hooks = []
# 1 red herring: replica lag (pages)
L1 = {"severity": "critical", "instance": "reporting-replica-1", "team": "data"}
A1 = {"summary": "Cloud SQL replica reporting-replica-1 lag > 30s for 3m", "runbook_url": "https://wiki.lumio.pl/runbooks/cloudsql-replica-lag"}
c1, k1, r1 = T(8,55,10,221000), T(8,57,31,904000), T(9,22,40,117000)
p1 = payload("CloudSQLReplicaLagHigh", L1, A1, T(8,55,0))
hooks.append(hook("alert group created", c1, None, ag("IBQ7X1M3K9D2F", "CloudSQLReplicaLagHigh", c1, "firing"), p1))
hooks.append(hook("escalation", c1 + dt.timedelta(seconds=2), None, ag("IBQ7X1M3K9D2F", "CloudSQLReplicaLagHigh", c1, "firing"), p1, notified=[USERS["kasia"]]))
hooks.append(hook("acknowledge", k1, USERS["kasia"], ag("IBQ7X1M3K9D2F", "CloudSQLReplicaLagHigh", c1, "acknowledged", ack=k1), p1, ackby=USERS["kasia"]))
hooks.append(hook("resolve", r1, None, ag("IBQ7X1M3K9D2F", "CloudSQLReplicaLagHigh", c1, "resolved", ack=k1, res=r1), payload("CloudSQLReplicaLagHigh", L1, A1, T(8,55,0), r1, "resolved"), ackby=USERS["kasia"], resby={"type": "source"}))
# 2 partner volume low (60m window) fires after the phone call
L2 = {"severity": "critical", "service": "hooks-receiver", "partner": "kurierx", "team": "platform"}
A2 = {"summary": "Webhook volume from partner kurierx < 20% of 7-day baseline over the last 60m", "description": "sum_over_time(hooks_received_total{partner=\"kurierx\"}[60m]) / baseline = 0.14"}
c2, k2, r2 = T(10,15,0,412000), T(10,15,41,88000), T(10,31,0,530000)
p2 = payload("PartnerWebhookVolumeLow", L2, A2, T(10,14,30))
hooks.append(hook("alert group created", c2, None, ag("IT2H8N5R1W6YC", "PartnerWebhookVolumeLow", c2, "firing"), p2))
hooks.append(hook("escalation", c2 + dt.timedelta(seconds=2), None, ag("IT2H8N5R1W6YC", "PartnerWebhookVolumeLow", c2, "firing"), p2, notified=[USERS["piotr"]]))
hooks.append(hook("acknowledge", k2, USERS["piotr"], ag("IT2H8N5R1W6YC", "PartnerWebhookVolumeLow", c2, "acknowledged", ack=k2), p2, ackby=USERS["piotr"]))
hooks.append(hook("resolve", r2, None, ag("IT2H8N5R1W6YC", "PartnerWebhookVolumeLow", c2, "resolved", ack=k2, res=r2), payload("PartnerWebhookVolumeLow", L2, A2, T(10,14,30), r2, "resolved"), ackby=USERS["piotr"], resby={"type": "source"}))
# 3 noise: build runner disk
L3 = {"severity": "warning", "instance": "build-runner-3", "team": "platform"}
A3 = {"summary": "Disk usage on build-runner-3 above 85%"}
c3, r3 = T(11,48,20,5000), T(12,31,0,0)
p3 = payload("NodeDiskUsageHigh", L3, A3, T(11,48,0))
hooks.append(hook("alert group created", c3, None, ag("IKD3P7V0S2L8M", "NodeDiskUsageHigh", c3, "firing", route="RLOWPRIO0001"), p3))
hooks.append(hook("resolve", r3, None, ag("IKD3P7V0S2L8M", "NodeDiskUsageHigh", c3, "resolved", res=r3, route="RLOWPRIO0001"), payload("NodeDiskUsageHigh", L3, A3, T(11,48,0), r3, "resolved"), resby={"type": "source"}))
hooks.sort(key=lambda h: h["event"]["time"])
with open(os.path.join(OUT, "oncall_webhooks.json"), "w") as f:
    json.dump(hooks, f, indent=2)
print("entries", len(E), "missed", missed, "replayed", replay)
