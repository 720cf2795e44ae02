#!/usr/bin/env python3
"""Generate blindD01 (seeded). Chat: Teams copy-paste in America/Sao_Paulo local time (UTC-3)."""
import json, random, sys, os, uuid
from datetime import timedelta
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import T, iso, span, Case

rng = random.Random(4101)
C = Case(os.path.dirname(os.path.abspath(__file__)))
OFF = timedelta(hours=-3)

def teams_time(t):
    l = t + OFF
    return l.strftime("%-I:%M %p")

# ---------------- chat ----------------
msgs = [
 ("16:31:10", "Beatriz Lima", "boa tarde pessoal, lembrete: freeze de deploy começa sexta 18h por causa da Black Friday"),
 ("16:33:02", "Gustavo Reis", "👍 anotado"),
 ("16:50:12", "deploy-bot (Workflow)", "checkout-api 4.8.0 deployed to prod (all regions) by pipeline #88213"),
 ("16:58:44", "deploy-bot (Workflow)", "edge-config v2026.11.18-3 rollout started (distribution E2LOJAVIA01, change: PR #642 \"regional origin override for SA POPs\")"),
 ("17:09:41", "Datadog (Workflow)", "[P1] Triggered: Synthetic 'checkout API - São Paulo' failing (2/2 locations: aws:sa-east-1, aws:sa-east-1-b) — HTTP 502"),
 ("17:10:30", "Rafael Moura", "ack. olhando o synthetic de SP"),
 ("17:12:05", "Camila Souza", "suporte recebendo reclamações: clientes em SP e Buenos Aires não conseguem finalizar compra, carrinho dá 'erro ao carregar'"),
 ("17:12:50", "Rafael Moura", "home abre normal pra mim (estou em Campinas). mas /api/cart retorna 502 do CloudFront"),
 ("17:13:40", "Gustavo Reis", "checkout-api 4.8.0 subiu 16:50 UTC, 20 min antes. rollback?"),
 ("17:14:30", "Rafael Moura", "checkout-api pods saudáveis, p99 normal, error rate 0.2%. the 502s are generated at the edge, not by the origin"),
 ("17:15:20", "Beatriz Lima", "I'll take IC. Rafael ops, Gustavo checkout. Camila comms. opening INC-5521 SEV2"),
 ("17:16:10", "Gustavo Reis", "Downdetector mostra pico da Vivo agora, pode ser ISP?"),
 ("17:17:05", "Camila Souza", "clientes no Chile também reclamando, e lá não tem Vivo"),
 ("17:18:30", "Rafael Moura", "AWS health dashboard: sa-east-1 all green. our origin is in us-east-1 anyway"),
 ("17:20:15", "Camila Souza", "statuspage posted: Investigating - checkout errors for some customers in South America"),
 ("17:21:40", "Beatriz Lima", "global 5xx monitor is at 6%, threshold 10%, so it never fired. Is this only SA?"),
 ("17:24:10", "Rafael Moura", "pulled CloudFront logs: all the 502s come from GRU3, GIG51, EZE50, SCL51. x-edge-detailed-result-type = OriginDnsError. IAD/FRA/LHR fine"),
 ("17:24:55", "Rafael Moura", "static assets are Hit from cache so the home page looks fine, only /api/* goes to origin"),
 ("17:26:30", "Gustavo Reis", "OriginDnsError... CloudFront can't resolve the origin hostname? but api.origin.lojavia.com resolves fine"),
 ("17:27:45", "Thiago Nunes", "hm. o PR #642 que eu mergeei hoje muda o origin das POPs da América do Sul pra api-sa.internal.lojavia.net"),
 ("17:28:20", "Gustavo Reis", "o Thiago empurrou config sem testar de novo"),
 ("17:28:50", "Beatriz Lima", "sem isso por favor. Thiago, o que o PR faz exatamente?"),
 ("17:30:10", "Thiago Nunes", "adds a regional origin override so SA POPs hit the new sa-east-1 ALB (latency project). the hostname api-sa.internal.lojavia.net is in our private Route 53 zone... CI validation resolved it because the runner is inside the VPC"),
 ("17:31:02", "Rafael Moura", "confirmed: dig api-sa.internal.lojavia.net @8.8.8.8 -> NXDOMAIN. CloudFront resolves origins publicly"),
 ("17:31:40", "Beatriz Lima", "ok, rollback edge-config to v2026.11.18-2. Thiago, go"),
 ("17:33:15", "Gustavo Reis", "whoever approved that PR wasn't looking"),
 ("17:33:50", "Beatriz Lima", "Gustavo, let's keep it about the process. we'll cover review/validation in the postmortem"),
 ("17:36:12", "Thiago Nunes", "rollback started: edge-config v2026.11.18-2 (pipeline #88231)"),
 ("17:38:05", "Camila Souza", "statuspage: Identified - a configuration change at our CDN is causing errors in South America; rollback in progress"),
 ("17:42:20", "Rafael Moura", "propagation complete 17:41:50 UTC per deployer. GRU/EZE/SCL/GIG returning 200 on /api/* again"),
 ("17:44:40", "Datadog (Workflow)", "[P1] Recovered: Synthetic 'checkout API - São Paulo'"),
 ("17:45:30", "Camila Souza", "statuspage: Monitoring"),
 ("17:47:10", "Gustavo Reis", "checkout conversion SA voltando ao normal. checkout-api 4.8.0 não tinha nada a ver, mantemos"),
 ("17:52:00", "Rafael Moura", "impact from logs + analytics: 17:02 to 17:41 UTC, ~100% of /api/* at the 4 SA POPs failed, ~18,400 API requests, ~2,100 checkout attempts failed (BR, AR, CL). ~11% of global traffic"),
 ("17:55:30", "Beatriz Lima", "action items, rascunho:"),
 ("17:55:31", "Beatriz Lima", "1) edge-config CI must resolve new origins from a public resolver, not from inside the VPC"),
 ("17:56:10", "Beatriz Lima", "2) canary edge config on one SA POP too, not only IAD"),
 ("17:56:45", "Rafael Moura", "3) per-region 5xx monitor on CloudFront, paging, the global one hides a region"),
 ("17:57:30", "Thiago Nunes", "4) public DNS record for the SA origin before we retry the latency project (api-sa.origin.lojavia.com)"),
 ("17:58:20", "Camila Souza", "e aqui já são quase 15h, vou mandar o comunicado pros lojistas"),
 ("18:30:00", "Beatriz Lima", "fechando INC-5521 como resolvido. statuspage Resolved. postmortem quinta"),
 ("18:31:10", "Camila Souza", "statuspage atualizado: Resolved ✅"),
]
lines = ["Microsoft Teams — chat \"INC checkout América do Sul\" (copied 18/11/2026)", ""]
for hms, who, text in msgs:
    t = T(f"2026-11-18T{hms}Z")
    lines.append(f"[{teams_time(t)}] {who}")
    lines.append(text)
    lines.append("")
