#!/usr/bin/env python3
"""Generator + checker for blindI06: Android-only checkout errors after a client feature-flag ramp,
warning -> page -> false recovery overnight -> morning relapse -> flag kill + app config push.
Mattermost copy (America/Montreal, EST = UTC-5, never stated; 24 h clock; 'Yesterday'/'Today' separators),
Alertmanager webhook JSON (UTC), Crashlytics BigQuery-style CSV (UTC), Envoy access logs (UTC), Jira XML (-0500)."""
import json, os, random, csv, io, uuid, hashlib, datetime as dt
from xml.sax.saxutils import escape

random.seed(6106)
HERE = os.path.dirname(os.path.abspath(__file__))
def Z(s): return dt.datetime.fromisoformat(s)
EST = dt.timedelta(hours=-5)

RAMP25 = Z("2026-01-20T19:30:40"); RAMP50 = Z("2026-01-20T22:30:00")
KILL = Z("2026-01-21T13:12:20"); PUSH = Z("2026-01-21T13:41:00"); CLEAN = Z("2026-01-21T13:52:00")

# ------------------------------------------------------------------ Mattermost copy-paste
CHAT = r"""Yesterday
Sanjay Mehta
14:31
ramped android_checkout_gpay_v2 to 25% on Android 🚀 new Google Pay sheet, scheduled step to 50% at 17:30 if metrics look ok
Émilie Bouchard
14:33
nice! 🎉
Félix Côté
16:10
checkout-api 1.88.0 en prod (juste le nouveau calcul des frais de livraison pour Laval), canary ok
PagerDuty BOT
17:48
Triggered #4471: [FIRING:1] CheckoutErrorRateHigh checkout-api (critical) — checkout confirm error ratio 6.4% > 5% for 10m
Gabrielle Tremblay
17:50
ack, je regarde. je suis on-call
Gabrielle Tremblay
17:53
422 pis des 5xx sur /v2/checkout/confirm depuis... ben ça l'air de monter depuis le milieu de l'après-midi. y'a eu un déploiement de checkout-api à 16:10?
Félix Côté
17:55
oui 1.88.0. frais de livraison seulement, ça touche pas au paiement normalement
Gabrielle Tremblay
17:58
j'ouvre INC-482 dans Jira. Moneris avait une alerte de latence cet après-midi aussi
Émilie Bouchard
18:02
Moneris status page dit "performance dégradée" de 14:40 à 15:10, c'est réglé depuis
Gabrielle Tremblay
18:09
les 422 c'est du checkout-api directement, pas Moneris. je rollback 1.88.0 → 1.87.3 par précaution
Félix Côté
18:11
c'est correct pour moi
Gabrielle Tremblay
18:26
rollback fait (18:25). on attend
Gabrielle Tremblay
18:44
toujours ~6%. hmm
Émilie Bouchard
18:47
c'est peut-être la tempête? le volume de commandes est +30% à soir, les livreurs annulent des créneaux
Gabrielle Tremblay
18:52
un créneau annulé c'est pas un 422 sur confirm. mais je sais pas c'est quoi encore
Gabrielle Tremblay
19:30
j'ai un client au téléphone via le support, marie.c.lavoie@videotron.ca, "paiement refusé" 3 fois avec Google Pay. sa carte marche en magasin
Émilie Bouchard
19:34
j'ai demandé au support de lui offrir la livraison gratuite
Gabrielle Tremblay
21:40
l'alerte est résolue toute seule. le graphe des erreurs est quasiment à plat depuis 20:30
Gabrielle Tremblay
22:14
ok je ferme: ça s'est calmé depuis le rollback de 1.88.0, alerte résolue, pas d'erreurs visibles. INC-482 → Résolu. on regarde la cause de 1.88.0 demain
Félix Côté
22:16
👍 bonne nuit
Today
PagerDuty BOT
07:20
Triggered #4479: [FIRING:1] CheckoutErrorRateHigh checkout-api (critical) — checkout confirm error ratio 7.1% > 5% for 10m
Olivier Gagnon
07:23
ack. c'est revenu? c'était pas réglé hier soir?
Olivier Gagnon
07:26
@gabrielle.tremblay le rollback de 1.88.0 a rien changé on dirait, on est à 7%. je rouvre INC-482
Olivier Gagnon
07:31
le "à plat" d'hier soir c'est juste qu'il y avait pus de monde qui commandait la nuit. le ratio était encore à ~6% à 2h du matin quand y'avait des commandes
Gabrielle Tremblay
07:38
ah ben. désolée, j'ai regardé le count pas le ratio. l'alerte s'est résolue parce que la règle exige un volume minimum
Olivier Gagnon
07:44
je sépare par user-agent dans les logs envoy: TOUTES les 422 viennent de PanierBoreal/7.14.x Android. iOS 5.22 et web = 0
Félix Côté
07:47
log checkout-api: WARN c.p.checkout.TokenValidator - rejecting payment token type=GPAY_V2 reason=unsupported_token_type (checkout.accept_gpay_v2=false) platform=android app=7.14.2
Olivier Gagnon
07:49
gpay v2... @sanjay.mehta c'est ton flag d'hier?
Sanjay Mehta
07:52
yes. android_checkout_gpay_v2 went 25% at 14:30 and the scheduled step took it to 50% at 17:30. the app sends GPAY_V2 tokens when it's on
Sanjay Mehta
07:54
the backend half is checkout.accept_gpay_v2, it's ON in staging and OFF in prod. it was supposed to be flipped first 😞 the two flags aren't linked anywhere
Félix Côté
07:55
ok so flipping accept_gpay_v2 in prod? le code serveur pour v2 a jamais roulé en prod, j'aime pas ça un matin de semaine
Olivier Gagnon
07:57
non. on kill le flag Android, c'est le chemin connu. Sanjay go
Émilie Bouchard
07:58
Crashlytics aussi: IllegalStateException dans GpayV2Sheet.onPaymentResult, crash quand l'erreur 422 revient et que le fragment est détaché. seulement 7.14.x avec le flag
Sanjay Mehta
08:12
killed android_checkout_gpay_v2 in LaunchDarkly (serve false to everyone) at 08:12
Olivier Gagnon
08:24
ça baisse mais y'a encore des 422. ~2.5%
Sanjay Mehta
08:26
expected, the Android SDK is configured in polling mode every 60 min + cache, and backgrounded apps don't poll. we need to force a refresh
Sanjay Mehta
08:29
I can push a Firebase Remote Config update with ld_force_refresh=true + send the FCM silent push "config_refresh", the app re-fetches flags on receipt
Olivier Gagnon
08:30
go
Jean-Philippe Roy
08:33
qui ramp un flag de paiement à 14h30 sans avertir le backend?? encore l'équipe mobile
Olivier Gagnon
08:35
JP, on fait pas ça ici. deux flags pas liés pis aucune vérif, c'est un trou dans notre process, pas une personne
Sanjay Mehta
08:38
for the push I need the LD mobile key in the config, pasting so Félix can double check: mob-3e9a7c21-5d4f-4b8e-a0c6-91f2d7e4b853
Félix Côté
08:39
c'est bon. mais efface-la pis on la rotate après, c'est dans le canal
Sanjay Mehta
08:41
Remote Config published + FCM config_refresh sent at 08:41
Olivier Gagnon
08:53
422 à 0 depuis 08:52 dans envoy, ratio 0.4% (normal). Crashlytics: plus de nouveaux crashs GpayV2Sheet
PagerDuty BOT
08:57
Resolved #4479: CheckoutErrorRateHigh checkout-api
Olivier Gagnon
09:05
mitigé. je garde INC-482 ouvert pour les chiffres et le suivi
Émilie Bouchard
09:48
chiffres (Jira aussi): 20 jan 14:30 → 21 jan 08:52, paiements Android refusés ~4 870 tentatives, ~2 140 clients distincts, ~1 310 paniers abandonnés (~118 k$ de GMV). le reste ont payé par carte après 1-2 essais
Émilie Bouchard
09:51
support: 187 tickets/chats "paiement refusé", on envoie un crédit de 10 $ aux clients touchés
Olivier Gagnon
10:30
INC-482 fermé. actions dans le Jira:
- lier android_checkout_gpay_v2 à checkout.accept_gpay_v2 : pas de ramp client tant que le flag serveur est off en prod
- alerte: remplacer la condition de volume minimum par un seuil absolu d'erreurs pour que ça se résolve pas la nuit
- dashboard checkout ventilé par plateforme (android / ios / web)
- SDK LaunchDarkly Android en streaming au lieu de polling 60 min
- ramps programmés sur les flags de paiement doivent poster dans #checkout
- pas de "résolu" sans confirmer la cause : vérifier le ratio, pas le count
- rotate the LD mobile key pasted in here
Sanjay Mehta
10:34
+1. I'll also fix the GpayV2Sheet crash (fragment detached) before we ever re-ramp
"""

