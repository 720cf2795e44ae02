#!/usr/bin/env python3
"""Generate blindB04: nginx config refactor drops client_max_body_size -> photo uploads > 1 MB get 413.
Hotfix only on lb-1, synthetic passes, 'resolved' declared early (false recovery); support tickets reopen it; lb-2 fixed.
Inputs: teams_chat.txt (Teams copy-paste, [h:mm AM] Full Name, local BST, no date), nginx_access_lb1.log, nginx_access_lb2.log
(combined format, +0100), apache_error.log (Apache 2.4 error log, local time without offset), newrelic_issues.json."""
import json, random, os, uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

random.seed(733)
uuid.uuid4 = lambda: uuid.UUID(int=random.getrandbits(128), version=4)  # deterministic ids
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
LOC = ZoneInfo("Europe/London")
def U(s): return datetime.strptime("2026-05-12 " + s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
def L(s): return datetime.strptime("2026-05-12 " + s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=LOC).astimezone(UTC)
def z(d): return d.strftime("%Y-%m-%dT%H:%M:%SZ")

BAD_APPLY = {"lb-1": U("08:14:31"), "lb-2": U("08:13:52")}   # puppet run + reload
FIX = {"lb-1": U("09:05:20"), "lb-2": U("10:21:35")}
SYN_FAIL = U("08:29:10")
SYN_OK_CLOSE = U("09:10:40")
FALSE_RES = L("10:12:30")
TICKETS_POST = L("11:06:40")
REOPEN = L("11:09:10")
RESOLVED = L("12:02:00")
START, END = U("07:30:00"), U("11:30:00")

def nginx_ts(d): return d.astimezone(LOC).strftime("%d/%b/%Y:%H:%M:%S %z")
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 HausAgent/5.2",
       "HauslySynthetics/1.0 (New Relic Synthetics; monitor=listing-photo-upload)"]
logs = {"lb-1": [], "lb-2": []}
count413 = {"w1": 0, "w2": 0}
listings413 = set()
def bad(lb, t): return BAD_APPLY[lb] <= t < FIX[lb]
t = START
while t < END:
    t += timedelta(seconds=random.expovariate(1 / 11))
    lb = random.choice(["lb-1", "lb-2"])
    cip = f"{random.choice(['81.2', '86.14', '92.40', '109.150', '212.58'])}.{random.randint(1, 254)}.{random.randint(1, 254)}"
    ua = random.choice(UAS[:3])
    r = random.random()
    if r < 0.22:
        lid = random.randint(880000, 889999)
        size = int(random.lognormvariate(14.6, 0.5))  # ~2-3 MB typical
        if bad(lb, t) and size > 1048576:
            st, rb, up, rt = 413, 183, "-", "0.000"
            count413["w1" if t < FIX["lb-1"] else "w2"] += 1
            listings413.add(lid)
        else:
            st, rb, up, rt = 201, random.randint(380, 520), f"10.0.3.{random.choice([11, 12])}:8080", f"{random.uniform(0.4, 2.2):.3f}"
        logs[lb].append((t, f'{cip} - - [{nginx_ts(t)}] "POST /api/v2/listings/{lid}/photos HTTP/1.1" {st} {rb} "https://agents.hausly.example/listings/{lid}/edit" "{ua}" req_len={size} rt={rt} upstream={up}'))
    else:
        p = random.choice(["/api/v2/listings?page=1", "/api/v2/listings/%d" % random.randint(880000, 889999), "/static/js/agent.8c1f.js",
                           "/api/v2/me", "/api/v2/enquiries?status=open", "/healthz"])
        st = 200 if random.random() > 0.015 else random.choice([304, 404])
        logs[lb].append((t, f'{cip} - - [{nginx_ts(t)}] "GET {p} HTTP/1.1" {st} {random.randint(200, 30000)} "-" "{ua}" req_len={random.randint(300, 900)} rt={random.uniform(0.005, 0.3):.3f} upstream=10.0.3.{random.choice([11, 12])}:8080'))