C.write("teams_chat.txt", "\n".join(lines))
def chat_needle(hms, who):
    return f"[{teams_time(T('2026-11-18T'+hms+'Z'))}] {who}"

# ---------------- CloudFront access log ----------------
POPS = [("IAD89-P2", 30), ("FRA56-P5", 14), ("LHR61-P1", 10), ("NRT57-P3", 6), ("GRU3-P1", 7), ("GIG51-C1", 2), ("EZE50-C1", 2), ("SCL51-C1", 1)]
SA = {"GRU3-P1", "GIG51-C1", "EZE50-C1", "SCL51-C1"}
PATHS = [("/", "text/html", True), ("/static/app.7f3c1.js", "application/javascript", True), ("/static/app.7f3c1.css", "text/css", True),
         ("/img/p/88123.webp", "image/webp", True), ("/api/cart", "application/json", False), ("/api/products", "application/json", False),
         ("/api/checkout", "application/json", False), ("/api/session", "application/json", False)]
UA = ["Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2018_1%20like%20Mac%20OS%20X)", "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)", "LojaVia/7.3.1%20(Android%2015)", "Mozilla/5.0%20(Macintosh;%20Intel%20Mac%20OS%20X%2014_6)"]
fields = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end"
BAD_FROM, BAD_TO = T("2026-11-18T17:02:14Z"), T("2026-11-18T17:41:50Z")
cf = ["#Version: 1.0", "#Fields: " + fields, "# distribution E2LOJAVIA01, sampled 1:50 by edge-log-sampler"]
ts_list = span(rng, T("2026-11-18T16:40:00Z"), T("2026-11-18T18:12:00Z"), 4.6)
first_bad = True
for t in ts_list:
    pop = rng.choices([p for p, _ in POPS], [w for _, w in POPS])[0]
    path, ctype, cacheable = rng.choice(PATHS)
    if pop in SA and first_bad and t >= BAD_FROM:
        path, ctype, cacheable = "/api/cart", "application/json", False
        t = BAD_FROM; first_bad = False
    method = "POST" if path == "/api/checkout" else "GET"
    status, rtype, det, tt = 200, ("Hit" if cacheable and rng.random() < 0.92 else "Miss"), None, round(rng.uniform(0.002, 0.09) if cacheable else rng.uniform(0.05, 0.4), 3)
    if not cacheable and pop in SA and BAD_FROM <= t < BAD_TO:
        status, rtype, det, tt, ctype = 502, "Error", "OriginDnsError", round(rng.uniform(0.01, 0.05), 3), "text/html"
    elif not cacheable and rng.random() < 0.004:
        status, rtype = 503, "Error"; det = "OriginConnectError"
    elif not cacheable:
        rtype = "Miss"
    det = det or rtype
    if rtype == "Hit" and rng.random() < 0.05:
        det = "RefreshHit"
    ip = rng.choice(["198.51.100.", "203.0.113.", "192.0.2."]) + str(rng.randint(2, 254))
    rid = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(56)) + "=="
    size = rng.randint(900, 64000) if status == 200 else 915
    cf.append("\t".join([t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"), pop, str(size), ip, method, "d3lojavia9x.cloudfront.net", path, str(status), "https://www.lojavia.com/", rng.choice(UA), "-", "-", rtype, rid, "www.lojavia.com", "https", str(rng.randint(180, 900)), str(tt), "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", rtype, "HTTP/2.0", "-", "-", str(rng.randint(30000, 65000)), str(tt), det, ctype, str(size), "-", "-"]))
C.write("cloudfront_access.log", "\n".join(cf[:3] + sorted(cf[3:])) + "\n")

# ---------------- edge deployer log ----------------
dep = []
def d(hms, lvl, msg):
    dep.append(f"2026-11-18T{hms}Z edge-config-deployer[{rng.randint(1200,1299)}] {lvl} {msg}")
d("16:12:03", "INFO", "poll: no pending releases")
d("16:42:03", "INFO", "poll: no pending releases")
d("16:58:40", "INFO", "release v2026.11.18-3 (PR #642 regional origin override for SA POPs) start distribution=E2LOJAVIA01 initiator=ci")
d("16:58:41", "INFO", "validate: syntax ok; origin api-sa.internal.lojavia.net resolves (10.40.12.7) from runner ci-runner-vpc-3")
d("16:58:43", "INFO", "diff: +origin sa-alb (api-sa.internal.lojavia.net, https-only) ; +cache-behavior /api/* geo-override=[GRU,GIG,EZE,SCL,BOG] -> sa-alb")
d("16:58:50", "INFO", "canary stage: IAD89 (override not applicable) 200 OK")
d("16:59:30", "INFO", "UpdateDistribution accepted etag=E3QX7Z0A2L5")
d("17:02:10", "INFO", "distribution E2LOJAVIA01 status=Deployed release=v2026.11.18-3")
d("17:12:03", "INFO", "poll: no pending releases")
d("17:36:10", "WARN", "manual rollback requested by thiago.nunes target=v2026.11.18-2 (pipeline #88231)")
d("17:36:14", "INFO", "release v2026.11.18-2 start distribution=E2LOJAVIA01 initiator=thiago.nunes")
d("17:36:55", "INFO", "UpdateDistribution accepted etag=E1MM0C4V9TT")
d("17:41:50", "INFO", "distribution E2LOJAVIA01 status=Deployed release=v2026.11.18-2 (rollback) propagation complete")
d("17:42:03", "INFO", "poll: no pending releases")
d("18:12:03", "INFO", "poll: no pending releases")
C.write("edge-deployer.log", "\n".join(dep) + "\n")

# ---------------- Datadog webhooks ----------------
def dd(t, transition, title, mid, prio, body, tags):
    ms = int(T(t).timestamp() * 1000)
    return {"id": str(rng.randint(10**18, 10**19)), "last_updated": ms, "event_type": "synthetics_alert" if "Synthetic" in title else "query_alert_monitor",
            "title": f"[{transition}] {title}", "date": ms, "org": {"id": "381920", "name": "LojaVia"}, "alert_id": mid,
            "alert_transition": transition, "alert_type": "error" if transition == "Triggered" else ("warning" if transition == "Warn" else "success"),
            "priority": prio, "body": body, "tags": tags, "link": f"https://app.datadoghq.com/monitors/{mid}"}
alerts = [
 dd("2026-11-18T15:20:11Z", "Triggered", "ip-10-1-3-44 disk usage > 90% on /var/log", "118204", "P4", "Disk usage 91.2% on /var/log", "host:ip-10-1-3-44,team:infra"),
 dd("2026-11-18T15:31:40Z", "Recovered", "ip-10-1-3-44 disk usage > 90% on /var/log", "118204", "P4", "Disk usage 62.0%", "host:ip-10-1-3-44,team:infra"),
 dd("2026-11-18T17:06:00Z", "Warn", "CloudFront 5xx error rate (global) above 5%", "120551", "P3", "5xx rate 6.1% (warn 5%, alert 10%) on distribution E2LOJAVIA01 — notify @slack-cdn-noise", "distribution:E2LOJAVIA01,team:web"),
 dd("2026-11-18T17:09:30Z", "Triggered", "Synthetic 'checkout API - São Paulo' failing", "120777", "P1", "2/2 locations failing: HTTP 502 on GET https://www.lojavia.com/api/cart — @pagerduty-loja-oncall @teams-loja-oncall", "synthetics,location:sa-east-1,team:checkout"),
 dd("2026-11-18T17:44:30Z", "Recovered", "Synthetic 'checkout API - São Paulo' failing", "120777", "P1", "All locations passing", "synthetics,location:sa-east-1,team:checkout"),
 dd("2026-11-18T17:48:00Z", "Recovered", "CloudFront 5xx error rate (global) above 5%", "120551", "P3", "5xx rate 0.3%", "distribution:E2LOJAVIA01,team:web"),
]
C.write("datadog_alerts.json", json.dumps(alerts, indent=2, ensure_ascii=False) + "\n")

# ---------------- Statuspage ----------------
sp = {"incident": {"id": "t8f3kq2v9wzm", "name": "Checkout errors for customers in South America", "status": "resolved", "impact": "major",
      "created_at": "2026-11-18T14:20:15.000-03:00", "resolved_at": "2026-11-18T15:30:40.000-03:00", "shortlink": "https://stspg.io/lojavia5521",
      "components": [{"name": "Checkout", "status": "operational"}, {"name": "Website", "status": "operational"}],
      "incident_updates": [
        {"status": "resolved", "body": "This incident has been resolved.", "created_at": "2026-11-18T15:30:40.000-03:00"},
        {"status": "monitoring", "body": "A fix has been implemented and we are monitoring the results.", "created_at": "2026-11-18T14:45:30.000-03:00"},
        {"status": "identified", "body": "A configuration change at our CDN is causing errors for customers in Brazil, Argentina and Chile. A rollback is in progress.", "created_at": "2026-11-18T14:38:05.000-03:00"},
        {"status": "investigating", "body": "Some customers in South America cannot complete checkout. We are investigating.", "created_at": "2026-11-18T14:20:15.000-03:00"}]}}
C.write("statuspage.json", json.dumps(sp, indent=2, ensure_ascii=False) + "\n")

# ---------------- gold ----------------
E = C.ev
E("2026-11-18T16:50:12Z", "checkout-api 4.8.0 deployed (unrelated)", "chat", False, "teams_chat.txt", chat_needle("16:50:12", "deploy-bot (Workflow)"))
E("2026-11-18T16:58:40Z", "edge-config v2026.11.18-3 (PR #642, regional origin override for SA POPs to api-sa.internal.lojavia.net) rollout starts; CI validation resolves the private name from inside the VPC", "log", True, "edge-deployer.log", "2026-11-18T16:58:40Z")
E("2026-11-18T17:02:10Z", "Edge config deployed to all POPs", "log", False, "edge-deployer.log", "2026-11-18T17:02:10Z")
E("2026-11-18T17:02:14Z", "First 502 OriginDnsError on /api/* at a South America POP (GRU3)", "log", True, "cloudfront_access.log", "2026-11-18\t17:02:14\tGRU3-P1")
E("2026-11-18T17:06:00Z", "Global CloudFront 5xx monitor reaches only Warn (6.1%, non-paging)", "alert", False, "datadog_alerts.json", "CloudFront 5xx error rate (global) above 5%")
E("2026-11-18T17:09:30Z", "Datadog synthetic 'checkout API - São Paulo' fails and pages on-call (P1)", "alert", True, "datadog_alerts.json", str(int(T("2026-11-18T17:09:30Z").timestamp()*1000)))
E("2026-11-18T17:12:05Z", "Support reports customers in São Paulo and Buenos Aires cannot check out", "chat", False, "teams_chat.txt", chat_needle("17:12:05", "Camila Souza"))
E("2026-11-18T17:15:20Z", "IC takes command, INC-5521 opened as SEV2", "chat", True, "teams_chat.txt", chat_needle("17:15:20", "Beatriz Lima"))
E("2026-11-18T17:20:15Z", "Statuspage: Investigating", "chat", False, "teams_chat.txt", chat_needle("17:20:15", "Camila Souza"))
E("2026-11-18T17:24:10Z", "CloudFront logs show all 502s at SA POPs (GRU3, GIG51, EZE50, SCL51) with OriginDnsError", "chat", True, "teams_chat.txt", chat_needle("17:24:10", "Rafael Moura"))
E("2026-11-18T17:30:10Z", "PR #642 origin override to a private-zone hostname identified as the trigger", "chat", True, "teams_chat.txt", chat_needle("17:30:10", "Thiago Nunes"))
E("2026-11-18T17:36:12Z", "Rollback of edge-config to v2026.11.18-2 started", "chat", True, "teams_chat.txt", chat_needle("17:36:12", "Thiago Nunes"))
E("2026-11-18T17:41:50Z", "Rollback propagated; SA POPs serve /api/* again (mitigated)", "log", True, "edge-deployer.log", "2026-11-18T17:41:50Z")
E("2026-11-18T17:44:30Z", "Synthetic recovers", "alert", False, "datadog_alerts.json", str(int(T("2026-11-18T17:44:30Z").timestamp()*1000)))
E("2026-11-18T18:30:00Z", "Incident resolved; Statuspage resolved", "chat", True, "teams_chat.txt", chat_needle("18:30:00", "Beatriz Lima"))

gold = {
 "title": "Checkout API down in South America for ~40 min: edge config push pointed SA POPs at a privately-resolvable origin hostname",
 "severity": "SEV2",
 "services": ["CloudFront distribution E2LOJAVIA01 (www.lojavia.com)", "edge-config pipeline", "checkout / cart API (/api/*)"],
 "start": "2026-11-18T17:02:14Z", "detected": "2026-11-18T17:09:30Z", "mitigated": "2026-11-18T17:41:50Z", "resolved": "2026-11-18T18:30:00Z",
 "timezone": "America/Sao_Paulo",
 "customer_impact": "From 17:02 to 17:41 UTC (14:02-14:41 in São Paulo) customers served by the South America CDN POPs (Brazil, Argentina, Chile) could browse cached pages but every API call (cart, checkout, session) failed with HTTP 502, so they could not add to cart or check out. Other regions were unaffected.",
 "impact_numbers": ["~40 minutes (17:02-17:41 UTC)", "~100% of /api/* requests at the 4 SA POPs failed", "~18,400 API requests failed", "~2,100 checkout attempts failed", "~11% of global traffic affected (BR, AR, CL)"],
 "root_cause": "Edge config release v2026.11.18-3 (PR #642) added a regional origin override so that /api/* requests at the South America POPs (GRU, GIG, EZE, SCL, BOG) went to a new sa-east-1 origin named api-sa.internal.lojavia.net. That name exists only in the private Route 53 zone, and CloudFront resolves origins through public DNS, so every API request at those POPs failed with 502 OriginDnsError. Cached static assets kept the home page looking normal.",
 "root_cause_keywords": ["edge config push", "regional origin override", "private DNS hostname", "South America POPs"],
 "contributing_factors": [
  "The edge-config CI validation resolved the new origin from a runner inside the VPC, so the private name looked valid",
  "The canary stage only covers IAD89, where the SA override does not apply",
  "The CloudFront 5xx monitor is global; a region at ~11% of traffic only reached Warn (6.1%, non-paging)",
  "Static assets served from cache made the site look healthy from most checks"],
 "red_herrings": ["checkout-api 4.8.0 deploy at 16:50 UTC", "Vivo / ISP outage", "AWS sa-east-1 regional problem"],
 "action_items": [
  {"text": "Validate new origins in edge-config CI with a public resolver, not from inside the VPC", "evidence": "edge-config CI must resolve new origins from a public resolver, not from inside the VPC"},
  {"text": "Add an SA POP to the edge-config canary stage", "evidence": "canary edge config on one SA POP too, not only IAD"},
  {"text": "Add a paging per-region CloudFront 5xx monitor", "evidence": "per-region 5xx monitor on CloudFront, paging, the global one hides a region"},
  {"text": "Create a public DNS record for the SA origin before retrying the latency project", "evidence": "public DNS record for the SA origin before we retry the latency project"}],
 "blame_bait": ["o Thiago empurrou config sem testar de novo", "whoever approved that PR wasn't looking"],
 "secrets": [],
 "injection": None,
 "similar_categories": ["config-change", "dns", "network"],
}
C.finish(gold)