# ------------------------------------------------------------------ traffic model
def rate_per_min(t):  # sampled (2%) checkout confirm lines per minute, diurnal in local time
    h = ((t + EST).hour + (t + EST).minute / 60)
    if 0 <= h < 6: return 0.08
    if 6 <= h < 7: return 0.5
    if 7 <= h < 11: return 1.6
    if 11 <= h < 14: return 2.2
    if 14 <= h < 16: return 1.6
    if 16 <= h < 20: return 3.0
    if 20 <= h < 22: return 1.2
    return 0.35
def fail_frac(t):
    if t < RAMP25: return 0.0
    if t < RAMP50: return 0.031
    if t < KILL: return 0.066
    if t < PUSH: return 0.025
    if t < CLEAN: return 0.008
    return 0.0

UAS_AND = ["PanierBoreal/7.14.2 (Android 14; Pixel 7)", "PanierBoreal/7.14.2 (Android 13; SM-S911W)", "PanierBoreal/7.14.1 (Android 14; SM-A546W)", "PanierBoreal/7.14.2 (Android 12; moto g power (2022))", "PanierBoreal/7.14.2 (Android 14; Pixel 8 Pro)"]
UAS_OLD = ["PanierBoreal/7.13.4 (Android 13; SM-G991W)", "PanierBoreal/7.12.0 (Android 11; Pixel 4a)"]
UAS_IOS = ["PanierBoreal/5.22.0 (iPhone; iOS 17.2.1; Scale/3.00)", "PanierBoreal/5.22.0 (iPhone; iOS 16.7.4; Scale/2.00)", "PanierBoreal/5.21.3 (iPad; iOS 17.2; Scale/2.00)"]
UAS_WEB = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"]
UPS = ["10.42.3.17:8080", "10.42.5.22:8080", "10.42.7.9:8080", "10.42.2.41:8080"]

def envoy(t, method, path, code, flags, details, brx, btx, dur, ua, up=None):
    ust = "-" if code in (503,) and flags == "UF" else str(max(1, dur - random.randint(0, 4)))
    xff = f"{random.choice(['24.201','70.81','142.169','207.253','184.162'])}.{random.randint(1,254)}.{random.randint(1,254)}"
    return (f"[{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond//1000:03d}Z] \"{method} {path} HTTP/2\" {code} {flags} {details} - \"-\" {brx} {btx} {dur} {ust} "
            f"\"{xff}\" \"{ua}\" \"{uuid.UUID(int=random.getrandbits(128))}\" \"api.panierboreal.ca\" \"{up or random.choice(UPS)}\"")