# synthetic monitor: source-IP affinity -> always lb-1, every 5 min
t = START
while t < END:
    t += timedelta(minutes=5)
    st = 413 if bad("lb-1", t) else 201
    logs["lb-1"].append((t + timedelta(seconds=3), f'34.245.77.19 - - [{nginx_ts(t + timedelta(seconds=3))}] "POST /api/v2/listings/100001/photos HTTP/1.1" {st} {183 if st == 413 else 402} "-" "{UAS[3]}" req_len=2097152 rt={"0.000" if st == 413 else "0.911"} upstream={"-" if st == 413 else "10.0.3.11:8080"}'))
# manual test uploads by on-call
logs["lb-1"].append((U("09:06:02"), f'147.161.22.9 - - [{nginx_ts(U("09:06:02"))}] "POST /api/v2/listings/100002/photos HTTP/1.1" 201 398 "-" "curl/8.5.0" req_len=3145728 rt=1.204 upstream=10.0.3.12:8080'))
for lb, tt in (("lb-1", U("10:28:40")), ("lb-2", U("10:28:55"))):
    logs[lb].append((tt, f'147.161.22.9 - - [{nginx_ts(tt)}] "POST /api/v2/listings/100002/photos HTTP/1.1" 201 401 "-" "curl/8.5.0" req_len=3145728 rt=1.118 upstream=10.0.3.11:8080'))
for lb in logs:
    logs[lb].sort(key=lambda x: x[0])
    with open(os.path.join(HERE, f"nginx_access_{lb.replace('-', '')}.log"), "w") as f:
        for _, s in logs[lb]: f.write(s + "\n")
first413 = min(d for lb in logs for d, s in logs[lb] if '" 413 ' in s)
last413 = max(d for lb in logs for d, s in logs[lb] if '" 413 ' in s)

# Apache error log (backend app-1/app-2 share one file via rsyslog; local time, no offset)
ae = []
def A(d, mod, msg, pid=None):
    lt = d.astimezone(LOC)
    ae.append((d, f"[{lt.strftime('%a %b %d %H:%M:%S')}.{random.randint(0, 999999):06d} {lt.year}] [{mod}] [pid {pid or random.choice([2211, 2214, 2219, 3107])}:tid {random.choice([140233871, 140233880, 140233902])}] {msg}"))
t = START
while t < END:
    t += timedelta(minutes=random.randint(6, 22))
    A(t, "php:warn", f"[client 10.0.2.{random.choice([21, 22])}:{random.randint(40000, 60000)}] PHP Warning:  POST Content-Length of {random.randint(27, 48) * 1048576} bytes exceeds the limit of 26214400 bytes in Unknown on line 0, referer: https://agents.hausly.example/listings/{random.randint(880000, 889999)}/edit")
t = START
while t < END:
    t += timedelta(minutes=random.randint(3, 9))
    A(t, *random.choice([
        ("proxy_fcgi:error", "[client 10.0.2.21:51822] AH01071: Got error 'PHP message: PHP Notice:  Undefined index: utm_source in /var/www/hausly/src/Tracking/Campaign.php on line 41'"),
        ("proxy_fcgi:error", "[client 10.0.2.22:49211] AH01071: Got error 'PHP message: [S3] PutObject slow: 2.8s photos-eu-west-2'"),
        ("mpm_event:debug", "AH00562: idle/busy workers: 31/17"),
        ("proxy_fcgi:error", "[client 10.0.2.21:50110] AH01071: Got error 'PHP message: Stripe webhook signature ok, event=invoice.paid'")]))
for d in (U("07:45:00"), U("09:45:00")):
    A(d, "mpm_event:notice", "AH00489: Apache/2.4.58 (Ubuntu) configured -- resuming normal operations", pid=2201)
for k in range(10):
    d = U("08:35:00") + timedelta(minutes=random.randint(0, 40))
    A(d, "proxy_fcgi:error", f"[client 10.0.2.22:{random.randint(40000, 60000)}] AH01071: Got error 'PHP message: [S3] PutObject slow: {random.uniform(3.1, 6.5):.1f}s photos-eu-west-2'")
