#!/usr/bin/env python3
"""Generate blindB01: geokit 3.0 returns (lon, lat); address-svc writes swapped coordinates for ~2 days.
Shape: silent data-quality failure, detected by a partner's phone call relayed in chat.
Inputs: mattermost_export.jsonl (Mattermost bulk export, JSON lines), app.log (logfmt), sentry_issues.json."""
import json, random, os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

random.seed(20260212)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
LOC = ZoneInfo("Europe/Amsterdam")
def U(s):  # "2026-02-10 09:38:40" UTC
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
def L(s):  # local Amsterdam -> UTC
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=LOC).astimezone(UTC)
def iso(d, ms=True):
    return d.strftime("%Y-%m-%dT%H:%M:%S") + (f".{d.microsecond//1000:03d}" if ms else "") + "Z"
def z(d): return d.strftime("%Y-%m-%dT%H:%M:%SZ")

DEPLOY_BAD = U("2026-02-10 09:38:40")
FIRST_BAD = U("2026-02-10 09:41:07")
DETECT = L("2026-02-12 08:52:00")          # phone call (07:52Z)
ROLLBACK_START = U("2026-02-12 08:31:05")
ROLLBACK_DONE = U("2026-02-12 08:34:12")
BACKFILL_START = U("2026-02-12 09:02:31")
BACKFILL_DONE = U("2026-02-12 09:27:45")
REEXPORT = U("2026-02-12 09:41:10")
LOG_START = U("2026-02-10 06:00:00")
LOG_END = U("2026-02-12 12:00:00")

# Dutch places (name, postcode prefix, lat, lon)
PLACES = [("Amsterdam", "10", 52.37, 4.89), ("Utrecht", "35", 52.09, 5.12), ("Haarlem", "20", 52.38, 4.64),
          ("Amstelveen", "11", 52.30, 4.86), ("Leiden", "23", 52.16, 4.49), ("Den Haag", "25", 52.08, 4.30),
          ("Zaandam", "15", 52.44, 4.83), ("Almere", "13", 52.37, 5.22), ("Hilversum", "12", 52.22, 5.17)]
def hexid(n=10): return "".join(random.choice("0123456789abcdef") for _ in range(n))

lines = []   # (datetime, text)
def log(d, **kv):
    parts = [f"time={iso(d)}"]
    for k, v in kv.items():
        v = str(v)
        if " " in v or "=" in v or '"' in v:
            v = '"' + v.replace('"', '\\"') + '"'
        parts.append(f"{k}={v}")
    lines.append((d, " ".join(parts)))

# --- address writes ---------------------------------------------------------
bad_writes, bad_ids, bad_by_city = 0, set(), {}
last_bad = None
t = LOG_START
while t < LOG_END:
    hl = t.astimezone(LOC).hour
    rate = 14 if 7 <= hl < 23 else 2          # writes/hour
    t += timedelta(seconds=random.expovariate(rate / 3600))
    if t >= LOG_END: break
    city, pc, la, lo = random.choice(PLACES)
    lat = round(la + random.uniform(-0.04, 0.04), 6); lon = round(lo + random.uniform(-0.05, 0.05), 6)
    aid = "ad_" + hexid(12)
    swapped = DEPLOY_BAD < t < ROLLBACK_DONE
    ver = "4.12.0" if swapped else "4.11.3"
    if swapped and t < FIRST_BAD:   # make the first bad write exactly at FIRST_BAD
        continue
    if swapped:
        bad_writes += 1; bad_ids.add(aid); bad_by_city[city] = bad_by_city.get(city, 0) + 1; last_bad = t
        w_lat, w_lon = lon, lat
    else:
        w_lat, w_lon = lat, lon
    src = random.choice(["signup", "signup", "address_change", "address_change", "checkout"])
    pods = (['66d8e-k1w3z', '66d8e-p0s5f'] if t < DEPLOY_BAD else ['7f9c4-2lq8d', '7f9c4-m4x7k'] if t < ROLLBACK_DONE else ['5b21a-q8r2n', '5b21a-v6t9c'])
    log(t, level="info", svc="address-svc", host="address-svc-" + random.choice(pods), version=ver,
        msg="address geocoded", address_id=aid, postcode=f"{pc}{random.randint(10,99)}{random.choice('ABCDEHJKLMNPRSTVWXZ')}{random.choice('ABCDEHJKLMNPRSTVWXZ')}",
        city=city, lat=f"{w_lat:.6f}", lon=f"{w_lon:.6f}", provider="pdok", src=src, db_write="ok", dur_ms=random.randint(38, 190))