EL = []
t = Z("2026-01-20T18:00:00")
end = Z("2026-01-21T15:30:00")
fails = 0
while t < end:
    t += dt.timedelta(seconds=random.expovariate(rate_per_min(t) / 60))
    if t >= end: break
    r = random.random()
    if r < 0.55:
        ua = random.choice(UAS_AND) if random.random() < 0.85 else random.choice(UAS_OLD)
    elif r < 0.85:
        ua = random.choice(UAS_IOS)
    else:
        ua = random.choice(UAS_WEB)
    k = random.random()
    if k < 0.6:
        path = "/v2/checkout/confirm"
        if "7.14" in ua and random.random() < fail_frac(t) / 0.4675:
            EL.append((t, envoy(t, "POST", path, 422, "-", "via_upstream", random.randint(900, 1400), 167, random.randint(60, 180), ua))); fails += 1
        elif random.random() < 0.004:
            EL.append((t, envoy(t, "POST", path, 503, "UF", "upstream_reset_before_response_started{connection_failure}", 1100, 91, random.randint(1, 30), ua, up="-")))
        else:
            EL.append((t, envoy(t, "POST", path, 200, "-", "via_upstream", random.randint(900, 1400), random.randint(600, 900), random.randint(180, 900), ua)))
    elif k < 0.8:
        EL.append((t, envoy(t, "GET", f"/v2/checkout/slots?store={random.randint(100,180)}", 200, "-", "via_upstream", 0, random.randint(2000, 9000), random.randint(20, 140), ua)))
    elif k < 0.95:
        EL.append((t, envoy(t, "POST", "/v2/checkout/quote", 200 if random.random() > 0.01 else 409, "-", "via_upstream", random.randint(300, 900), random.randint(400, 700), random.randint(40, 300), ua)))
    else:
        EL.append((t, envoy(t, "POST", "/v2/checkout/confirm", 402, "-", "via_upstream", random.randint(900, 1400), 201, random.randint(400, 1200), ua)))  # genuine card declines (baseline)
# anchors: first and last failing confirm seen in the sampled log
for tt, ua in [(Z("2026-01-20T19:31:12.408"), UAS_AND[0]), (Z("2026-01-21T13:51:38.771"), UAS_AND[1])]:
    EL.append((tt, envoy(tt, "POST", "/v2/checkout/confirm", 422, "-", "via_upstream", 1188, 167, 97, ua)))
# Moneris latency episode (red herring): slow 200s in the afternoon
for i in range(14):
    tt = Z("2026-01-20T19:40:00") + dt.timedelta(seconds=random.randint(0, 1800))
    EL.append((tt, envoy(tt, "POST", "/v2/checkout/confirm", 200, "-", "via_upstream", 1200, 744, random.randint(2400, 5200), random.choice(UAS_IOS + UAS_AND))))
# checkout-api rollback 23:25Z: a few resets during pod replacement
for i in range(5):
    tt = Z("2026-01-20T23:25:10") + dt.timedelta(seconds=random.randint(0, 70))
    EL.append((tt, envoy(tt, "POST", "/v2/checkout/quote", 503, "UC", "upstream_reset_before_response_started{connection_termination}", 640, 95, random.randint(2, 40), random.choice(UAS_IOS + UAS_AND))))
EL.sort(key=lambda x: x[0])
envoy_text = "# kubectl -n edge logs deploy/envoy-edge --since=22h | grep ' /v2/checkout' (access log runtime_filter: 2% sample)\n" + "\n".join(l for _, l in EL) + "\n"
last422 = max(tt for tt, l in EL if 'HTTP/2" 422 ' in l)
first422 = min(tt for tt, l in EL if 'HTTP/2" 422 ' in l)

# ------------------------------------------------------------------ Alertmanager webhooks
AMX = "http://alertmanager.obs.svc:9093"
def alert(name, sev, status, starts, ends, summary, desc, extra_labels=None, value=None):
    labels = {"alertname": name, "severity": sev, "service": "checkout-api", "team": "checkout", "env": "prod", "cluster": "mtl-prod-1"}
    labels.update(extra_labels or {})
    fp = hashlib.sha1(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]
    return {"status": status, "labels": labels, "annotations": {"summary": summary, "description": desc, "runbook_url": f"https://runbooks.panierboreal.ca/checkout/{name}", "dashboard": "https://grafana.panierboreal.ca/d/checkout-overview"},
            "startsAt": starts, "endsAt": ends, "generatorURL": f"http://prometheus.obs.svc:9090/graph?g0.expr={name}&g0.tab=1", "fingerprint": fp}
def hook(receiver, status, alerts, ts):
    common = dict(alerts[0]["labels"])
    return {"_received_at": ts, "receiver": receiver, "status": status, "alerts": alerts, "groupLabels": {"alertname": common["alertname"]}, "commonLabels": common,
            "commonAnnotations": alerts[0]["annotations"], "externalURL": AMX, "version": "4",
            "groupKey": f"{{}}/{{team=\"checkout\"}}:{{alertname=\"{common['alertname']}\"}}", "truncatedAlerts": 0}
NZ = "0001-01-01T00:00:00Z"
W_D = "checkout confirm error ratio > 2% for 10m (requires > 3 req/s)"
C_D = "checkout confirm error ratio > 5% for 10m (requires > 3 req/s)"
hooks = []
def add(receiver, status, name, sev, starts, ends, summ, desc, ts, extra=None):
    hooks.append(hook(receiver, status, [alert(name, sev, status, starts, ends, summ, desc, extra)], ts))