ae.sort(key=lambda x: x[0])
with open(os.path.join(HERE, "apache_error.log"), "w") as f:
    for _, s in ae: f.write(s + "\n")
n_lines = sum(len(v) for v in logs.values()) + len(ae)

# New Relic workflow webhooks
def nr(state, d, title, prio, cond, ent, iid, ack=None, closed=None):
    o = {"issueId": iid, "issueUrl": f"https://one.eu.newrelic.com/alerts-ai/issues/{iid}", "title": title, "priority": prio,
         "impactedEntities": [ent], "totalIncidents": 1, "state": state, "trigger": {"ACTIVATED": "INCIDENT_ADDED", "CLOSED": "INCIDENT_CLOSED", "ACKNOWLEDGED": "ISSUE_ACKNOWLEDGED"}[state],
         "isCorrelated": False, "createdAt": int(d.timestamp() * 1000), "updatedAt": int(d.timestamp() * 1000),
         "sources": ["newrelic"], "alertPolicyNames": ["Hausly agents - uploads"], "alertConditionNames": [cond], "workflowName": "uploads -> " + ("PagerDuty + Teams" if prio == "CRITICAL" else "Teams #agent-platform-alerts only")}
    if ack: o["acknowledgedBy"] = ack
    if closed: o["closedAt"] = int(closed.timestamp() * 1000)
    return o
i1, i2, i3, i4 = (str(uuid.UUID(int=random.getrandbits(128))) for _ in range(4))
NR = [
 nr("ACTIVATED", SYN_FAIL, "Synthetic monitor 'listing-photo-upload (2 MB)' failed 3 consecutive checks: HTTP 413", "CRITICAL", "listing-photo-upload failure", "listing-photo-upload", i1),
 nr("ACKNOWLEDGED", U("08:31:45"), "Synthetic monitor 'listing-photo-upload (2 MB)' failed 3 consecutive checks: HTTP 413", "CRITICAL", "listing-photo-upload failure", "listing-photo-upload", i1, ack="oliver.grant@hausly.example"),
 nr("ACTIVATED", U("08:41:00"), "hausly-agents-api: PhotoUploadController#store throughput below baseline (-52%)", "HIGH", "upload throughput anomaly", "hausly-agents-api", i2),
 nr("CLOSED", SYN_OK_CLOSE, "Synthetic monitor 'listing-photo-upload (2 MB)' failed 3 consecutive checks: HTTP 413", "CRITICAL", "listing-photo-upload failure", "listing-photo-upload", i1, closed=SYN_OK_CLOSE),
 nr("CLOSED", U("09:22:00"), "hausly-agents-api: PhotoUploadController#store throughput below baseline (-52%)", "HIGH", "upload throughput anomaly", "hausly-agents-api", i2, closed=U("09:22:00")),
 nr("ACTIVATED", U("09:34:00"), "hausly-agents-api: PhotoUploadController#store throughput below baseline (-27%)", "HIGH", "upload throughput anomaly", "hausly-agents-api", i3),
 nr("CLOSED", U("10:41:00"), "hausly-agents-api: PhotoUploadController#store throughput below baseline (-27%)", "HIGH", "upload throughput anomaly", "hausly-agents-api", i3, closed=U("10:41:00")),
 nr("ACTIVATED", U("08:38:30"), "hausly-agents-api: S3 PutObject p95 > 2.5s", "HIGH", "s3 latency", "hausly-agents-api", i4),
 nr("CLOSED", U("09:16:30"), "hausly-agents-api: S3 PutObject p95 > 2.5s", "HIGH", "s3 latency", "hausly-agents-api", i4, closed=U("09:16:30")),
]
NR.sort(key=lambda o: o["updatedAt"])
with open(os.path.join(HERE, "newrelic_issues.json"), "w") as f:
    json.dump(NR, f, indent=2)