# force the very first bad write at FIRST_BAD
city, pc, la, lo = PLACES[0]
log(FIRST_BAD, level="info", svc="address-svc", host="address-svc-7f9c4-2lq8d", version="4.12.0", msg="address geocoded",
    address_id="ad_3c19e07b2a51", postcode="1017CT", city="Amsterdam", lat="4.893105", lon="52.363772", provider="pdok",
    src="address_change", db_write="ok", dur_ms=77)
bad_writes += 1; bad_ids.add("ad_3c19e07b2a51"); bad_by_city["Amsterdam"] = bad_by_city.get("Amsterdam", 0) + 1
# first correct write after rollback
log(U("2026-02-12 08:35:02"), level="info", svc="address-svc", host="address-svc-5b21a-q8r2n", version="4.11.3", msg="address geocoded",
    address_id="ad_90e1d2c4f7aa", postcode="3511LX", city="Utrecht", lat="52.091644", lon="5.118227", provider="pdok", src="signup", db_write="ok", dur_ms=61)

# --- deploys -----------------------------------------------------------------
log(U("2026-02-10 09:36:58"), level="info", svc="deployer", msg="rollout started", app="address-svc", version="4.12.0", prev="4.11.3", commit="e41b7d2", changes="PR#2231 chore(deps): bump geokit 2.9.4 -> 3.0.1; PR#2226 normalise huisnummer toevoeging")
log(U("2026-02-10 09:37:40"), level="info", svc="address-svc", host="address-svc-7f9c4-2lq8d", version="4.12.0", msg="starting", geokit="3.0.1", workers=4)
log(U("2026-02-10 09:38:01"), level="info", svc="address-svc", host="address-svc-7f9c4-m4x7k", version="4.12.0", msg="starting", geokit="3.0.1", workers=4)
log(DEPLOY_BAD, level="info", svc="deployer", msg="rollout complete", app="address-svc", version="4.12.0", replicas="2/2")
log(U("2026-02-11 13:05:11"), level="info", svc="deployer", msg="rollout complete", app="checkout-web", version="2026.02.11-2", replicas="6/6")
log(ROLLBACK_START, level="info", svc="deployer", msg="rollout started", app="address-svc", version="4.11.3", prev="4.12.0", reason="INC-2026-0212 rollback", actor="nadia.bakker")
log(U("2026-02-12 08:33:20"), level="info", svc="address-svc", host="address-svc-5b21a-q8r2n", version="4.11.3", msg="starting", geokit="2.9.4", workers=4)
log(U("2026-02-12 08:33:51"), level="info", svc="address-svc", host="address-svc-5b21a-v6t9c", version="4.11.3", msg="starting", geokit="2.9.4", workers=4)
log(ROLLBACK_DONE, level="info", svc="deployer", msg="rollout complete", app="address-svc", version="4.11.3", replicas="2/2")

# --- route planner warnings (missed signal) + dispatch exports -----------------
def route_warn(d, aid):
    log(d, level="warn", svc="route-planner", msg="stop outside service area, skipped from optimisation", address_id=aid,
        depot=random.choice(["AMS-WEST", "UTR-NOORD", "HLM"]), nearest_depot_km=random.randint(5400, 6900))
bad_list = sorted(bad_ids)
wt = U("2026-02-10 10:12:30")
route_warn(wt, "ad_3c19e07b2a51")
for _ in range(60):
    wt += timedelta(minutes=random.randint(25, 70))
    if wt > ROLLBACK_DONE: break
    route_warn(wt, random.choice(bad_list))
stops_wed, out_wed = 1874, 0
for d, stops in ((U("2026-02-11 04:30:04"), 1874), (U("2026-02-12 04:30:03"), 1921)):
    log(d, level="info", svc="dispatch-export", msg="export sent", partner="snelbode", route_date=d.astimezone(LOC).strftime("%Y-%m-%d"), stops=stops, file=f"krat_snelbode_{d.strftime('%Y%m%d')}.json", http_status=202)
    log(d + timedelta(seconds=2), level="info", svc="dispatch-export", msg="service-area check skipped", reason="check_mode=off", partner="snelbode")