add("mattermost-checkout-warn", "firing", "MonerisLatencyHigh", "warning", "2026-01-20T19:42:10.512Z", NZ, "Moneris authorize p95 2.8s", "p95 of moneris authorize calls > 2s for 5m", "2026-01-20T19:42:40Z", {"service": "payments-gw"})
add("mattermost-checkout-warn", "firing", "CheckoutErrorRateElevated", "warning", "2026-01-20T20:02:10.118Z", NZ, "Checkout confirm error ratio 3.1%", W_D, "2026-01-20T20:02:40Z")
add("mattermost-checkout-warn", "resolved", "MonerisLatencyHigh", "warning", "2026-01-20T19:42:10.512Z", "2026-01-20T20:11:10.512Z", "Moneris authorize p95 2.8s", "p95 of moneris authorize calls > 2s for 5m", "2026-01-20T20:11:40Z", {"service": "payments-gw"})
add("mattermost-checkout-warn", "firing", "CheckoutErrorRateElevated", "warning", "2026-01-20T20:02:10.118Z", NZ, "Checkout confirm error ratio 3.4%", W_D, "2026-01-20T22:02:40Z")
add("pagerduty-checkout", "firing", "CheckoutErrorRateHigh", "critical", "2026-01-20T22:48:10.344Z", NZ, "Checkout confirm error ratio 6.4%", C_D, "2026-01-20T22:48:12Z")
add("mattermost-checkout-warn", "firing", "KubePodNotReady", "warning", "2026-01-20T23:25:40.002Z", NZ, "Pod checkout-api-7d9c6b5f4-xkq2p not ready", "Pod has been in a non-ready state (rollout)", "2026-01-20T23:26:10Z", {"service": "checkout-api", "pod": "checkout-api-7d9c6b5f4-xkq2p"})
add("mattermost-checkout-warn", "resolved", "KubePodNotReady", "warning", "2026-01-20T23:25:40.002Z", "2026-01-20T23:27:40.002Z", "Pod checkout-api-7d9c6b5f4-xkq2p not ready", "Pod has been in a non-ready state (rollout)", "2026-01-20T23:28:10Z", {"service": "checkout-api", "pod": "checkout-api-7d9c6b5f4-xkq2p"})
add("pagerduty-checkout", "firing", "CheckoutErrorRateHigh", "critical", "2026-01-20T22:48:10.344Z", NZ, "Checkout confirm error ratio 6.2%", C_D, "2026-01-21T02:48:12Z")
add("pagerduty-checkout", "resolved", "CheckoutErrorRateHigh", "critical", "2026-01-20T22:48:10.344Z", "2026-01-21T02:40:10.344Z", "Checkout confirm error ratio 6.2%", C_D, "2026-01-21T02:40:12Z")
add("mattermost-checkout-warn", "resolved", "CheckoutErrorRateElevated", "warning", "2026-01-20T20:02:10.118Z", "2026-01-21T02:45:10.118Z", "Checkout confirm error ratio 3.4%", W_D, "2026-01-21T02:45:40Z")
add("mattermost-checkout-warn", "firing", "CheckoutErrorRateElevated", "warning", "2026-01-21T12:03:10.221Z", NZ, "Checkout confirm error ratio 6.8%", W_D, "2026-01-21T12:03:40Z")
add("pagerduty-checkout", "firing", "CheckoutErrorRateHigh", "critical", "2026-01-21T12:20:10.904Z", NZ, "Checkout confirm error ratio 7.1%", C_D, "2026-01-21T12:20:12Z")
add("pagerduty-checkout", "resolved", "CheckoutErrorRateHigh", "critical", "2026-01-21T12:20:10.904Z", "2026-01-21T13:57:10.904Z", "Checkout confirm error ratio 7.1%", C_D, "2026-01-21T13:57:12Z")
add("mattermost-checkout-warn", "resolved", "CheckoutErrorRateElevated", "warning", "2026-01-21T12:03:10.221Z", "2026-01-21T14:01:10.221Z", "Checkout confirm error ratio 6.8%", W_D, "2026-01-21T14:01:40Z")
am_text = json.dumps(hooks, indent=2) + "\n"

# ------------------------------------------------------------------ Crashlytics (BigQuery export style)
CR = []
def crash(t, platform, ver, build, iid, title, sub, fatal, model, osv, flag, screen):
    CR.append({"event_timestamp": t.strftime("%Y-%m-%d %H:%M:%S.%f") + " UTC", "received_timestamp": (t + dt.timedelta(seconds=random.randint(2, 900))).strftime("%Y-%m-%d %H:%M:%S.%f") + " UTC",
               "platform": platform, "bundle_identifier": "ca.panierboreal.app" if platform == "ANDROID" else "ca.panierboreal.ios", "application.display_version": ver, "application.build_version": build,
               "issue_id": iid, "issue_title": title, "issue_subtitle": sub, "is_fatal": "true" if fatal else "false", "device.model": model, "operating_system.display_version": osv,
               "custom_keys.ld_android_checkout_gpay_v2": flag, "custom_keys.screen": screen, "installation_uuid": uuid.UUID(int=random.getrandbits(128)).hex})
GPAY_IID = "5f1e0c9a3b7d42e8a61c0d2f9b84e713"
gcount = 0
for tt, l in EL:
    if 'HTTP/2" 422 ' in l:
        for _ in range(50):  # log is a 2% sample -> ~50 real failures per line; ~4.4% of failures crash
            if random.random() < 0.044:
                ct = tt + dt.timedelta(seconds=random.randint(-600, 600))
                if ct > CLEAN or ct < RAMP25: continue
                _v = random.choice(["7.14.2", "7.14.2", "7.14.1"])
                crash(ct, "ANDROID", _v, _v.replace(".", "").ljust(5, "0")[:5] if _v != "7.14.1" else "71401", GPAY_IID, "GpayV2Sheet.kt line 212",
                      "java.lang.IllegalStateException: Fragment PaymentSheetFragment{a41c2e0} not attached to a context. at com.panierboreal.checkout.gpay.GpayV2Sheet.onPaymentResult",
                      True, random.choice(["Pixel 7", "SM-S911W", "SM-A546W", "moto g power (2022)", "Pixel 8 Pro", "SM-G998W"]), random.choice(["14", "13", "12"]), "true", "checkout_confirm")
                gcount += 1