# Teams copy-paste (local BST)
M = []
def m(lt, who, text): M.append((L(lt), who, text))
m("08:55:10", "Amir Haddad", "PR #733 (nginx: consolidate proxy settings into snippets/proxy_common.conf) merged, puppet will roll it to lb-1/lb-2 on the next run. no behaviour change expected")
m("09:02:40", "Chloe Bennett", "anyone know if the new valuation widget is behind a flag? marketing asking")
m("09:20:30", "Amir Haddad", "puppet applied on both LBs, nginx reloaded fine 👍")
m("09:30:15", "Oliver Grant", "got paged: synthetic 'listing-photo-upload (2 MB)' failing with 413. looking")
m("09:33:00", "Hannah Price", "I'll IC. Ollie what's the blast radius?")
m("09:35:40", "Oliver Grant", "413 = request entity too large, comes from nginx not the app. PHP never sees it")
m("09:38:20", "Chloe Bennett", "S3 alert also firing, PutObject p95 slow. could uploads be timing out at S3?")
m("09:40:05", "Oliver Grant", "S3 is slow-ish but those requests get a 201 eventually. the failing ones are rejected in 0ms at nginx")
m("09:42:30", "Amir Haddad", "apache error log is full of 'POST Content-Length exceeds the limit of 26214400' warnings, is php upload_max_filesize the problem?")
m("09:44:10", "Oliver Grant", "those are >25 MB uploads, we've always rejected those. same rate as last week. not it")
m("09:48:55", "Oliver Grant", "every photo > 1 MB gets 413 since ~09:15. client_max_body_size 25m used to be in sites-enabled/agents.conf. after #733 it's not in the new snippet, so nginx falls back to its 1m default")
m("09:50:20", "Hannah Price", "so that's the refactor. revert or hotfix?")
m("09:51:40", "Amir Haddad", "revert PR needs review + puppet run, 20-30 min")
m("09:53:00", "Hannah Price", "Ollie hotfix by hand now, revert in parallel")
m("10:05:50", "Oliver Grant", "added client_max_body_size 25m on lb-1 + reload, puppet agent disabled there so it doesn't flip back")
m("10:06:30", "Oliver Grant", "test upload of 3 MB works ✅")
m("10:10:50", "Oliver Grant", "synthetic green again, New Relic closed the issue")
m("10:12:30", "Oliver Grant", "Resolved ✅ uploads working again. revert PR can go through normal review")
m("10:13:05", "Hannah Price", "great work, closing the incident. postmortem Thursday")
m("10:36:10", "Chloe Bennett", "throughput alert on PhotoUploadController again, -27%. probably the agents catching up?")
m("10:45:10", "Amir Haddad", "revert PR #736 up for review")
m("11:06:40", "Grace Liu", "hi, support here. we've had 14 tickets since 10:30 from agents saying photo uploads STILL fail with 'file too large' (a few say 'works on the second try'). example ZD-58211 from Foxwell Lettings at 10:38. was this fixed?")
m("11:07:30", "Hannah Price", "😬 checking")
m("11:08:40", "Oliver Grant", "lb-2... I only fixed lb-1. the NLB pins source IPs, the synthetic and my curl always land on lb-1")
m("11:09:10", "Hannah Price", "reopening the incident. impact never stopped for ~half of the uploads")
m("11:10:20", "Chloe Bennett", "Ollie closed it after testing once, classic")
m("11:11:00", "Hannah Price", "Chloe, I closed it too. we had no per-LB check and the monitor only sees one LB. that's what we fix")
m("11:11:45", "Amir Haddad", "Amir's refactor PR broke uploads for every agent in the country, I know, sorry. can we just merge #736 now?")
m("11:12:30", "Hannah Price", "no blame needed Amir. yes: merge #736 with my approval, run puppet on lb-2 first, then re-enable puppet on lb-1")
m("11:21:50", "Amir Haddad", "puppet ran on lb-2, client_max_body_size 25m back, nginx reloaded 11:21:35")
m("11:24:30", "Oliver Grant", "puppet re-enabled on lb-1, it applied #736, no diff vs my hotfix")
m("11:29:20", "Oliver Grant", "tested both LBs directly with curl --resolve, 3 MB upload → 201 on lb-1 and lb-2. no 413 in either access log since 11:21")
m("11:35:00", "Grace Liu", "I'll reply to the tickets. how many uploads failed in total?")
m("11:41:30", "Oliver Grant", f"from the access logs: {count413['w1']} uploads got 413 between 09:15 and 10:05 (both LBs), and {count413['w2']} more on lb-2 between 10:05 and 11:21, after we called it resolved. {len(listings413)} listings affected")
m("11:44:00", "Grace Liu", "thanks. tickets total: 14 before reopening + 9 after = 23")
m("11:52:10", "Hannah Price", "follow-ups:\n- synthetic upload check per LB (hit lb-1 and lb-2 directly), not via the NLB\n- nginx config CI test: upload a 5 MB body against the rendered config before merge\n- don't declare resolved until we check every node in the pool (add to the runbook)\n- alert on nginx 413 rate from the access logs\n- the throughput-anomaly alert should go to on-call while an incident is open, not only the alerts channel\n- no hand edits without disabling puppet + a ticket to re-enable it (we did this right, write it down)")
m("11:55:30", "Grace Liu", "+ support gets a direct line into the incident channel when tickets spike after a 'resolved'")
m("12:02:00", "Hannah Price", "resolved for real this time: both LBs fixed, no 413s for 40 min, support replying to agents. closing")
M.sort(key=lambda x: x[0])
with open(os.path.join(HERE, "teams_chat.txt"), "w") as f:
    f.write("Copied from Teams › Agent Platform › Incidents\n\n")
    for d, who, text in M:
        lt = d.astimezone(LOC)
        f.write(f"[{lt.strftime('%I:%M %p').lstrip('0')}] {who}\n{text}\n\n")