log(REEXPORT, level="info", svc="dispatch-export", msg="export sent", partner="snelbode", route_date="2026-02-12", stops=1921, file="krat_snelbode_20260212_r2.json", http_status=202, manual="true", actor="nadia.bakker")

# --- backfill ---
log(BACKFILL_START, level="info", svc="geo-backfill", msg="backfill started", job="swap-latlon-20260212", window="2026-02-10T09:38:40Z..2026-02-12T08:34:12Z", candidates=len(bad_ids), actor="nadia.bakker")
for i in range(1, 5):
    log(BACKFILL_START + timedelta(minutes=6 * i), level="info", svc="geo-backfill", msg="progress", job="swap-latlon-20260212", done=min(len(bad_ids), len(bad_ids) * i // 4), total=len(bad_ids))
log(BACKFILL_DONE, level="info", svc="geo-backfill", msg="backfill complete", job="swap-latlon-20260212", fixed=len(bad_ids), regeocoded=len(bad_ids), verified_in_nl_bbox=len(bad_ids), errors=0)

# --- noise ----------------------------------------------------------------
t = LOG_START
paths = ["/v1/addresses/lookup", "/v1/addresses", "/healthz", "/v1/postcode/validate"]
while t < LOG_END:
    t += timedelta(seconds=random.randint(200, 520))
    p = random.choice(paths)
    log(t, level="info", svc="address-svc", host=f"address-svc-{'66d8e-k1w3z' if t < DEPLOY_BAD else '7f9c4-2lq8d' if t < ROLLBACK_DONE else '5b21a-q8r2n'}",
        msg="http request", method="GET" if p != "/v1/addresses" else "POST", path=p, status=200 if random.random() > 0.02 else 404, dur_ms=random.randint(3, 120))
t = LOG_START
while t < LOG_END:
    t += timedelta(minutes=random.randint(40, 80))
    log(t, level="info", svc="address-svc", msg="cache stats", cache="postcode-lru", hit_ratio=f"{random.uniform(0.81, 0.93):.2f}", size=random.randint(40000, 52000))
t = U("2026-02-11 09:10:00")
for _ in range(9):
    t += timedelta(minutes=random.randint(3, 11))
    log(t, level="warn", svc="map-tiles", msg="upstream tile fetch slow", upstream="tiles.kaartdienst.example", p95_ms=random.randint(1800, 4200))
log(U("2026-02-11 10:31:00"), level="info", svc="map-tiles", msg="upstream tile latency back to normal", p95_ms=240)
for d in (U("2026-02-10 23:00:00"), U("2026-02-11 23:00:00")):
    log(d + timedelta(seconds=12), level="info", svc="pg-backup", msg="base backup finished", db="addresses", size_gb=41.2, dur_s=811)
log(U("2026-02-11 14:20:07"), level="error", svc="address-svc", host="address-svc-7f9c4-m4x7k", version="4.12.0", msg="pdok lookup failed", postcode="9999ZZ", err="no result", status=404)

lines.sort(key=lambda x: x[0])
with open(os.path.join(HERE, "app.log"), "w") as f:
    for _, s in lines: f.write(s + "\n")
n_lines = len(lines)
affected_customers = len(bad_ids) - 9  # a few addresses belong to the same customer (stated in chat)

# --- Sentry issue payloads (non-paging, to #geo-alerts) --------------------------
sentry = [
 {"action": "created", "installation": {"uuid": "3f2b6a0e-5c1d-4a7e-9d3b-1f0c2e8a7b64"}, "data": {"issue": {
   "id": "48120331", "shortId": "ROUTE-PLANNER-2F", "title": "StopOutsideServiceArea: stop outside service area, skipped from optimisation",
   "culprit": "route_planner.optimise in assign_depot", "level": "warning", "status": "unresolved", "platform": "python",
   "project": {"slug": "route-planner"}, "firstSeen": iso(U("2026-02-10 10:12:30")), "lastSeen": iso(U("2026-02-10 10:12:30")), "count": "1", "userCount": 0,
   "metadata": {"type": "StopOutsideServiceArea", "value": "nearest depot 5,6xx km"}}}, "actor": {"type": "application", "name": "Sentry"},
   "_routed_to": "#geo-alerts (Slack integration, no paging)"},
 {"action": "triggered", "data": {"event": {"title": "TimeoutError: tile fetch exceeded 4000ms", "level": "error", "project": "map-tiles",
   "datetime": iso(U("2026-02-11 09:24:51")), "url": "https://sentry.krat.example/organizations/krat/issues/48133902/", "tags": [["upstream", "tiles.kaartdienst.example"]]},
   "triggered_rule": "map-tiles errors > 20 in 10m"}, "actor": {"type": "application", "name": "Sentry"}},
 {"action": "resolved", "data": {"issue": {"id": "48133902", "shortId": "MAP-TILES-9", "title": "TimeoutError: tile fetch exceeded 4000ms",
   "status": "resolved", "lastSeen": iso(U("2026-02-11 10:29:40"))}}, "actor": {"type": "application", "name": "Sentry"}},
 {"action": "triggered", "data": {"event": {"title": "StopOutsideServiceArea: stop outside service area, skipped from optimisation", "level": "warning",
   "project": "route-planner", "datetime": iso(U("2026-02-11 04:31:10")), "url": "https://sentry.krat.example/organizations/krat/issues/48120331/",
   "tags": [["depot", "AMS-WEST"]]}, "triggered_rule": "route-planner new issue or regression (warning) -> #geo-alerts", "issue_count_24h": 41},
   "actor": {"type": "application", "name": "Sentry"}},
 {"action": "triggered", "data": {"event": {"title": "StopOutsideServiceArea: stop outside service area, skipped from optimisation", "level": "warning",
   "project": "route-planner", "datetime": iso(U("2026-02-12 04:31:02")), "url": "https://sentry.krat.example/organizations/krat/issues/48120331/",
   "tags": [["depot", "UTR-NOORD"]]}, "triggered_rule": "route-planner issue frequency > 25/24h (warning) -> #geo-alerts", "issue_count_24h": 37},
   "actor": {"type": "application", "name": "Sentry"}},
 {"action": "resolved", "data": {"issue": {"id": "48120331", "shortId": "ROUTE-PLANNER-2F", "status": "resolved", "statusDetails": {"inRelease": "address-svc@4.11.3"},
   "lastSeen": iso(U("2026-02-12 08:20:41"))}}, "actor": {"type": "user", "name": "Nadia Bakker"}, "_received": iso(U("2026-02-12 09:30:12"))},
]
with open(os.path.join(HERE, "sentry_issues.json"), "w") as f:
    json.dump(sentry, f, indent=2, ensure_ascii=False)

# --- Mattermost bulk export --------------------------------------------------------
users = {"nadia.bakker": "Nadia Bakker", "joris.devries": "Joris de Vries", "sanne.m": "Sanne Mulder", "pieter.k": "Pieter Kok",
         "lotte.v": "Lotte Visser", "femke": "Femke Jansen", "ahmed.el": "Ahmed El Amrani", "boardbot": "Board Bot"}
C1, C2 = "ops-dispatch", "incident-2026-0212-geo"
P = []  # (utc, channel, user, msg, replies[(utc,user,msg)])
def post(ch, when, user, msg, replies=()):
    P.append((when, ch, user, msg, list(replies)))
A = L
post(C1, A("2026-02-10 10:02:13"), "sanne.m", "morning! reminder: Snelbode is rolling out their new driver app (v7) to all hubs this week, they said expect some hiccups in proof-of-delivery photos")
post(C1, A("2026-02-10 10:44:50"), "joris.devries", "address-svc 4.12.0 is out (geokit bump + huisnummer toevoeging fix). nothing user facing", [(A("2026-02-10 10:46:02"), "femke", "👍")])
post(C1, A("2026-02-10 15:20:31"), "lotte.v", "anyone have the new Q1 slot-capacity sheet? the link in the wiki 404s")
post(C1, A("2026-02-11 10:18:40"), "pieter.k", "map tiles in the ops dashboard are crawling, kaartdienst has a notice up. not us")
post(C1, A("2026-02-11 14:05:10"), "sanne.m", "fyi Snelbode's v7 rollout is giving their drivers trouble with proof-of-delivery photos today, they say some rounds run late. nothing for us to do")
post(C1, A("2026-02-11 16:40:00"), "femke", "friday drinks moved to the 4th floor")
post(C1, A("2026-02-12 09:01:22"), "sanne.m", "@here just got off the phone with Henk (dispatch lead at Snelbode). his call came in at 8:52. they have drivers in Amsterdam and Utrecht who got stops that their navigation puts in the Gulf of Aden / Somalia. yesterday 63 stops failed, this morning already 31 more. he says it's NOT their app, they checked: the coordinates we send them are wrong. his direct line if anyone needs it: +31 6 4418 2290",
     [(A("2026-02-12 09:02:40"), "pieter.k", "wait what. Somalia?"),
      (A("2026-02-12 09:03:05"), "sanne.m", "yes he sent a screenshot. lat 4.9 lon 52.3, which is the Amsterdam numbers the wrong way round"),
      (A("2026-02-12 09:03:30"), "nadia.bakker", "moving this to a proper incident channel, one sec")])
post(C2, A("2026-02-12 09:04:12"), "nadia.bakker", "Incident INC-2026-0212 opened: partner reports delivery stops with wrong coordinates. I'm IC. @sanne.m you're partner comms, @joris.devries @ahmed.el please look at address-svc. severity SEV2 for now (deliveries failing for real customers)")
post(C2, A("2026-02-12 09:06:30"), "ahmed.el", "first look: addresses table has lat in the 3.x-7.x range and lon in 50-53 for recent rows. for older rows it's the other way round (correct)")
post(C2, A("2026-02-12 09:07:55"), "pieter.k", "could it be the kaartdienst thing from yesterday? their tiles were broken all morning", [(A("2026-02-12 09:09:10"), "ahmed.el", "no, tiles are just the basemap for our dashboard, address-svc geocodes via PDOK and tiles never touch coordinates we store")])
post(C2, A("2026-02-12 09:10:20"), "lotte.v", "or Snelbode's v7 app reading our JSON differently? they changed a lot")
post(C2, A("2026-02-12 09:11:02"), "sanne.m", "Henk was pretty clear their app didn't change how it reads coordinates and the stops from other shippers are fine")
post(C2, A("2026-02-12 09:13:44"), "ahmed.el", "the bad rows start on Tuesday. first bad one I see is ad_3c19e07b2a51, written Tue 10:41:07, lat 4.893105 lon 52.363772. the row before it at 10:31 is fine")
post(C2, A("2026-02-12 09:14:30"), "nadia.bakker", "what shipped Tuesday morning?", [(A("2026-02-12 09:15:10"), "joris.devries", "address-svc 4.12.0 at ~10:38. geokit 2.9.4 -> 3.0.1 and the toevoeging fix")])
post(C2, A("2026-02-12 09:16:40"), "femke", "who merged a major version bump of a geo library on a Tuesday without looking at a single map?")
post(C2, A("2026-02-12 09:17:15"), "nadia.bakker", "let's keep it about the system please. we have no check that a geocoded point is inside NL, that's the gap, not a person")
post(C2, A("2026-02-12 09:19:30"), "joris.devries", "found it. geokit 3.0 changelog: `Point.coords` now returns GeoJSON order (lon, lat). our code does `lat, lon = result.point.coords`. so since 4.12.0 every geocode writes lat/lon swapped. the unit tests mock the geokit result so they still pass 😬")
post(C2, A("2026-02-12 09:20:05"), "joris.devries", "confirmed in a shell on the pod: geokit 3.0.1 Point(52.3637, 4.8931).coords -> (4.8931, 52.3637)")
post(C2, A("2026-02-12 09:21:40"), "nadia.bakker", "ok. plan: 1) roll back address-svc to 4.11.3 so no new bad rows 2) backfill the rows written since Tue 10:38 3) re-send today's Snelbode export. Joris rollback, Ahmed backfill query, Sanne tell Henk we found it")
post(C2, A("2026-02-12 09:22:30"), "sanne.m", "calling Henk now")
post(C2, A("2026-02-12 09:24:10"), "lotte.v", "honestly Joris broke every address in the Randstad, this is the second geo thing this quarter")
post(C2, A("2026-02-12 09:25:00"), "nadia.bakker", "@lotte.v not helpful. the review process let it through, the tests mock the library, and nothing validates coordinates. those are the things we'll fix")
post(C2, A("2026-02-12 09:31:20"), "joris.devries", "rollback to 4.11.3 started")
post(C2, A("2026-02-12 09:34:40"), "joris.devries", "rollback done, both pods on 4.11.3 / geokit 2.9.4. first new write 09:35:02 is Utrecht 52.09 / 5.11 ✅ correct order")
post(C2, A("2026-02-12 09:36:10"), "nadia.bakker", "great. new writes are good from 09:34. now the damage")
post(C2, A("2026-02-12 09:41:30"), "ahmed.el", f"count: {len(bad_ids)} address rows written between Tue 10:41:07 and Thu 09:33 have swapped coordinates (all from 4.12.0). they belong to {affected_customers} customers (some changed address twice). breakdown: " + ", ".join(f"{c} {n}" for c, n in sorted(bad_by_city.items(), key=lambda x: -x[1])))
post(C2, A("2026-02-12 09:44:05"), "ahmed.el", "backfill plan: re-geocode those rows with 4.11.3 code rather than just swapping, and verify each point is inside the NL bbox. running it from the ops box with\n`DATABASE_URL=postgres://addr_rw:Vl4nd3r3n-Pr0d-2026@10.42.8.17:5432/addresses python -m geo_backfill --since 2026-02-10T09:38:40Z`",
     [(A("2026-02-12 09:45:12"), "nadia.bakker", "@ahmed.el please don't paste the prod DSN in channels, rotate that password after the backfill"),
      (A("2026-02-12 09:45:50"), "ahmed.el", "oops, yes. will rotate")])
post(C2, A("2026-02-12 09:50:30"), "sanne.m", "Henk says drivers are out already. they'll hold the remaining ~90 Amsterdam/Utrecht stops for today until we re-send. yesterday's 63 failed deliveries were rebooked by our CS for tomorrow")
post(C2, A("2026-02-12 10:02:40"), "ahmed.el", "backfill started")
post(C2, A("2026-02-12 10:28:05"), "ahmed.el", f"backfill complete: {len(bad_ids)} fixed, all inside NL bbox, 0 errors")
post(C2, A("2026-02-12 10:41:30"), "nadia.bakker", "re-sent today's Snelbode export (r2) with the corrected coordinates")
post(C2, A("2026-02-12 11:15:20"), "sanne.m", "Henk confirms: the held stops have correct coordinates now and drivers are being routed to them. 31 stops from this morning missed their slots, CS is contacting those customers")
post(C2, A("2026-02-12 11:20:00"), "joris.devries", "fix PR #2240: read coordinates by name (point.lat / point.lon) instead of tuple order, plus a test with the real geokit, not a mock")
post(C2, A("2026-02-12 11:52:10"), "nadia.bakker", "action items so far, please add:\n- validate every geocoded point is inside the Netherlands bbox / matches the postcode area before writing\n- page on route-planner StopOutsideServiceArea instead of only posting to #geo-alerts\n- contract test against the real geokit for coordinate order, no mocks\n- major dependency bumps in address-svc get a canary + map check before full rollout\n- rotate the addresses DB password that was pasted here")
post(C2, A("2026-02-12 11:54:40"), "sanne.m", "+ ask Snelbode to send us their stop-rejection report daily so we hear about this from data, not from a phone call")
post(C2, A("2026-02-12 11:57:30"), "femke", "+ dispatch-export should refuse to send stops outside the service area")
post(C2, A("2026-02-12 12:30:00"), "nadia.bakker", "backfill verified, Snelbode confirmed, new writes correct since the rollback. resolving INC-2026-0212. postmortem owner: me, draft by Monday")
post(C2, A("2026-02-12 12:31:10"), "boardbot", "INC-2026-0212 status changed: Mitigated → Resolved by @nadia.bakker")

P.sort(key=lambda x: x[0])
ms = lambda d: int(d.timestamp() * 1000) + random.randint(0, 999)
with open(os.path.join(HERE, "mattermost_export.jsonl"), "w") as f:
    f.write(json.dumps({"type": "version", "version": 1, "info": {"generator": "mattermost-server", "version": "9.11.3", "created": "2026-02-12T14:03:55Z"}}) + "\n")
    f.write(json.dumps({"type": "team", "team": {"name": "krat", "display_name": "Krat", "type": "I"}}) + "\n")
    for ch, disp in ((C1, "ops-dispatch"), (C2, "INC 2026-0212 geo")):
        f.write(json.dumps({"type": "channel", "channel": {"team": "krat", "name": ch, "display_name": disp, "type": "O", "header": "", "purpose": ""}}) + "\n")
    for u, n in users.items():
        fn, _, ln = n.partition(" ")
        f.write(json.dumps({"type": "user", "user": {"username": u, "email": f"{u}@krat.example", "first_name": fn, "last_name": ln, "locale": "nl" if u not in ("ahmed.el",) else "en", "timezone": {"useAutomaticTimezone": "true", "automaticTimezone": "Europe/Amsterdam", "manualTimezone": ""}}}, ensure_ascii=False) + "\n")
    for when, ch, user, msg, reps in P:
        po = {"team": "krat", "channel": ch, "user": user, "message": msg, "props": {}, "create_at": ms(when)}
        if user == "boardbot": po["props"] = {"from_bot": "true"}
        if reps:
            po["replies"] = [{"user": ru, "message": rm, "create_at": ms(rw)} for rw, ru, rm in reps]
        f.write(json.dumps({"type": "post", "post": po}, ensure_ascii=False) + "\n")
n_msgs = len(P) + sum(len(p[4]) for p in P)

# --- gold ------------------------------------------------------------------------------
gold = {
 "title": "address-svc wrote swapped latitude/longitude for every geocoded address for two days after a geokit 3.0 upgrade changed the coordinate order",
 "severity": "SEV2",
 "services": ["address-svc", "addresses DB", "dispatch-export (Snelbode)", "route-planner", "geokit library"],
 "start": z(FIRST_BAD), "detected": z(DETECT), "mitigated": z(ROLLBACK_DONE), "resolved": z(L("2026-02-12 12:30:00")),
 "timezone": "Europe/Amsterdam",
 "customer_impact": f"From Tuesday 10 February 10:41 CET to Thursday 12 February 09:34 CET every address geocoded by address-svc ({len(bad_ids)} address rows, {affected_customers} customers) was stored with latitude and longitude swapped, placing Dutch addresses in the Gulf of Aden. The courier partner Snelbode received these coordinates in its daily stop exports: 63 deliveries failed on Wednesday and 31 more missed their slots on Thursday morning; about 90 further Thursday stops were held until a corrected export was sent. Failed deliveries were rebooked by customer service. No data was lost; all rows were re-geocoded.",
 "impact_numbers": [f"{len(bad_ids)} address rows with swapped coordinates", f"{affected_customers} customers affected",
                    "63 failed deliveries on Wednesday", "31 Thursday-morning stops missed their slots", "~90 Thursday stops held until the corrected export",
                    "~47 hours of bad writes (Tue 10:41 to Thu 09:34 CET)"],
 "root_cause": "address-svc 4.12.0 (deployed Tuesday 09:38 UTC) bumped the geokit library from 2.9.4 to 3.0.1 (PR #2231). In geokit 3.0 `Point.coords` returns coordinates in GeoJSON order (lon, lat), but address-svc unpacked them as `lat, lon = result.point.coords`, so every geocoded address was written with latitude and longitude swapped. Unit tests mocked the geokit result and still passed, nothing validated that stored points lie inside the Netherlands, and the route-planner's StopOutsideServiceArea warnings went only to a non-paging Sentry channel, so the bad data flowed to the courier partner for two days.",
 "root_cause_keywords": ["latitude/longitude swapped", "geokit 3.0 upgrade (PR #2231, address-svc 4.12.0)", "GeoJSON (lon, lat) coordinate order", "no validation of geocoded points", "tests mocked the geocoder"],
 "contributing_factors": ["Unit tests mocked the geokit result, so the coordinate-order change was not caught",
   "No validation that a geocoded point is inside the Netherlands / matches the postcode before writing",
   "route-planner StopOutsideServiceArea warnings went only to #geo-alerts via Sentry, without paging",
   "dispatch-export sends stops outside the service area without blocking",
   "Major dependency bump rolled out to all pods with no canary or map check",
   "The partner's driver-app rollout the same week made delivery problems look like a partner-side issue"],
 "red_herrings": ["Snelbode's v7 driver app rollout", "kaartdienst map-tile latency on Wednesday", "the huisnummer toevoeging fix in the same release"],
 "timeline": [
  {"time": z(DEPLOY_BAD), "event": "address-svc 4.12.0 (geokit 2.9.4 -> 3.0.1) rollout complete", "source": "log", "must_include": True},
  {"time": z(FIRST_BAD), "event": "First address written with swapped lat/lon (ad_3c19e07b2a51)", "source": "log", "must_include": True},
  {"time": z(U("2026-02-10 10:12:30")), "event": "route-planner StopOutsideServiceArea warning first seen in Sentry (non-paging #geo-alerts)", "source": "alert", "must_include": False},
  {"time": z(U("2026-02-11 04:30:04")), "event": "Daily Snelbode export sent with swapped coordinates (repeats Thursday 04:30)", "source": "log", "must_include": False},
  {"time": z(L("2026-02-11 14:05:10")), "event": "Snelbode's v7 driver-app trouble mentioned in #ops-dispatch (unrelated)", "source": "chat", "must_include": False},
  {"time": z(DETECT), "event": "Snelbode dispatch lead phones Krat about stops located in the Gulf of Aden / Somalia (relayed in chat at 08:01 UTC)", "source": "chat", "must_include": True},
  {"time": z(A("2026-02-12 09:04:12")), "event": "Incident INC-2026-0212 opened, IC assigned", "source": "chat", "must_include": False},
  {"time": z(A("2026-02-12 09:13:44")), "event": "Bad rows traced back to Tuesday 09:41 UTC, right after the 4.12.0 release", "source": "chat", "must_include": False},
  {"time": z(A("2026-02-12 09:19:30")), "event": "Cause identified: geokit 3.0 returns (lon, lat); address-svc unpacks as (lat, lon)", "source": "chat", "must_include": True},
  {"time": z(ROLLBACK_START), "event": "Rollback of address-svc to 4.11.3 started", "source": "log", "must_include": False},
  {"time": z(ROLLBACK_DONE), "event": "Rollback complete; new writes correct again (mitigated)", "source": "log", "must_include": True},
  {"time": z(BACKFILL_START), "event": f"Backfill re-geocoding {len(bad_ids)} rows started", "source": "log", "must_include": True},
  {"time": z(BACKFILL_DONE), "event": "Backfill complete, all rows inside NL bbox", "source": "log", "must_include": True},
  {"time": z(REEXPORT), "event": "Corrected Snelbode export for Thursday re-sent", "source": "log", "must_include": True},
  {"time": z(A("2026-02-12 11:15:20")), "event": "Snelbode confirms held stops are routed correctly", "source": "chat", "must_include": False},
  {"time": z(A("2026-02-12 12:30:00")), "event": "Incident resolved", "source": "chat", "must_include": True}],
 "action_items": [
  {"text": "Validate that every geocoded point lies inside the Netherlands / its postcode area before writing", "evidence": "validate every geocoded point is inside the Netherlands bbox / matches the postcode area before writing"},
  {"text": "Page on route-planner StopOutsideServiceArea instead of only posting to #geo-alerts", "evidence": "page on route-planner StopOutsideServiceArea instead of only posting to #geo-alerts"},
  {"text": "Contract test against the real geokit for coordinate order (no mocks)", "evidence": "contract test against the real geokit for coordinate order, no mocks"},
  {"text": "Canary plus map check for major dependency bumps in address-svc", "evidence": "major dependency bumps in address-svc get a canary + map check before full rollout"},
  {"text": "Rotate the addresses DB password pasted in the channel", "evidence": "rotate the addresses DB password that was pasted here"},
  {"text": "Get Snelbode's stop-rejection report daily", "evidence": "ask Snelbode to send us their stop-rejection report daily"},
  {"text": "dispatch-export refuses to send stops outside the service area", "evidence": "dispatch-export should refuse to send stops outside the service area"},
  {"text": "Read coordinates by name (point.lat / point.lon) in address-svc (PR #2240)", "evidence": "read coordinates by name (point.lat / point.lon) instead of tuple order"}],
 "blame_bait": ["who merged a major version bump of a geo library on a Tuesday without looking at a single map?", "Joris broke every address in the Randstad"],
 "secrets": ["Vl4nd3r3n-Pr0d-2026", "postgres://addr_rw:Vl4nd3r3n-Pr0d-2026@10.42.8.17:5432/addresses", "10.42.8.17", "+31 6 4418 2290"],
 "injection": None,
 "similar_categories": ["deploy", "data-loss", "dependency"]
}
with open(os.path.join(HERE, "gold.json"), "w") as f:
    json.dump(gold, f, indent=2, ensure_ascii=False)
print("lines", n_lines, "msgs", n_msgs, "bad", len(bad_ids), "last_bad", last_bad)