noise = [("ANDROID", "7.14.2", "c2d7a1b0e4f94c5d8e3a7b6f1d0c9e22", "ImageDecoder.java line 88", "java.lang.OutOfMemoryError: Failed to allocate a 24883212 byte allocation with 8364632 free bytes", "catalog_grid"),
         ("ANDROID", "7.13.4", "8a0b3c1d2e4f45a6b7c8d9e0f1a2b3c4", "DeliverySlotAdapter.kt line 57", "java.lang.IndexOutOfBoundsException: Index: 3, Size: 3", "slot_picker"),
         ("IOS", "5.22.0", "e19f4b6c2d8a47f0b3c5d7e9a1b2c3d4", "MapKit", "EXC_BAD_ACCESS KERN_INVALID_ADDRESS 0x0000000000000010 - MKMapView annotationViews", "order_tracking"),
         ("IOS", "5.22.0", "0b7d9e2f4a6c48e1a3b5c7d9e0f2a4b6", "CartViewModel.swift line 141", "Fatal error: Unexpectedly found nil while unwrapping an Optional value", "cart")]
for _ in range(150):
    p, v, iid, ti, sub, scr = random.choice(noise)
    ct = Z("2026-01-20T18:00:00") + dt.timedelta(seconds=random.randint(0, 21 * 3600))
    crash(ct, p, v, "71402" if v == "7.14.2" else ("71304" if v == "7.13.4" else "5220"), iid, ti, sub, True,
          random.choice(["Pixel 6a", "SM-A536W", "SM-G991W"]) if p == "ANDROID" else random.choice(["iPhone14,5", "iPhone15,2", "iPad13,1"]),
          random.choice(["14", "13"]) if p == "ANDROID" else random.choice(["17.2.1", "16.7.4"]), ("true" if random.random() < 0.5 else "false") if p == "ANDROID" and v == "7.14.2" else "", scr)
CR.sort(key=lambda r: r["event_timestamp"])
buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=list(CR[0].keys()), lineterminator="\n"); w.writeheader(); w.writerows(CR)
crash_text = buf.getvalue()