n_msgs = len(M)

gold = {
 "title": "Listing photo uploads over 1 MB rejected with 413 after an nginx config refactor; hotfix applied to only one load balancer, so the first 'resolved' was a false recovery",
 "severity": "SEV2",
 "services": ["nginx load balancers lb-1 / lb-2", "puppet", "hausly-agents-api photo upload", "New Relic synthetic monitor"],
 "start": z(first413), "detected": z(SYN_FAIL), "mitigated": z(FIX["lb-2"]), "resolved": z(RESOLVED),
 "timezone": "Europe/London",
 "customer_impact": f"From {first413.astimezone(LOC).strftime('%H:%M')} BST ({first413.strftime('%H:%M')} UTC) estate agents could not upload listing photos larger than 1 MB: nginx rejected them with HTTP 413. From 10:05 BST (09:05 UTC) only lb-2 still rejected them, so about half of the uploads kept failing until 11:21 BST (10:21 UTC). {count413['w1'] + count413['w2']} uploads failed ({count413['w1']} before the partial hotfix, {count413['w2']} after the incident had been declared resolved) across {len(listings413)} listings, and support received 23 tickets. Agents could retry, which sometimes worked.",
 "impact_numbers": [f"{count413['w1'] + count413['w2']} uploads rejected with 413", f"{count413['w1']} between {first413.strftime('%H:%M')} and 09:05 UTC (both LBs)", f"{count413['w2']} on lb-2 between 09:05 and 10:21 UTC, after 'resolved'",
                    f"{len(listings413)} listings affected", "23 support tickets (14 before reopening + 9 after)", "~2 h 6 min of impact, ~1 h 9 min of it after the false recovery"],
 "root_cause": "PR #733 moved nginx proxy settings into a shared snippet (snippets/proxy_common.conf) and dropped `client_max_body_size 25m` from the agents site config, so after the puppet run nginx used its 1 MB default and rejected larger photo uploads with 413 before they reached the application. The hotfix was applied by hand only to lb-1. The New Relic synthetic monitor and the manual test both always landed on lb-1 because the NLB pins source IPs, so the monitor closed and the incident was declared resolved while lb-2 kept rejecting uploads. Support tickets reopened it, and the revert (PR #736) applied by puppet to lb-2 ended the impact.",
 "root_cause_keywords": ["client_max_body_size dropped in nginx refactor (PR #733)", "1 MB default -> HTTP 413", "hotfix only on lb-1, lb-2 still broken", "synthetic pinned to one LB (source-IP affinity)", "false recovery declared"],
 "contributing_factors": ["No CI test of the rendered nginx config with a large request body",
   "The synthetic upload monitor only exercised one load balancer (NLB source-IP affinity)",
   "Resolved was declared without checking every node in the pool",
   "413s are produced by nginx, so application APM error rates did not move",
   "The upload-throughput anomaly alert after the 'resolved' went only to the alerts channel"],
 "red_herrings": ["S3 PutObject latency", "PHP upload_max_filesize / post_max_size warnings in the Apache error log", "agents catching up after the outage (the -27% throughput alert)"],
 "timeline": [
  {"time": z(BAD_APPLY["lb-2"]), "event": "Puppet applies PR #733 and reloads nginx (lb-2 08:13, lb-1 08:14)", "source": "log", "must_include": False},
  {"time": z(first413), "event": "First photo upload rejected with 413", "source": "log", "must_include": True},
  {"time": z(SYN_FAIL), "event": "New Relic synthetic 'listing-photo-upload' fails with 413 and pages on-call", "source": "alert", "must_include": True},
  {"time": z(L("09:48:55")), "event": "Missing client_max_body_size after PR #733 identified", "source": "chat", "must_include": True},
  {"time": z(FIX["lb-1"]), "event": "Hand hotfix on lb-1 only (puppet disabled there)", "source": "chat", "must_include": True},
  {"time": z(SYN_OK_CLOSE), "event": "Synthetic passes (lands on lb-1) and New Relic closes the issue", "source": "alert", "must_include": False},
  {"time": z(FALSE_RES), "event": "Incident declared resolved — FALSE RECOVERY, lb-2 still returns 413", "source": "chat", "must_include": True},
  {"time": z(U("09:34:00")), "event": "Non-paging upload-throughput anomaly alert (-27%) fires; attributed to agents catching up", "source": "alert", "must_include": False},
  {"time": z(TICKETS_POST), "event": "Support reports 14 tickets: uploads still failing", "source": "chat", "must_include": True},
  {"time": z(REOPEN), "event": "Incident reopened; hotfix found to cover lb-1 only", "source": "chat", "must_include": True},
  {"time": z(FIX["lb-2"]), "event": "Revert PR #736 applied by puppet on lb-2; 413s stop (real mitigation)", "source": "log", "must_include": True},
  {"time": z(L("11:29:20")), "event": "Both LBs verified directly with 3 MB uploads", "source": "chat", "must_include": False},
  {"time": z(RESOLVED), "event": "Incident resolved", "source": "chat", "must_include": True}],
 "action_items": [
  {"text": "Synthetic upload check per load balancer, bypassing the NLB", "evidence": "synthetic upload check per LB (hit lb-1 and lb-2 directly), not via the NLB"},
  {"text": "CI test uploading a 5 MB body against the rendered nginx config", "evidence": "nginx config CI test: upload a 5 MB body against the rendered config before merge"},
  {"text": "Runbook: verify every node in the pool before declaring resolved", "evidence": "don't declare resolved until we check every node in the pool"},
  {"text": "Alert on the nginx 413 rate", "evidence": "alert on nginx 413 rate from the access logs"},
  {"text": "Route the throughput-anomaly alert to on-call while an incident is open", "evidence": "the throughput-anomaly alert should go to on-call while an incident is open"},
  {"text": "Document: hand edits only with puppet disabled and a ticket to re-enable it", "evidence": "no hand edits without disabling puppet + a ticket to re-enable it"},
  {"text": "Direct line from support into the incident channel when tickets spike after a 'resolved'", "evidence": "support gets a direct line into the incident channel when tickets spike after a 'resolved'"}],
 "blame_bait": ["Ollie closed it after testing once, classic", "Amir's refactor PR broke uploads for every agent in the country"],
 "secrets": [],
 "injection": None,
 "similar_categories": ["config-change", "network", "human-process"]
}
with open(os.path.join(HERE, "gold.json"), "w") as f:
    json.dump(gold, f, indent=2, ensure_ascii=False)
print("lines", n_lines, "msgs", n_msgs, count413, len(listings413), "first413", first413, "last413", last413)