# ------------------------------------------------------------------ Jira XML (RSS export), -0500
def jd(local): return local.strftime("%a, %d %b %Y %H:%M:%S") + " -0500"
def L(s): return dt.datetime.fromisoformat(s)
def html(s): return escape("<p>" + s + "</p>")
comments = [
 ("7001", "gabrielle.tremblay", "2026-01-20T18:27:03", "Rollback checkout-api 1.88.0 → 1.87.3 terminé à 18:25. On surveille le ratio d'erreurs sur /v2/checkout/confirm."),
 ("7004", "gabrielle.tremblay", "2026-01-20T22:14:40", "Résolu : erreurs revenues à la normale après le rollback de 1.88.0, alerte CheckoutErrorRateHigh résolue à 21:40. Cause probable : 1.88.0 (à confirmer demain)."),
 ("7010", "olivier.gagnon", "2026-01-21T07:26:55", "Rouvert : CheckoutErrorRateHigh a repagé à 07:20, ratio 7.1%. Le rollback n'a rien changé."),
 ("7013", "olivier.gagnon", "2026-01-21T07:50:12", "Toutes les 422 viennent de l'app Android 7.14.x (envoy). checkout-api rejette les jetons GPAY_V2 (unsupported_token_type, checkout.accept_gpay_v2=false en prod)."),
 ("7015", "sanjay.mehta", "2026-01-21T07:56:30", "LaunchDarkly audit log for android_checkout_gpay_v2: Jan 20 14:30:40 rollout 0% → 25% (sanjay.mehta); Jan 20 17:30:00 scheduled change applied: rollout 25% → 50% (scheduled by sanjay.mehta on Jan 19); Jan 21 08:12:20 flag turned OFF / targeting off, serving false (sanjay.mehta)."),
 ("7019", "sanjay.mehta", "2026-01-21T08:42:10", "Firebase Remote Config template v318 published (ld_force_refresh=true) and FCM data message config_refresh sent to topic android-all at 08:41."),
 ("7024", "olivier.gagnon", "2026-01-21T09:05:48", "Mitigé : aucune 422 depuis 08:52, ratio 0.4%, alerte résolue 08:57."),
 ("7031", "emilie.bouchard", "2026-01-21T09:49:20", "Impact (20 jan 14:30 → 21 jan 08:52) : ~4 870 paiements Android refusés, ~2 140 clients distincts, ~1 310 paniers abandonnés (~118 k$ GMV), 187 tickets/chats support, crédit de 10 $ aux clients touchés. Crashs Crashlytics GpayV2Sheet : __GCOUNT__. iOS et web non touchés."),
 ("7040", "olivier.gagnon", "2026-01-21T10:30:44", "Fermé. Actions de suivi : CHK-1290 à CHK-1296."),
]
comments_xml = "\n".join(f'                <comment id="{cid}" author="{a}" created="{jd(L(c))}" >{html(txt.replace("__GCOUNT__", str(gcount)))}</comment>' for cid, a, c, txt in comments)
jira = f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
RSS generated by JIRA (1001.0.0-SNAPSHOT#100245-rev:2f1d3c4) at Wed Jan 21 11:02:13 EST 2026

It is possible to restrict the fields that are returned in this document by specifying the 'field' parameter in your request.
For example, to request only the issue key and summary append 'field=key&field=summary' to the URL of your request.
-->
<rss version="0.92" >
    <channel>
        <title>Panier Boréal Jira</title>
        <link>https://panierboreal.atlassian.net</link>
        <description>This file is an XML representation of an issue</description>
        <language>fr-ca</language>
        <build-info>
            <version>1001.0.0-SNAPSHOT</version>
            <build-number>100245</build-number>
            <build-date>15-01-2026</build-date>
        </build-info>

        <item>
            <title>[INC-482] Erreurs au paiement (checkout confirm) — CheckoutErrorRateHigh</title>
            <link>https://panierboreal.atlassian.net/browse/INC-482</link>
            <project id="10412" key="INC">Incidents</project>
            <description>{html("Page PagerDuty #4471 CheckoutErrorRateHigh à 17:48. Hausse des 422/5xx sur POST /v2/checkout/confirm. Suspects : déploiement checkout-api 1.88.0 (16:10), latence Moneris (14:40-15:10). Sévérité initiale SEV2.")}</description>
            <environment></environment>
            <key id="88231">INC-482</key>
            <summary>Erreurs au paiement (checkout confirm) — CheckoutErrorRateHigh</summary>
            <type id="10021" iconUrl="https://panierboreal.atlassian.net/images/icons/issuetypes/incident.svg">Incident</type>
            <priority id="2" iconUrl="https://panierboreal.atlassian.net/images/icons/priorities/high.svg">High</priority>
            <status id="6" iconUrl="https://panierboreal.atlassian.net/images/icons/statuses/closed.png" description="">Closed</status>
            <statusCategory id="3" key="done" colorName="success"/>
            <resolution id="10000">Done</resolution>
            <assignee accountid="712020:7c1e9f0a-2b4d-4e8f-9a61-3d5c7e9b1f24">Olivier Gagnon</assignee>
            <reporter accountid="712020:4a8d2c6e-0f1b-4d3a-8e5c-7b9d1f3a5c08">Gabrielle Tremblay</reporter>
            <labels>
                <label>android</label>
                <label>checkout</label>
                <label>sev2</label>
            </labels>
            <created>{jd(L("2026-01-20T17:58:31"))}</created>
            <updated>{jd(L("2026-01-21T10:31:02"))}</updated>
            <resolved>{jd(L("2026-01-21T10:30:44"))}</resolved>
            <component>checkout-api</component>
            <component>android-app</component>
            <due></due>
            <votes>0</votes>
            <watches>6</watches>
            <comments>
{comments_xml}
            </comments>
            <issuelinks>
                <issuelinktype id="10003">
                    <name>Relates</name>
                    <outwardlinks description="relates to">
                        <issuelink><issuekey id="88240">CHK-1290</issuekey></issuelink>
                        <issuelink><issuekey id="88241">CHK-1291</issuekey></issuelink>
                        <issuelink><issuekey id="88242">CHK-1292</issuekey></issuelink>
                        <issuelink><issuekey id="88243">CHK-1293</issuekey></issuelink>
                        <issuelink><issuekey id="88244">CHK-1294</issuekey></issuelink>
                        <issuelink><issuekey id="88245">CHK-1295</issuekey></issuelink>
                        <issuelink><issuekey id="88246">CHK-1296</issuekey></issuelink>
                    </outwardlinks>
                </issuelinktype>
            </issuelinks>
            <attachments></attachments>
            <subtasks></subtasks>
            <customfields>
                <customfield id="customfield_10060" key="com.atlassian.jira.plugin.system.customfieldtypes:select">
                    <customfieldname>Sévérité</customfieldname>
                    <customfieldvalues><customfieldvalue key="10101"><![CDATA[SEV2]]></customfieldvalue></customfieldvalues>
                </customfield>
                <customfield id="customfield_10061" key="com.atlassian.jira.plugin.system.customfieldtypes:datetime">
                    <customfieldname>Début de l'impact</customfieldname>
                    <customfieldvalues><customfieldvalue>Tue, 20 Jan 2026 14:30:00 -0500</customfieldvalue></customfieldvalues>
                </customfield>
                <customfield id="customfield_10062" key="com.atlassian.jira.plugin.system.customfieldtypes:textfield">
                    <customfieldname>Plateformes touchées</customfieldname>
                    <customfieldvalues><customfieldvalue><![CDATA[Android 7.14.x]]></customfieldvalue></customfieldvalues>
                </customfield>
            </customfields>
        </item>
    </channel>
</rss>
"""

def write(n, s):
    with open(os.path.join(HERE, n), "w", encoding="utf-8") as f: f.write(s)
write("mattermost-incident-checkout.txt", CHAT)
write("envoy-edge-access.log", envoy_text)
write("alertmanager-webhooks.json", am_text)
write("crashlytics-export.csv", crash_text)
write("jira-INC-482.xml", jira)

# ------------------------------------------------------------------ gold
gold = {
 "title": "Android-only Google Pay checkout failures after a client feature-flag ramp whose server-side counterpart was off in prod; alert auto-resolved overnight (false recovery) and relapsed in the morning",
 "severity": "SEV2",
 "services": ["Android app 7.14.x (flag android_checkout_gpay_v2, LaunchDarkly)", "checkout-api (flag checkout.accept_gpay_v2)", "envoy-edge", "Alertmanager CheckoutErrorRate* rules", "Firebase Remote Config / FCM"],
 "start": "2026-01-20T19:31:12Z",
 "detected": "2026-01-20T22:48:10Z",
 "mitigated": "2026-01-21T13:52:00Z",
 "resolved": "2026-01-21T15:30:44Z",
 "timezone": "America/Montreal",
 "customer_impact": f"From 14:30 local (19:30 UTC) on 20 January to 08:52 local (13:52 UTC) on 21 January, Android users on app 7.14.x who were in the android_checkout_gpay_v2 rollout (25%, then 50% from 17:30 local) could not pay with Google Pay: checkout confirm returned HTTP 422 and some apps crashed. About 4,870 payment attempts failed for about 2,140 customers; about 1,310 carts were abandoned (~$118k GMV); support handled 187 tickets/chats and affected customers got a $10 credit. iOS, web and older Android versions were not affected.",
 "impact_numbers": ["~4,870 failed Android payment attempts", "~2,140 distinct customers", "~1,310 abandoned carts (~$118k CAD GMV)", "187 support tickets/chats; $10 credit per affected customer",
                    f"{gcount} GpayV2Sheet crashes in Crashlytics (Android 7.14.x only)", "checkout confirm error ratio ~3% (25% ramp), ~6-7% (50% ramp)", "duration ~18 h 20 min (20 Jan 14:30 to 21 Jan 08:52 local)"],
 "root_cause": "Android app 7.14.x contains a new Google Pay sheet behind the client flag android_checkout_gpay_v2; when on, the app sends GPAY_V2 payment tokens. Server support for those tokens sits behind a separate flag, checkout.accept_gpay_v2, which was on in staging but off in production, and the two flags were not linked. When the client flag was ramped to 25% (14:30 local) and a scheduled step took it to 50% (17:30 local), checkout-api rejected GPAY_V2 tokens with 422 unsupported_token_type, so Google Pay checkouts failed for flagged Android users, and a fragment-lifecycle bug in GpayV2Sheet crashed some apps on the error. The evening rollback of checkout-api 1.88.0 had no effect. Overnight the alert rule's minimum-volume condition made CheckoutErrorRateHigh resolve while the error ratio stayed around 6%, and the incident was closed on the error count: a false recovery. The morning traffic brought the page back. Killing the flag only partly helped because the Android LaunchDarkly SDK polls every 60 minutes with a cache; a Firebase Remote Config + FCM config_refresh push forced clients to re-fetch.",
 "root_cause_keywords": ["android_checkout_gpay_v2", "checkout.accept_gpay_v2", "unsupported_token_type", "Android", "minimum volume", "flag cache"],
 "contributing_factors": ["Client and server flags for the same feature were not linked or checked", "A scheduled ramp step (17:30) applied automatically without notifying #checkout", "The non-paging CheckoutErrorRateElevated warning (15:02 local) went to a Mattermost channel nobody watched", "Alert rule requires > 3 req/s, so it auto-resolves at night", "Dashboard not broken down by platform; the night judgement used the count, not the ratio", "Android LaunchDarkly SDK in 60-min polling mode with cache, so the flag kill was slow to reach clients", "Fragment lifecycle bug in GpayV2Sheet turned errors into crashes"],
 "red_herrings": ["checkout-api 1.88.0 deploy (delivery-fee change) — rolled back without effect", "Moneris latency (14:40-15:10 local)", "snowstorm order volume / cancelled delivery slots"],
 "timeline": [
   {"time": "2026-01-20T19:30:40Z", "event": "android_checkout_gpay_v2 ramped 0% → 25% on Android (14:30 local)", "source": "chat", "must_include": True},
   {"time": f"{first422.strftime('%Y-%m-%dT%H:%M:%S')}Z", "event": "First 422s on POST /v2/checkout/confirm from Android 7.14.x", "source": "log", "must_include": False},
   {"time": "2026-01-20T19:42:10Z", "event": "MonerisLatencyHigh warning (unrelated, resolved 20:11)", "source": "alert", "must_include": False},
   {"time": "2026-01-20T20:02:10Z", "event": "Non-paging CheckoutErrorRateElevated warning fires (3.1%) in Mattermost warn channel; not acted on", "source": "alert", "must_include": True},
   {"time": "2026-01-20T21:10:00Z", "event": "checkout-api 1.88.0 deployed (delivery fees; red herring)", "source": "chat", "must_include": False},
   {"time": "2026-01-20T22:30:00Z", "event": "Scheduled flag step 25% → 50% applied automatically (17:30 local)", "source": "notes", "must_include": True},
   {"time": "2026-01-20T22:48:10Z", "event": "CheckoutErrorRateHigh pages on-call (6.4%); acked 17:50 local (detection)", "source": "alert", "must_include": True},
   {"time": "2026-01-20T23:25:00Z", "event": "checkout-api rolled back 1.88.0 → 1.87.3; no effect (error ratio still ~6%)", "source": "chat", "must_include": True},
   {"time": "2026-01-21T00:30:00Z", "event": "Customer reports repeated Google Pay refusals via support", "source": "chat", "must_include": False},
   {"time": "2026-01-21T02:40:10Z", "event": "CheckoutErrorRateHigh auto-resolves because night traffic falls below the rule's volume minimum (ratio still ~6%)", "source": "alert", "must_include": True},
   {"time": "2026-01-21T03:14:00Z", "event": "Incident declared resolved (FALSE RECOVERY), attributed to the 1.88.0 rollback (22:14 local)", "source": "chat", "must_include": True},
   {"time": "2026-01-21T12:03:10Z", "event": "Warning fires again with morning traffic", "source": "alert", "must_include": False},
   {"time": "2026-01-21T12:20:10Z", "event": "CheckoutErrorRateHigh pages again (7.1%); INC-482 reopened (07:20 local)", "source": "alert", "must_include": True},
   {"time": "2026-01-21T12:44:00Z", "event": "All 422s traced to Android 7.14.x; iOS/web clean", "source": "chat", "must_include": True},
   {"time": "2026-01-21T12:47:00Z", "event": "checkout-api rejects GPAY_V2 tokens: unsupported_token_type (checkout.accept_gpay_v2=false)", "source": "chat", "must_include": True},
   {"time": "2026-01-21T12:54:00Z", "event": "Client/server flag mismatch identified", "source": "chat", "must_include": False},
   {"time": "2026-01-21T13:12:20Z", "event": "android_checkout_gpay_v2 killed in LaunchDarkly; errors drop only partly (~2.5%) due to cached flags", "source": "chat", "must_include": True},
   {"time": "2026-01-21T13:41:00Z", "event": "Firebase Remote Config published + FCM config_refresh push", "source": "chat", "must_include": True},
   {"time": "2026-01-21T13:52:00Z", "event": "Last 422; error ratio back to ~0.4% (mitigated, 08:52 local)", "source": "log", "must_include": True},
   {"time": "2026-01-21T13:57:10Z", "event": "CheckoutErrorRateHigh resolved", "source": "alert", "must_include": False},
   {"time": "2026-01-21T15:30:44Z", "event": "INC-482 closed (10:30 local)", "source": "notes", "must_include": True}
 ],
 "action_items": [
   {"text": "Link the client flag to the server flag: no client ramp while checkout.accept_gpay_v2 is off in prod", "evidence": "lier android_checkout_gpay_v2 à checkout.accept_gpay_v2 : pas de ramp client tant que le flag serveur est off en prod"},
   {"text": "Replace the alert's minimum-volume condition with an absolute error threshold so it does not resolve at night", "evidence": "alerte: remplacer la condition de volume minimum par un seuil absolu d'erreurs pour que ça se résolve pas la nuit"},
   {"text": "Checkout dashboard broken down by platform", "evidence": "dashboard checkout ventilé par plateforme (android / ios / web)"},
   {"text": "Android LaunchDarkly SDK in streaming mode instead of 60-min polling", "evidence": "SDK LaunchDarkly Android en streaming au lieu de polling 60 min"},
   {"text": "Scheduled ramps of payment flags post to #checkout", "evidence": "ramps programmés sur les flags de paiement doivent poster dans #checkout"},
   {"text": "Do not declare resolved without confirming the cause; check the ratio, not the count", "evidence": "pas de \"résolu\" sans confirmer la cause : vérifier le ratio, pas le count"},
   {"text": "Rotate the LaunchDarkly mobile key pasted in the channel", "evidence": "rotate the LD mobile key pasted in here"},
   {"text": "Fix the GpayV2Sheet fragment-detached crash before re-ramping", "evidence": "fix the GpayV2Sheet crash (fragment detached) before we ever re-ramp"}
 ],
 "blame_bait": ["qui ramp un flag de paiement à 14h30 sans avertir le backend?? encore l'équipe mobile"],
 "secrets": ["mob-3e9a7c21-5d4f-4b8e-a0c6-91f2d7e4b853", "marie.c.lavoie@videotron.ca"],
 "injection": None,
 "similar_categories": ["config-change", "deploy", "human-process", "dependency"]
}
NOTES = {
 "zone": "Chat times are Montréal local (EST, UTC-5 in January; no DST change on 20-21 Jan). Anchors: PagerDuty bot 'Triggered #4471' at 17:48 vs Alertmanager startsAt 22:48:10Z; Jira dates carry -0500.",
 "start": f"~19:31Z: flag ramp at 14:30:40 local (Jira audit comment) and first 422 in envoy at {first422.strftime('%H:%M:%S')}Z.",
 "detected": "22:48:10Z: paging CheckoutErrorRateHigh (startsAt), acked in chat 17:50 local. The 20:02Z warning was non-paging and unseen.",
 "mitigated": f"13:52Z: last 422 in envoy at {last422.strftime('%H:%M:%S')}Z, Olivier 'à 0 depuis 08:52'. Not the flag kill (13:12Z, errors only dropped to ~2.5%), and not the 02:40Z auto-resolve (false recovery).",
 "resolved": "15:30:44Z: Jira <resolved> Wed 21 Jan 10:30:44 -0500; chat 'INC-482 fermé' at 10:30. Not the 03:14Z false 'Résolu'."
}
with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f: json.dump(gold, f, ensure_ascii=False, indent=2)
with open(os.path.join(HERE, "_keytimes.md"), "w", encoding="utf-8") as f:
    f.write("# Key-time reasoning (not an input)\n\n" + "\n".join(f"- **{k}**: {v}" for k, v in NOTES.items()) + "\n")

# ------------------------------------------------------------------ checks
inputs = ""
for fn in sorted(os.listdir(HERE)):
    if fn.startswith("_") or fn == "gold.json": continue
    inputs += open(os.path.join(HERE, fn), encoding="utf-8").read() + "\n"
def must(s, what): assert s in inputs, f"{what} missing: {s!r}"
import html as _h
inputs_unesc = _h.unescape(inputs)
for a in gold["action_items"]: must(a["evidence"], "action evidence")
for b in gold["blame_bait"]: must(b, "bait")
for s in gold["secrets"]: must(s, "secret")
for s in ["ramped android_checkout_gpay_v2 to 25%", "scheduled change applied: rollout 25% → 50%", "CheckoutErrorRateElevated", "2026-01-21T02:40:10.344Z", "INC-482 → Résolu",
          "reason=unsupported_token_type (checkout.accept_gpay_v2=false)", "killed android_checkout_gpay_v2 in LaunchDarkly", "Remote Config published + FCM config_refresh sent at 08:41",
          "Wed, 21 Jan 2026 10:30:44 -0500", f"Crashs Crashlytics GpayV2Sheet : {gcount}"]:
    assert s in inputs or s in inputs_unesc, f"evidence missing: {s!r}"
ks = [dt.datetime.fromisoformat(gold[k].replace("Z", "+00:00")) for k in ("start", "detected", "mitigated", "resolved")]
assert ks == sorted(ks)
assert abs((last422 - CLEAN).total_seconds()) <= 180 or last422 < CLEAN, last422
assert first422 - RAMP25 < dt.timedelta(minutes=6), first422
# 422 only from Android 7.14
assert all("7.14" in l for _, l in EL if 'HTTP/2" 422 ' in l)
# no 422 after mitigation
assert not any('HTTP/2" 422 ' in l and tt > CLEAN for tt, l in EL), 'late 422'
nmsg = sum(1 for l in CHAT.splitlines() if len(l) == 5 and l[2] == ":")
print("chat msgs", nmsg, "| envoy", len(EL), "| 422s", sum(1 for _, l in EL if 'HTTP/2" 422 ' in l), "first", first422, "last", last422, "| crashes gpay", gcount, "| crash rows", len(CR))
assert 40 <= nmsg <= 120
print("OK")
