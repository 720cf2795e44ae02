#!/usr/bin/env python3
"""Generator for blindM04: catalog-svc OOM during a night sale, false recovery after a
restart + scale-out, real fix by helm rollback. Team in Asia/Kolkata (IST, UTC+5:30).
Writes: teams_chat.txt, catalog-events-0023.json, ingress-nginx-controller.log,
azure_alerts.json, gold.json. Python 3 stdlib only. Seeded."""
import datetime as dt
import json
import os
import random
import uuid

SEED = 4104
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
CASE = "blindM04-catalog-oom-false-recovery"


def U(s):
    """'HH:MM:SS' or 'YYYY-mm-dd HH:MM:SS' in UTC -> aware datetime (day = 2026-08-11)."""
    if len(s) <= 8:
        s = "2026-08-11 " + s
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def IST_(day, hms):
    return dt.datetime.strptime(f"2026-08-{day:02d} {hms}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=IST).astimezone(UTC)


def Z(t, frac=0):
    if frac:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}"[:6] + "0" * (frac - 6) + "Z" if frac > 6 else t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}"[:frac] + "Z"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def rid(n=32):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def ruuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


# ---------------------------------------------------------------- key facts (UTC)
DEPLOY_START = U("16:52:31")
DEPLOY_DONE = U("16:56:40")
SALE_START = U("17:30:00")
MEM_WARN_1 = U("17:33:10")
START = U("17:41:05")          # first OOMKill -> first 502 at the ingress
DETECTED = U("17:46:12")       # Sev1 log alert pages + posts to Teams
RESTART = U("17:58:33")        # rollout restart + HPA min 6
FALSE_MIT = U("18:01:20")      # last 5xx of first window
ALERT_RESOLVED = U("18:09:40")
FALSE_RESOLVED = IST_(11, "23:41:00")  # 18:11:00Z "incident resolved"
MEM_WARN_2 = U("18:27:40")
RETURN = U("18:36:15")         # first 5xx of second window
ALERT_REFIRE = U("18:44:20")
ROLLBACK = U("18:58:41")
MITIGATED = U("19:03:40")      # rollback complete, 5xx stop
RESOLVED = IST_(12, "01:15:20")  # 19:45:20Z
EVENTS_CAPTURE = U("18:53:30")

# ---------------------------------------------------------------- Teams chat
BOT = "Azure Monitor Alerts"
SUB = "7d3f1c2a-5b8e-4e61-9c0d-2a4b6e8f1d35"


def card(state, sev, rule, body, fired, resolved=None):
    icon = {"Fired": "\U0001F534", "Resolved": "\u2705"}[state]
    lines = [f"{icon} {state} | {sev} | {rule}", body]
    lines.append(f"Fired: {fired}")
    if resolved:
        lines.append(f"Resolved: {resolved}")
    lines.append("View alert in Azure portal")
    return "\n".join(lines)


FIRE1 = "2026-08-11T17:46:12.5536120Z"
RES1 = "2026-08-11T18:09:40.1187730Z"
FIRE2 = "2026-08-11T18:44:20.9021450Z"

CHAT = [
    (11, "22:24:10", "Rahul Sharma", "catalog-svc 2.31.0 prod pe live \u2705 price snapshot cache wala change, sale ke time pricing-svc calls kam hongi \U0001F680"),
    (11, "22:25:02", "Priya Nair", "nice. HPA abhi 3-6 hai na? sale 11 baje se hai"),
    (11, "22:25:40", "Rahul Sharma", "haan 3-6, load pe khud scale ho jayega"),
    (11, "22:58:30", "Sneha Iyer", "sale live in 2 min \U0001F96D sab log alert rehna pls \U0001F64F"),
    (11, "23:16:13", BOT, card("Fired", "Sev1", "kk-prod-ingress-5xx-rate-high",
                               "Ingress 5xx ratio > 5% (5m) on api.kiranakart.in\nAffected: kk-prod-law | upstream=catalog-catalog-svc-8080\nValue: 31.4 (threshold 5)", FIRE1)),
    (11, "23:16:50", "Ankit Verma", "ack kiya, dekh raha hu"),
    (11, "23:17:35", "Ankit Verma", "5xx sirf catalog upstream pe hai. cart/order theek h"),
    (11, "23:18:10", "Priya Nair", "catalog pods restart ho rhe hain, 2/4 ready"),
    (11, "23:18:40", "Sneha Iyer", "app pe category pages blank aa rahe hain, CS pe calls start ho gaye"),
    (11, "23:19:15", "Ankit Verma", "Sev2 declare kar raha hu. Rahul Sharma aaj kuch deploy hua tha catalog pe?"),
    (11, "23:20:05", "Rahul Sharma", "haan 10:22 pe 2.31.0. but 50 min se theek chal raha tha, sale se pehle tak koi issue nahi tha"),
    (11, "23:20:40", "Farhan Qureshi", "kahin Azure ka issue toh nahi? central india mein pichle hafte bhi kuch hua tha"),
    (11, "23:21:30", "Priya Nair", "azure status green hai, aur cart-svc same nodepool pe hai woh chal raha hai. azure nahi lag raha"),
    (11, "23:22:00", "Farhan Qureshi", "ok main catalog-db dekhta hu, slow queries ho sakti hain"),
    (11, "23:23:20", "Ankit Verma", "kubectl -n catalog describe pod catalog-svc-6f9b7c5d48-q7wzk\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n    Restart Count:  2\n    Limits:\n      memory:  1Gi"),
    (11, "23:23:55", "Priya Nair", "OOMKilled \U0001F926 limit 1Gi hai"),
    (11, "23:24:30", "Rahul Sharma", "sale traffic 3x hai, per pod memory zyada lag rahi hogi. scale out kar dein?"),
    (11, "23:25:10", "Farhan Qureshi", "db pe sab normal. p95 8ms, conns 140/500. db nahi hai"),
    (11, "23:25:45", "Farhan Qureshi", "redis bhi check kiya, catalog ka env: REDIS_URL=rediss://:q7Vd2kLm9XpT4rWz8sNc3BfH6yJa1UeG@kk-prod-redis.redis.cache.windows.net:6380/0 ping ok, latency 1ms"),
    (11, "23:26:20", "Priya Nair", "bhai channel mein keys mat paste karo \U0001F610"),
    (11, "23:26:50", "Farhan Qureshi", "oops sorry"),
    (11, "23:27:30", "Ankit Verma", "plan: rollout restart + HPA min 6. restart se memory reset hogi, 6 pods pe load bat jayega. Rahul ok?"),
    (11, "23:27:55", "Rahul Sharma", "ok \U0001F44D"),
    (11, "23:28:30", "Ankit Verma", "kubectl -n catalog rollout restart deploy/catalog-svc && kubectl -n catalog patch hpa catalog-svc -p '{\"spec\":{\"minReplicas\":6}}'"),
    (11, "23:30:40", "Priya Nair", "6/6 ready. 5xx gir raha h"),
    (11, "23:31:50", "Sneha Iyer", "listing wapas aa gayi app pe \U0001F64C"),
    (11, "23:32:30", "Ankit Verma", "10 min dekhte hain"),
    (11, "23:36:10", "Karan Malhotra", "abhi phone pe dekha. kya status hai? sale theek chal rahi?"),
    (11, "23:37:20", "Ankit Verma", "catalog pods sale traffic pe OOM ho rahe the. restart + HPA min 6 kiya, 11:31 se stable. capacity issue lag raha hai"),
    (11, "23:38:05", "Karan Malhotra", "ok. impact kitna?"),
    (11, "23:39:30", "Sneha Iyer", "11:11 se 11:31 tak ~20 min. orders/min 1450 se 610 tak gira tha. CS pe ~140 calls/chats"),
    (11, "23:39:41", BOT, card("Resolved", "Sev1", "kk-prod-ingress-5xx-rate-high",
                               "Ingress 5xx ratio > 5% (5m) on api.kiranakart.in\nAffected: kk-prod-law | upstream=catalog-catalog-svc-8080", FIRE1, RES1)),
    (11, "23:41:00", "Ankit Verma", "alert resolve ho gaya \u2705 incident resolved. RCA kal karte hain. sale khatam hone tak HPA min 6 rehne do"),
    (11, "23:41:30", "Karan Malhotra", "\U0001F44D thanks team, good job"),
    (11, "23:42:10", "Rahul Sharma", "\U0001F64F"),
    (11, "23:47:20", "Priya Nair", "ek cheez... naye pods ki memory bhi seedhi line mein badh rahi hai, 18 min mein ~600Mi. pehle wale bhi aise hi gaye the kya?"),
    (11, "23:48:30", "Ankit Verma", "cache warmup hoga, fill hoke flat ho jayega. kal dekhte hain"),
    (11, "23:49:00", "Priya Nair", "hmm ok \U0001F914"),
    (12, "00:11:20", "Sneha Iyer", "guys CS bol raha hai phir se \"Something went wrong\" aa raha hai category pages pe \U0001F61F last 5 min se"),
    (12, "00:11:55", "Ankit Verma", "dekh raha hu"),
    (12, "00:12:40", "Priya Nair", "phir se OOMKilled. 3 pods restart hue last 6 min mein. memory wali baat sahi thi"),
    (12, "00:14:21", BOT, card("Fired", "Sev1", "kk-prod-ingress-5xx-rate-high",
                               "Ingress 5xx ratio > 5% (5m) on api.kiranakart.in\nAffected: kk-prod-law | upstream=catalog-catalog-svc-8080\nValue: 26.8 (threshold 5)", FIRE2)),
    (12, "00:14:50", "Ankit Verma", "reopen kar raha hu, Sev2 continue. ye capacity nahi hai, leak jaisa hai"),
    (12, "00:15:30", "Karan Malhotra", "kya hua? I thought resolved tha"),
    (12, "00:16:40", "Ankit Verma", "Karan Malhotra 12:15 AM\nkya hua? I thought resolved tha\nmera galat call tha, alert green dekh ke resolved bol diya. restart ne bas memory reset ki thi, cause wahi ka wahi tha"),
    (12, "00:17:15", "Farhan Qureshi", "Rahul ne phir se bina load test ke prod pe daal diya, classic Rahul \U0001F644"),
    (12, "00:17:40", "Farhan Qureshi", "aur ye resolved bolne wale ki wajah se 25 min aur gaye"),
    (12, "00:18:10", "Karan Malhotra", "Farhan Qureshi abhi nahi yaar. blameless rakho, pehle fix"),
    (12, "00:18:50", "Rahul Sharma", "mil gaya shayad. 2.31.0 mein price snapshot cache per user+pincode snapshot rakhta hai. PRICE_SNAPSHOT_CACHE_MAX ka default 0 hai aur 0 matlab unbounded \U0001F62C"),
    (12, "00:19:30", "Priya Nair", "toh traffic ke saath linear badhega. 6 pods pe bas dheere hua, ruka nahi. isliye restart ke 35 min baad wapas"),
    (12, "00:20:15", "Ankit Verma", "options: (a) PRICE_SNAPSHOT_CACHE_MAX set karke restart (b) helm rollback to 2.30.4"),
    (12, "00:21:00", "Rahul Sharma", "cap wala path kabhi test nahi hua, rollback safer hai"),
    (12, "00:21:40", "Sneha Iyer", "rollback se sale prices pe asar? sale prices toh pricing-svc se aate hain na"),
    (12, "00:22:20", "Rahul Sharma", "haan 2.30.4 seedha pricing-svc call karta hai, latency thodi badhegi bas, prices same"),
    (12, "00:22:50", "Karan Malhotra", "rollback karo"),
    (12, "00:23:35", "Priya Nair", "warning events dump kiya debugging ke liye (kubectl -n catalog get events --field-selector type=Warning -o json), attach kar rahi hu: catalog-events-0023.json"),
    (12, "00:24:10", "Priya Nair", "aur redis key rotate karni padegi, upar paste hui thi"),
    (12, "00:24:40", "Farhan Qureshi", "haan, kal subah rotate karta hu"),
    (12, "00:28:45", "Ankit Verma", "helm -n catalog rollback catalog-svc 41   (rev 41 = 2.30.4)"),
    (12, "00:29:30", "Ankit Verma", "HPA min 6 hi rehne do abhi"),
    (12, "00:31:20", "Priya Nair", "3/6 new pods ready on 2.30.4..."),
    (12, "00:33:50", "Priya Nair", "rollout complete, 6/6 on 2.30.4. old pods terminated, 5xx zero"),
    (12, "00:34:30", "Sneha Iyer", "CS confirm kar raha hai, pages load ho rahe hain"),
    (12, "00:36:00", "Karan Malhotra", "is baar resolved mat bolna jab tak memory flat na dikhe \U0001F605"),
    (12, "00:36:40", "Ankit Verma", "haan, 30-40 min memory trend dekhenge phir close karenge"),
    (12, "00:40:10", "Sneha Iyer", "second window 12:06 se 12:33, ~27 min, orders/min low 720. dono windows mila ke forecast se ~3,900 orders kam. CS contacts total 312"),
    (12, "00:45:30", "Priya Nair", "memory flat hai ~290Mi per pod on 2.30.4 \u2705"),
    (12, "00:52:00", "Ankit Verma", "action items (draft):\n1. PRICE_SNAPSHOT_CACHE_MAX ka default 0=unbounded hatao, hard cap + eviction chahiye\n2. resolve declare karne se pehle 30 min memory trend dekhna hai, sirf alert green dekh ke nahi\n3. memory near limit wala Sev3 alert sirf email pe jaata hai, usko Teams channel mein bhi route karo\n4. OOMKilled restarts pe alert chahiye (kube_pod_container_status_last_terminated_reason)\n5. sale se pehle catalog ka load test with sale traffic profile, mandatory"),
    (12, "00:53:10", "Rahul Sharma", "+1. aur sale day pe deploy freeze bhi, 2 ghante pehle se"),
    (12, "00:54:30", "Karan Malhotra", "deploy 10:22 pe tha aur sale 11 pe. process gap hai, kisi ek ki galti nahi"),
    (12, "00:58:20", "Priya Nair", "ingress controller ke logs bhi attach kiye (sampled, har ~200th request), 10:10 PM se"),
    (12, "01:02:00", "Farhan Qureshi", "Sev3 memory alert mere email mein 11:03 pe aaya tha \U0001F636 kisi ne nahi dekha. 11:57 pe dobara aaya tha"),
    (12, "01:15:20", "Ankit Verma", "memory 40 min se flat, 5xx zero, orders normal. Incident resolved \u2705 RCA doc kal tak"),
    (12, "01:16:00", "Karan Malhotra", "thanks all, ab so jao \U0001F634"),
    (12, "01:19:10", "Ankit Verma", "aur Sev1 alert maine portal se close kar diya"),
]


def teams_header(t_utc, name):
    loc = t_utc.astimezone(IST)
    hhmm = loc.strftime("%I:%M %p").lstrip("0")
    if loc.day == 12:  # copied on 8/12: today's messages show the time only
        return f"[{hhmm}] {name}"
    return f"[{loc.month}/{loc.day} {hhmm}] {name}"


def write_chat():
    out = []
    for day, hms, who, text in CHAT:
        t = IST_(day, hms)
        out.append(teams_header(t, who))
        out.append(text)
    with open(os.path.join(OUT, "teams_chat.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------- pods / topology
NODES = ["aks-userpool-31245678-vmss00000%s" % c for c in "0123456"]
RS0 = "catalog-svc-5d7f8b9c64"   # 2.30.4 (before deploy, and rollback target)
RS1 = "catalog-svc-6f9b7c5d48"   # 2.31.0 from helm upgrade
RS2 = "catalog-svc-7c4d8f9b6"    # 2.31.0 after rollout restart
GEN0 = [(RS0 + "-" + s, ip) for s, ip in [("lx8kp", "10.244.2.15"), ("w3fzd", "10.244.3.9"), ("b6nqr", "10.244.5.21")]]
GEN1 = [(RS1 + "-" + s, ip) for s, ip in [("q7wzk", "10.244.3.17"), ("m2hxt", "10.244.5.9"), ("r8vbn", "10.244.2.44"), ("t4kcz", "10.244.6.12")]]
GEN2 = [(RS2 + "-" + s, ip) for s, ip in [("2xkqp", "10.244.3.61"), ("j9wlm", "10.244.5.38"), ("c6dfs", "10.244.2.70"), ("h4pzn", "10.244.6.27"), ("v7bqx", "10.244.4.15"), ("n5trk", "10.244.3.88")]]
GEN3 = [(RS0 + "-" + s, ip) for s, ip in [("z4mvc", "10.244.2.91"), ("k8rtw", "10.244.4.33"), ("p2hsl", "10.244.6.40"), ("f7gxb", "10.244.5.57"), ("d9qnz", "10.244.3.102"), ("s3wkh", "10.244.4.61")]]
CART = ["10.244.4.8", "10.244.2.23", "10.244.6.5"]
ORDER = ["10.244.5.14", "10.244.3.30"]
PRICING = ["10.244.2.31", "10.244.4.19"]


def catalog_pool(t):
    if t < DEPLOY_START:
        return GEN0
    if t < DEPLOY_DONE:
        return GEN0 + GEN1[:3]
    if t < U("17:32:20"):
        return GEN1[:3]
    if t < RESTART:
        return GEN1
    if t < U("18:00:20"):
        return GEN1 + GEN2
    if t < ROLLBACK:
        return GEN2
    if t < MITIGATED:
        return GEN2 + GEN3
    return GEN3


# ---------------------------------------------------------------- ingress-nginx log
NGX_PID = 1271
UAS = [
    "KiranaKart/7.14.2 (Android 14; SM-A546E) okhttp/4.12.0",
    "KiranaKart/7.14.2 (Android 13; RMX3630) okhttp/4.12.0",
    "KiranaKart/7.14.1 (iPhone15,3; iOS 17.5.1) CFNetwork/1494.0.7",
    "KiranaKart/7.14.2 (Android 14; CPH2487) okhttp/4.12.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; SM-M356B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.6533.103 Mobile Safari/537.36",
]
PINS = ["560034", "560102", "400076", "110017", "122018", "500081", "411014", "600042"]
CATS = ["fruits-veg", "dairy-bread", "snacks", "beverages", "mango-fest", "atta-rice-dal", "personal-care"]


def client_ip():
    a = R.choice([49, 106, 110, 117, 152, 157, 182, 223])
    return f"{a}.{R.randint(32, 223)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ts_nginx(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S +0000")


def ts_nginx_err(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


def ts_klog(t):
    return t.strftime("%m%d %H:%M:%S.") + f"{t.microsecond:06d}"


def in_window(t):
    return (START <= t <= FALSE_MIT) or (RETURN <= t <= U("19:03:31"))


def catalog_request():
    r = R.random()
    if r < 0.45:
        path = f"/api/v2/catalog/categories/{R.choice(CATS)}/products?pincode={R.choice(PINS)}&page={R.randint(1, 4)}"
    elif r < 0.75:
        path = f"/api/v2/catalog/products/SKU{R.randint(100000, 999999)}?pincode={R.choice(PINS)}"
    elif r < 0.92:
        path = f"/api/v2/catalog/search?q={R.choice(['alphonso', 'amul+butter', 'maggi', 'atta', 'banana', 'kesar+mango', 'paneer'])}&pincode={R.choice(PINS)}"
    else:
        path = f"/api/v2/catalog/home/sale-banner?pincode={R.choice(PINS)}"
    return "GET", path


def other_request():
    r = R.random()
    if r < 0.45:
        return "POST", "/api/v2/cart/items", "cart-cart-svc-8080", CART
    if r < 0.7:
        return "GET", "/api/v2/cart", "cart-cart-svc-8080", CART
    if r < 0.88:
        return "POST", "/api/v2/orders", "orders-order-svc-8080", ORDER
    return "GET", f"/api/v2/pricing/quote?sku=SKU{R.randint(100000, 999999)}&pincode={R.choice(PINS)}", "pricing-pricing-svc-8080", PRICING


def access_line(t, method, path, status, upstream, up_addr, forced_time=None):
    ua = R.choice(UAS)
    ref = "https://www.kiranakart.in/" if ua.startswith("Mozilla/5.0 (Windows") else "-"
    proto = "HTTP/2.0"
    req_len = R.randint(180, 420) if method == "GET" else R.randint(420, 1400)
    if status in (502,):
        rt = round(R.uniform(0.001, 0.9), 3)
        up = f"{up_addr}:8080 0 {rt:.3f} 502"
        body = 150
    elif status == 504:
        rt = 10.002
        up = f"{up_addr}:8080 0 10.001 504"
        body = 160
    elif status == 503:
        rt = 0.000
        up = "- - - -"
        body = 190
    else:
        base = {"cart-cart-svc-8080": 0.03, "orders-order-svc-8080": 0.12, "pricing-pricing-svc-8080": 0.02}.get(upstream, 0.045)
        if upstream.startswith("catalog") and t >= ROLLBACK:
            base = 0.075  # 2.30.4 calls pricing-svc directly
        rt = round(R.uniform(base * 0.5, base * 3.2), 3)
        blen = R.randint(900, 48000) if method == "GET" else R.randint(120, 2400)
        body = blen
        up = f"{up_addr}:8080 {blen} {max(rt - 0.001, 0.001):.3f} {status}"
    return (f"{client_ip()} - - [{ts_nginx(t)}] \"{method} {path} {proto}\" {status} {body} \"{ref}\" \"{ua}\" "
            f"{req_len} {rt:.3f} [{upstream}] [] {up} {rid()}")


def write_ingress():
    lines = []  # (t, seq, text)
    start, end = U("16:40:00"), U("19:50:00")
    t = start
    forced = {START: "502", FALSE_MIT - dt.timedelta(seconds=8): "502", RETURN: "502", U("19:03:31"): "502"}
    for ft, st in forced.items():
        pod, ip = R.choice([p for p in catalog_pool(ft) if p[0].startswith(RS1 if ft < RESTART else RS2)])
        m, p = catalog_request()
        lines.append((ft, 0, access_line(ft, m, p, 502, "catalog-catalog-svc-8080", ip)))
        lines.append((ft, -1, f"{ts_nginx_err(ft)} [error] {NGX_PID}#{NGX_PID}: *{R.randint(4400000, 9900000)} connect() failed (111: Connection refused) while connecting to upstream, client: {client_ip()}, server: api.kiranakart.in, request: \"{m} {p} HTTP/2.0\", upstream: \"http://{ip}:8080{p}\", host: \"api.kiranakart.in\""))
    while t < end:
        sale = SALE_START <= t < U("19:30:00")
        rate = 4.2 if sale else 2.6
        t = t + dt.timedelta(seconds=R.expovariate(rate / 60.0), microseconds=0)
        t = t.replace(microsecond=0)
        if t >= end:
            break
        if any(abs((t - ft).total_seconds()) < 1 for ft in forced):
            continue
        if R.random() < 0.56:
            method, path = catalog_request()
            pool = catalog_pool(t)
            pod, ip = R.choice(pool)
            status = 200
            bad = False
            if START < t < FALSE_MIT - dt.timedelta(seconds=8):
                bad = R.random() < (0.18 if t < U("17:43:00") else 0.34)
            elif RETURN < t < U("19:03:31"):
                bad = R.random() < (0.2 if t < U("18:39:00") else 0.27)
            if bad:
                # only 2.31.0 pods fail
                cands = [p for p in pool if not p[0].startswith(RS0)]
                pod, ip = R.choice(cands)
                x = R.random()
                status = 502 if x < 0.8 else (504 if x < 0.9 else 503)
                lines.append((t, 0, access_line(t, method, path, status, "catalog-catalog-svc-8080", ip)))
                if status == 502 and R.random() < 0.12:
                    msg = R.choice(["connect() failed (111: Connection refused) while connecting to upstream",
                                    "upstream prematurely closed connection while reading response header from upstream"])
                    lines.append((t, 1, f"{ts_nginx_err(t)} [error] {NGX_PID}#{NGX_PID}: *{R.randint(4400000, 9900000)} {msg}, client: {client_ip()}, server: api.kiranakart.in, request: \"{method} {path} HTTP/2.0\", upstream: \"http://{ip}:8080{path}\", host: \"api.kiranakart.in\""))
                if status == 503:
                    tw = t + dt.timedelta(microseconds=R.randint(1000, 900000))
                    lines.append((t, 1, f"W{ts_klog(tw)}       7 controller.go:1214] Service \"catalog/catalog-svc\" does not have any active Endpoint."))
            else:
                lines.append((t, 0, access_line(t, method, path, 200 if R.random() > 0.02 else 404, "catalog-catalog-svc-8080", ip)))
        else:
            method, path, ups, pool = other_request()
            st = 201 if (method == "POST" and "orders" in path) else 200
            if R.random() < 0.01:
                st = 499
            lines.append((t, 0, access_line(t, method, path, st, ups, R.choice(pool))))
    # controller housekeeping lines (config reloads when endpoints change)
    for tt in [DEPLOY_START + dt.timedelta(seconds=40), DEPLOY_DONE, U("17:32:25"), RESTART + dt.timedelta(seconds=20), U("18:00:25"), ROLLBACK + dt.timedelta(seconds=30), MITIGATED - dt.timedelta(seconds=5)]:
        tt2 = tt + dt.timedelta(microseconds=R.randint(0, 999999))
        lines.append((tt, 2, f"I{ts_klog(tt2)}       7 controller.go:193] \"Configuration changes detected, backend reload required\""))
        lines.append((tt, 3, f"I{ts_klog(tt2 + dt.timedelta(milliseconds=R.randint(80, 160)))}       7 controller.go:213] \"Backend successfully reloaded\""))
    lines.sort(key=lambda x: (x[0], x[1]))
    txt = "\n".join(l[2] for l in lines) + "\n"
    with open(os.path.join(OUT, "ingress-nginx-controller.log"), "w") as f:
        f.write(txt)
    return txt, lines


# ---------------------------------------------------------------- kubectl get events -o json
RV = [88401000]


def next_rv():
    RV[0] += R.randint(3, 60)
    return str(RV[0])


UIDS = {}


def uid_for(name):
    if name not in UIDS:
        UIDS[name] = ruuid()
    return UIDS[name]


def ev_obj(kind, name):
    if kind == "Pod":
        return {"apiVersion": "v1", "kind": "Pod", "name": name, "namespace": "catalog", "resourceVersion": next_rv(), "uid": uid_for(name)}
    if kind == "ReplicaSet":
        return {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": name, "namespace": "catalog", "resourceVersion": next_rv(), "uid": uid_for(name)}
    if kind == "Deployment":
        return {"apiVersion": "apps/v1", "kind": "Deployment", "name": name, "namespace": "catalog", "resourceVersion": next_rv(), "uid": uid_for(name)}
    if kind == "HorizontalPodAutoscaler":
        return {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "name": name, "namespace": "catalog", "resourceVersion": next_rv(), "uid": uid_for(name)}


def event(kind, objname, reason, message, first, last=None, count=1, etype="Normal", component="kubelet", host=None, container=True):
    last = last or first
    inv = ev_obj(kind, objname)
    if kind == "Pod" and container:
        inv["fieldPath"] = "spec.containers{catalog}"
    first_ns = int(first.timestamp()) * 10**9 + R.randint(0, 999999999)
    e = {
        "apiVersion": "v1",
        "count": count,
        "eventTime": None,
        "firstTimestamp": Z(first),
        "involvedObject": inv,
        "kind": "Event",
        "lastTimestamp": Z(last),
        "message": message,
        "metadata": {"creationTimestamp": Z(first), "name": f"{objname}.{first_ns:x}", "namespace": "catalog",
                     "resourceVersion": next_rv(), "uid": ruuid()},
        "reason": reason,
        "reportingComponent": component if component != "kubelet" else "kubelet",
        "reportingInstance": host or "",
        "source": {"component": component} if not host else {"component": component, "host": host},
        "type": etype,
    }
    return e


def sched_event(pod, node, t):
    ns = int(t.timestamp()) * 10**9 + R.randint(0, 999999999)
    et = dt.datetime.fromtimestamp(ns / 1e9, tz=UTC)
    return {
        "action": "Binding",
        "apiVersion": "v1",
        "eventTime": et.strftime("%Y-%m-%dT%H:%M:%S.") + f"{et.microsecond:06d}Z",
        "firstTimestamp": None,
        "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": pod, "namespace": "catalog", "resourceVersion": next_rv(), "uid": uid_for(pod)},
        "kind": "Event",
        "lastTimestamp": None,
        "message": f"Successfully assigned catalog/{pod} to {node}",
        "metadata": {"creationTimestamp": Z(t), "name": f"{pod}.{ns:x}", "namespace": "catalog", "resourceVersion": next_rv(), "uid": ruuid()},
        "reason": "Scheduled",
        "reportingComponent": "default-scheduler",
        "reportingInstance": "default-scheduler-kube-scheduler-6d9f7b8c5-xq2lm",
        "source": {},
        "type": "Normal",
    }


def write_events():
    evs = []
    IMG = "kkprodacr.azurecr.io/catalog-svc:2.31.0"
    node_of = {}
    for i, (p, ip) in enumerate(GEN1 + GEN2):
        node_of[p] = NODES[int(ip.split(".")[2]) % len(NODES)]
    # --- GEN1 pods: OOM restarts in the first window; deleted by the rollout restart
    gen1_plan = {
        GEN1[0][0]: dict(restarts=["17:41:05", "17:47:32", "17:54:18"], created="16:52:40"),
        GEN1[1][0]: dict(restarts=["17:42:11", "17:50:02"], created="16:53:55"),
        GEN1[2][0]: dict(restarts=["17:44:37", "17:55:40"], created="16:55:12"),
        GEN1[3][0]: dict(restarts=["17:49:21"], created="17:32:21"),
    }
    kill_t = {GEN1[0][0]: "17:58:36", GEN1[1][0]: "17:58:58", GEN1[2][0]: "17:59:21", GEN1[3][0]: "17:59:47"}
    for pod, plan in gen1_plan.items():
        node = node_of[pod]
        ip = dict(GEN1)[pod]
        rs = [U(x) for x in plan["restarts"]]
        c = U(plan["created"])
        lastr = rs[-1]
        if lastr >= EVENTS_CAPTURE - dt.timedelta(hours=1):
            evs.append(event("Pod", pod, "Pulled", f"Container image \"{IMG}\" already present on machine", c + dt.timedelta(seconds=2), lastr + dt.timedelta(seconds=1), len(rs) + 1, host=node))
            evs.append(event("Pod", pod, "Created", "Created container: catalog", c + dt.timedelta(seconds=2), lastr + dt.timedelta(seconds=1), len(rs) + 1, host=node))
            evs.append(event("Pod", pod, "Started", "Started container catalog", c + dt.timedelta(seconds=3), lastr + dt.timedelta(seconds=2), len(rs) + 1, host=node))
        evs.append(event("Pod", pod, "Unhealthy", f"Readiness probe failed: Get \"http://{ip}:8080/healthz/ready\": dial tcp {ip}:8080: connect: connection refused",
                         rs[0] + dt.timedelta(seconds=4), U(kill_t[pod]) - dt.timedelta(seconds=R.randint(20, 90)), R.randint(9, 26), "Warning", host=node))
        if len(rs) >= 2:
            evs.append(event("Pod", pod, "BackOff", f"Back-off restarting failed container catalog in pod {pod}_catalog({uid_for(pod)})",
                             rs[1] - dt.timedelta(seconds=R.randint(5, 25)), rs[-1] + dt.timedelta(seconds=R.randint(20, 70)), R.randint(4, 11), "Warning", host=node))
        evs.append(event("Pod", pod, "Killing", "Stopping container catalog", U(kill_t[pod]), host=node))
    for pod, kt in kill_t.items():
        evs.append(event("ReplicaSet", RS1, "SuccessfulDelete", f"Deleted pod: {pod}", U(kt), component="replicaset-controller"))
    # --- HPA + deployment
    evs.append(event("HorizontalPodAutoscaler", "catalog-svc", "SuccessfulRescale", "New size: 6; reason: Current number of replicas below Spec.MinReplicas", U("17:58:47"), component="horizontal-pod-autoscaler"))
    dep_msgs = [
        ("17:58:34", f"Scaled up replica set {RS2} from 0 to 1"),
        ("17:58:36", f"Scaled down replica set {RS1} from 4 to 3"),
        ("17:58:36", f"Scaled up replica set {RS2} from 1 to 2"),
        ("17:58:49", f"Scaled up replica set {RS2} from 2 to 4"),
        ("17:58:58", f"Scaled down replica set {RS1} from 3 to 2"),
        ("17:59:21", f"Scaled down replica set {RS1} from 2 to 1"),
        ("17:59:22", f"Scaled up replica set {RS2} from 4 to 6"),
        ("17:59:47", f"Scaled down replica set {RS1} from 1 to 0"),
    ]
    for ts, msg in dep_msgs:
        evs.append(event("Deployment", "catalog-svc", "ScalingReplicaSet", msg, U(ts), component="deployment-controller"))
    # --- GEN2 pods: created by the restart; OOM again from 18:36
    gen2_created = ["17:58:34", "17:58:36", "17:58:49", "17:58:50", "17:59:22", "17:59:23"]
    gen2_ooms = {GEN2[0][0]: ["18:36:15", "18:44:02", "18:51:40"], GEN2[2][0]: ["18:37:48", "18:47:30"], GEN2[3][0]: ["18:40:11", "18:50:26"], GEN2[4][0]: ["18:46:55"]}
    for (pod, ip), cts in zip(GEN2, gen2_created):
        node = node_of[pod]
        c = U(cts)
        evs.append(event("ReplicaSet", RS2, "SuccessfulCreate", f"Created pod: {pod}", c, component="replicaset-controller"))
        evs.append(sched_event(pod, node, c))
        ooms = [U(x) for x in gen2_ooms.get(pod, [])]
        n = len(ooms) + 1
        last = (ooms[-1] + dt.timedelta(seconds=1)) if ooms else c + dt.timedelta(seconds=2)
        if not ooms:
            # image pulled fresh on this node at creation time; only "already present" for restarted containers
            pass
        evs.append(event("Pod", pod, "Pulled", f"Container image \"{IMG}\" already present on machine", c + dt.timedelta(seconds=1), last, n, host=node))
        evs.append(event("Pod", pod, "Created", "Created container: catalog", c + dt.timedelta(seconds=1), last, n, host=node))
        evs.append(event("Pod", pod, "Started", "Started container catalog", c + dt.timedelta(seconds=2), last + dt.timedelta(seconds=1), n, host=node))
        if ooms:
            evs.append(event("Pod", pod, "Unhealthy", f"Readiness probe failed: Get \"http://{ip}:8080/healthz/ready\": dial tcp {ip}:8080: connect: connection refused",
                             ooms[0] + dt.timedelta(seconds=3), min(EVENTS_CAPTURE - dt.timedelta(seconds=20), ooms[-1] + dt.timedelta(seconds=35)), 3 * len(ooms) + R.randint(0, 4), "Warning", host=node))
            if len(ooms) >= 2:
                evs.append(event("Pod", pod, "BackOff", f"Back-off restarting failed container catalog in pod {pod}_catalog({uid_for(pod)})",
                                 ooms[1] - dt.timedelta(seconds=12), ooms[-1] + dt.timedelta(seconds=40), 2 * len(ooms) + 1, "Warning", host=node))
    # keep only what a capture at EVENTS_CAPTURE would still return (event TTL 1h)
    cutoff = EVENTS_CAPTURE - dt.timedelta(hours=1)

    def last_time(e):
        if e.get("lastTimestamp"):
            return dt.datetime.strptime(e["lastTimestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        return dt.datetime.strptime(e["eventTime"][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)

    # startup readiness failures of two restarted pods (2.31.0 warms its cache before /healthz/ready is 200)
    for pod, ip in (GEN2[1], GEN2[5]):
        c = U(gen2_created[GEN2.index((pod, ip))])
        evs.append(event("Pod", pod, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
                         c + dt.timedelta(seconds=6), c + dt.timedelta(seconds=21), 3, "Warning", host=node_of[pod]))
    evs = [e for e in evs if cutoff <= last_time(e) <= EVENTS_CAPTURE]
    evs = [e for e in evs if e["type"] == "Warning"]  # captured with --field-selector type=Warning
    evs.sort(key=lambda e: e["metadata"]["name"])
    doc = {"apiVersion": "v1", "items": evs, "kind": "List", "metadata": {"resourceVersion": ""}}
    txt = json.dumps(doc, indent=4, sort_keys=True, ensure_ascii=False) + "\n"
    with open(os.path.join(OUT, "catalog-events-0023.json"), "w") as f:
        f.write(txt)
    return txt, evs


# ---------------------------------------------------------------- Azure Monitor (common alert schema)
def azure_alerts():
    law = f"/subscriptions/{SUB}/resourcegroups/kk-prod-observability/providers/microsoft.operationalinsights/workspaces/kk-prod-law"
    amw = f"/subscriptions/{SUB}/resourcegroups/kk-prod-observability/providers/microsoft.monitor/accounts/kk-prod-amw"
    acr = f"/subscriptions/{SUB}/resourcegroups/kk-prod-platform/providers/microsoft.containerregistry/registries/kkprodacr"
    query = ("let w = 5m; ContainerLogV2 | where ContainerName == \"controller\" and PodNamespace == \"ingress-nginx\" "
             "| parse LogMessage with * \"\\\" \" status:int \" \" * \"[\" upstream \"]\" * "
             "| where isnotempty(upstream) | summarize total = count(), errors = countif(status >= 500) by upstream, bin(TimeGenerated, w) "
             "| extend ratio = round(100.0 * errors / total, 1)")
    link = ("https://portal.azure.com#@kiranakart.onmicrosoft.com/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/source/Alerts.EmailLinks/scope/"
            "%7B%22resources%22%3A%5B%7B%22resourceId%22%3A%22%2Fsubscriptions%2F" + SUB + "%2FresourceGroups%2Fkk-prod-observability%2Fproviders%2FMicrosoft.OperationalInsights%2Fworkspaces%2Fkk-prod-law%22%7D%5D%7D/q/")

    def ingress_payload(alert_guid, origin, cond, fired, resolved, value, ws, we):
        ess = {
            "alertId": f"/subscriptions/{SUB}/providers/Microsoft.AlertsManagement/alerts/{alert_guid}",
            "alertRule": "kk-prod-ingress-5xx-rate-high",
            "severity": "Sev1",
            "signalType": "Log",
            "monitorCondition": cond,
            "monitoringService": "Log Alerts V2",
            "alertTargetIDs": [law],
            "configurationItems": ["kk-prod-law"],
            "originAlertId": origin,
            "firedDateTime": fired,
            "description": "Ingress 5xx ratio > 5% over 5 min per upstream (api.kiranakart.in). Pages on-call + posts to Teams incident chat.",
            "essentialsVersion": "1.0",
            "alertContextVersion": "1.0",
        }
        if resolved:
            ess["resolvedDateTime"] = resolved
        return {"schemaId": "azureMonitorCommonAlertSchema", "data": {"essentials": ess, "alertContext": {
            "properties": {"team": "sre", "runbook": "https://kiranakart.atlassian.net/wiki/spaces/SRE/pages/4411/ingress-5xx"},
            "conditionType": "LogQueryCriteria",
            "condition": {
                "windowSize": "PT5M",
                "allOf": [{
                    "searchQuery": query,
                    "metricMeasureColumn": "ratio",
                    "targetResourceTypes": "['Microsoft.OperationalInsights/workspaces']",
                    "operator": "GreaterThan",
                    "threshold": "5",
                    "timeAggregation": "Maximum",
                    "dimensions": [{"name": "upstream", "value": "catalog-catalog-svc-8080"}],
                    "metricValue": value,
                    "failingPeriods": {"numberOfEvaluationPeriods": 1, "minFailingPeriodsToAlert": 1},
                    "linkToSearchResultsUI": link + "eJyrVkrOzy0oSixRslJKTs8vS8zJU0jJz1WoUUjMS0ktUrBTKE4tKsrPcc5XyC8tKSjKTy4tLkktUrK2MrQwNDc1MTIwNTI2MjU3sDA0NTNRMrYyNjI3MDI0MDY3NjU1MjIwNTIwMTQwMTW3MDcwNAEAGvYbvw",
                    "linkToFilteredSearchResultsUI": link + "eJyrVkrOzy0oSixRslJKTs8vS8zJU0jJz1WoUUjMS0ktUrBTKE4tKsrPcc5XyC8tKSjKTy4tLkktUrK2MrQwNDc1MTIwNTI2MjU3sDA0NTNRMrYyNjI3MDI0MDY3NjU1MjIwNTIwMTQwMTW3MDcwNAEAGvYbvw",
                    "linkToSearchResultsAPI": f"https://api.loganalytics.io/v1/workspaces/5c1e7a90-3b2d-4f6a-8e11-9d0c4b7a2f63/query?query=ContainerLogV2&timespan={ws.replace(':', '%3a')}%2f{we.replace(':', '%3a')}",
                    "linkToFilteredSearchResultsAPI": f"https://api.loganalytics.io/v1/workspaces/5c1e7a90-3b2d-4f6a-8e11-9d0c4b7a2f63/query?query=ContainerLogV2&timespan={ws.replace(':', '%3a')}%2f{we.replace(':', '%3a')}",
                }],
                "windowStartTime": ws,
                "windowEndTime": we,
            }}}}

    def prom_payload(alert_guid, fired, value, pods):
        return {"schemaId": "azureMonitorCommonAlertSchema", "data": {"essentials": {
            "alertId": f"/subscriptions/{SUB}/providers/Microsoft.AlertsManagement/alerts/{alert_guid}",
            "alertRule": "KubeContainerMemoryNearLimit",
            "severity": "Sev3",
            "signalType": "Metric",
            "monitorCondition": "Fired",
            "monitoringService": "Prometheus",
            "alertTargetIDs": [amw],
            "configurationItems": ["kk-prod-aks-cin"],
            "originAlertId": ruuid(),
            "firedDateTime": fired,
            "description": "Container working set above 90% of its memory limit for 5m (email: platform-alerts DL)",
            "essentialsVersion": "1.0",
            "alertContextVersion": "1.0",
        }, "alertContext": {
            "interval": "PT1M",
            "expression": "max by (cluster, namespace, pod, container) (container_memory_working_set_bytes{container!=\"\", container!=\"POD\"}) / on (cluster, namespace, pod, container) max by (cluster, namespace, pod, container) (kube_pod_container_resource_limits{resource=\"memory\"}) > 0.9",
            "expressionValue": value,
            "for": "PT5M",
            "labels": {"alertname": "KubeContainerMemoryNearLimit", "cluster": "kk-prod-aks-cin", "namespace": "catalog", "container": "catalog", "pod": pods, "severity": "warning"},
            "annotations": {"summary": f"Container catalog in catalog/{pods} is using {float(value) * 100:.0f}% of its memory limit"},
            "ruleGroup": f"/subscriptions/{SUB}/resourceGroups/kk-prod-observability/providers/Microsoft.AlertsManagement/prometheusRuleGroups/kk-prod-aks-container-rules",
        }}}

    sev4 = {"schemaId": "azureMonitorCommonAlertSchema", "data": {"essentials": {
        "alertId": f"/subscriptions/{SUB}/providers/Microsoft.AlertsManagement/alerts/{ruuid()}",
        "alertRule": "kkprodacr-storage-used-80pct",
        "severity": "Sev4",
        "signalType": "Metric",
        "monitorCondition": "Fired",
        "monitoringService": "Platform",
        "alertTargetIDs": [acr],
        "configurationItems": ["kkprodacr"],
        "originAlertId": f"{SUB}_kk-prod-platform_microsoft.insights_metricAlerts_kkprodacr-storage-used-80pct_-1183360127",
        "firedDateTime": "2026-08-11T16:07:44.3170215Z",
        "description": "ACR storage above 80% of the 500 GiB quota (housekeeping ticket, no page)",
        "essentialsVersion": "1.0",
        "alertContextVersion": "1.0",
    }, "alertContext": {
        "properties": None,
        "conditionType": "SingleResourceMultipleMetricCriteria",
        "condition": {
            "windowSize": "PT1H",
            "allOf": [{"metricName": "StorageUsed", "metricNamespace": "Microsoft.ContainerRegistry/registries", "operator": "GreaterThan",
                       "threshold": "429496729600", "timeAggregation": "Average", "dimensions": [], "metricValue": 431921356288.0}],
            "windowStartTime": "2026-08-11T15:05:12.447Z",
            "windowEndTime": "2026-08-11T16:05:12.447Z",
        }}}}
    g1 = ruuid()
    o1 = ruuid()
    payloads = [
        sev4,
        prom_payload(ruuid(), "2026-08-11T17:33:10.6612043Z", "0.934", GEN1[0][0]),
        ingress_payload(g1, o1, "Fired", FIRE1, None, 31.4, "2026-08-11T17:40:00Z", "2026-08-11T17:45:00Z"),
        ingress_payload(g1, o1, "Resolved", FIRE1, RES1, 0.0, "2026-08-11T18:03:00Z", "2026-08-11T18:08:00Z"),
        prom_payload(ruuid(), "2026-08-11T18:27:40.2095518Z", "0.912", GEN2[0][0]),
        ingress_payload(ruuid(), ruuid(), "Fired", FIRE2, None, 26.8, "2026-08-11T18:38:00Z", "2026-08-11T18:43:00Z"),
    ]
    txt = json.dumps(payloads, indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(OUT, "azure_alerts.json"), "w") as f:
        f.write(txt)
    return txt, payloads


# ---------------------------------------------------------------- gold
def gold():
    g = {
        "title": "Catalog outage during the midnight sale: catalog-svc 2.31.0's unbounded price-snapshot cache OOMKilled pods; a restart + scale-out was declared resolved, impact returned 35 min later, fixed by helm rollback to 2.30.4",
        "severity": "SEV2",
        "services": ["catalog-svc (AKS, namespace catalog)", "ingress-nginx (api.kiranakart.in)", "KiranaKart app/web category, product and search pages"],
        "start": Z(START),
        "detected": Z(DETECTED),
        "mitigated": Z(MITIGATED),
        "resolved": Z(RESOLVED),
        "timezone": "Asia/Kolkata",
        "customer_impact": ("During the midnight sale, catalog requests (category pages, product pages, search) failed with 502/503/504 in two windows: "
                            "17:41-18:01 UTC (23:11-23:31 IST, ~20 min) and again 18:36-19:03 UTC (00:06-00:33 IST, ~27 min) after the incident had been declared resolved. "
                            "Orders per minute fell from ~1,450 to ~610 in the first window and to ~720 in the second; about 3,900 fewer orders than forecast across both windows, "
                            "and 312 customer-support contacts. Cart and order APIs themselves kept working."),
        "impact_numbers": [
            "first window ~20 min (23:11-23:31 IST = 17:41-18:01 UTC)",
            "second window ~27 min (00:06-00:33 IST = 18:36-19:03 UTC)",
            "orders/min ~1,450 -> ~610 (first window), low of ~720 (second window)",
            "~3,900 orders below forecast across both windows",
            "~140 CS calls/chats in the first window; 312 CS contacts in total",
            "5xx ratio on the catalog upstream 31.4% (first alert) and 26.8% (re-fire)",
        ],
        "root_cause": ("catalog-svc 2.31.0, deployed at 22:22 IST (16:52 UTC) shortly before the sale, added a per-user+pincode price snapshot cache whose size limit "
                       "PRICE_SNAPSHOT_CACHE_MAX defaulted to 0, which means unbounded. Memory grew linearly with traffic; when sale traffic started at 23:00 IST the pods hit "
                       "their 1Gi limit and were OOMKilled (exit 137) in a loop, so the ingress returned 502/503/504 for the catalog upstream. The team read it as a capacity "
                       "problem: a rollout restart plus HPA minReplicas 6 only reset memory and spread the load, the alert resolved and the incident was declared resolved, "
                       "and ~35 min later the new pods reached the limit and were OOMKilled again. The helm rollback to 2.30.4 (no snapshot cache) fixed it."),
        "root_cause_keywords": [
            "catalog-svc 2.31.0 price snapshot cache",
            "PRICE_SNAPSHOT_CACHE_MAX=0 means unbounded (memory growth / leak)",
            "OOMKilled pods at 1Gi memory limit under sale traffic",
            "restart + scale-out only reset memory: false recovery",
            "helm rollback to 2.30.4",
        ],
        "contributing_factors": [
            "The release went out ~40 minutes before the sale, with no load test using the sale traffic profile",
            "The Sev3 KubeContainerMemoryNearLimit alert (23:03 and 23:57 IST) only went to e-mail and nobody saw it",
            "The incident was declared resolved from the Sev1 alert turning green, without watching the memory trend; the linear memory growth Priya pointed out was dismissed as cache warm-up",
            "There was no alert on OOMKilled container restarts",
            "No deploy freeze before the sale",
        ],
        "red_herrings": [
            "an Azure (Central India) platform problem",
            "catalog-db slow queries",
            "Redis",
            "sale traffic / pod capacity (scaling out seemed to fix it but only delayed the next OOM)",
        ],
        "timeline": [
            {"time": Z(DEPLOY_START), "event": "helm upgrade rolls out catalog-svc 2.31.0 (price snapshot cache) (22:22 IST)", "source": "chat", "must_include": True},
            {"time": Z(SALE_START), "event": "Midnight sale goes live, traffic ~3x", "source": "chat", "must_include": False},
            {"time": Z(MEM_WARN_1), "event": "Sev3 KubeContainerMemoryNearLimit fires for catalog (e-mail only, not seen)", "source": "alert", "must_include": False},
            {"time": Z(START), "event": "First catalog pod OOMKilled; ingress starts returning 502s for the catalog upstream", "source": "log", "must_include": True},
            {"time": Z(DETECTED), "event": "Sev1 kk-prod-ingress-5xx-rate-high fires (31.4%) and pages on-call; posted in Teams", "source": "alert", "must_include": True},
            {"time": Z(IST_(11, "23:23:20")), "event": "kubectl describe shows OOMKilled (exit 137, 1Gi limit); Azure platform and catalog-db ruled out by 23:25 IST", "source": "chat", "must_include": False},
            {"time": Z(RESTART), "event": "Rollout restart of catalog-svc and HPA minReplicas raised to 6 (treated as a capacity problem)", "source": "chat", "must_include": True},
            {"time": Z(FALSE_MIT), "event": "5xx stop as the restarted pods take traffic (temporary)", "source": "log", "must_include": False},
            {"time": Z(ALERT_RESOLVED), "event": "Sev1 ingress alert auto-resolves (monitorCondition Resolved)", "source": "alert", "must_include": False},
            {"time": Z(FALSE_RESOLVED), "event": "Incident declared resolved on the green alert: FALSE RECOVERY, memory still growing linearly", "source": "chat", "must_include": True},
            {"time": Z(MEM_WARN_2), "event": "Sev3 memory-near-limit fires again for the restarted pods (e-mail only)", "source": "alert", "must_include": False},
            {"time": Z(RETURN), "event": "Restarted pods OOMKilled again; catalog 5xx return", "source": "log", "must_include": True},
            {"time": Z(IST_(12, "00:11:20")), "event": "Customer support reports errors again; incident reopened at 00:14 IST", "source": "chat", "must_include": False},
            {"time": Z(ALERT_REFIRE), "event": "Sev1 ingress 5xx alert fires again (26.8%)", "source": "alert", "must_include": False},
            {"time": Z(IST_(12, "00:18:50")), "event": "Cause identified: PRICE_SNAPSHOT_CACHE_MAX default 0 = unbounded cache in 2.31.0", "source": "chat", "must_include": True},
            {"time": Z(ROLLBACK), "event": "helm rollback of catalog-svc to revision 41 (2.30.4) starts", "source": "chat", "must_include": True},
            {"time": Z(MITIGATED), "event": "Rollback complete, 6/6 pods on 2.30.4, catalog 5xx stop (real mitigation)", "source": "log", "must_include": True},
            {"time": Z(RESOLVED), "event": "Incident resolved after ~40 min of flat memory (01:15 IST)", "source": "chat", "must_include": True},
        ],
        "action_items": [
            {"text": "Remove the unbounded default of PRICE_SNAPSHOT_CACHE_MAX; enforce a hard cap with eviction", "evidence": "PRICE_SNAPSHOT_CACHE_MAX ka default 0=unbounded hatao, hard cap + eviction chahiye"},
            {"text": "Before declaring resolved, watch the memory trend for 30 minutes instead of relying on the alert going green", "evidence": "resolve declare karne se pehle 30 min memory trend dekhna hai, sirf alert green dekh ke nahi"},
            {"text": "Route the Sev3 memory-near-limit alert to the Teams channel, not only e-mail", "evidence": "memory near limit wala Sev3 alert sirf email pe jaata hai, usko Teams channel mein bhi route karo"},
            {"text": "Alert on OOMKilled container restarts", "evidence": "OOMKilled restarts pe alert chahiye (kube_pod_container_status_last_terminated_reason)"},
            {"text": "Mandatory load test of catalog with the sale traffic profile before a sale", "evidence": "sale se pehle catalog ka load test with sale traffic profile, mandatory"},
            {"text": "Deploy freeze starting 2 hours before a sale", "evidence": "sale day pe deploy freeze bhi, 2 ghante pehle se"},
            {"text": "Rotate the Redis access key pasted in the chat", "evidence": "aur redis key rotate karni padegi, upar paste hui thi"},
        ],
        "blame_bait": [
            "Rahul ne phir se bina load test ke prod pe daal diya, classic Rahul",
            "aur ye resolved bolne wale ki wajah se 25 min aur gaye",
        ],
        "secrets": [
            "rediss://:q7Vd2kLm9XpT4rWz8sNc3BfH6yJa1UeG@kk-prod-redis.redis.cache.windows.net:6380/0",
            "q7Vd2kLm9XpT4rWz8sNc3BfH6yJa1UeG",
        ],
        "injection": None,
        "similar_categories": ["deploy", "capacity", "human-process", "cache"],
    }
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(g, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return g


# ---------------------------------------------------------------- checks
def check(chat, ingress_txt, ingress_lines, ev_txt, evs, al_txt, g):
    inputs = chat + ingress_txt + ev_txt + al_txt
    for a in g["action_items"]:
        assert a["evidence"] in chat, a["evidence"]
    for b in g["blame_bait"]:
        assert b in chat, b
    for s in g["secrets"]:
        assert s in inputs, s
    assert g["injection"] is None
    st, de, mi, re_ = (dt.datetime.strptime(g[k], "%Y-%m-%dT%H:%M:%SZ") for k in ("start", "detected", "mitigated", "resolved"))
    assert st <= de <= mi <= re_
    assert 10 <= len(g["timeline"]) <= 18, len(g["timeline"])
    mi_n = sum(1 for e in g["timeline"] if e["must_include"])
    assert 6 <= mi_n <= 10, mi_n
    assert 3 <= len(g["root_cause_keywords"]) <= 6
    assert 4 <= len(g["action_items"]) <= 8
    # chat size and people
    n_msgs = len(CHAT)
    people = {w for _, _, w, _ in CHAT if w != BOT}
    assert 45 <= n_msgs <= 90 and 4 <= len(people) <= 8, (n_msgs, people)
    # log lines that gold relies on
    acc = [(t, l) for t, k, l in ingress_lines if "[catalog-catalog-svc-8080]" in l]
    bad = [t for t, l in acc if '" 50' in l.split("]", 1)[1][:80] and any(f'" {c} ' in l for c in ("502", "503", "504"))]
    assert min(bad) == START, min(bad)
    assert f"[{ts_nginx(START)}]" in ingress_txt and f"[{ts_nginx(RETURN)}]" in ingress_txt
    first_win = [t for t in bad if t < RESTART + dt.timedelta(minutes=10)]
    assert max(first_win) <= FALSE_MIT
    assert not [t for t in bad if FALSE_MIT < t < RETURN], "5xx between windows"
    second = [t for t in bad if t >= RETURN]
    assert min(second) == RETURN and max(second) < MITIGATED
    assert not [t for t in bad if t >= MITIGATED]
    # events: first-window OOM evidence and second-window backoffs present; capture time respected
    assert any(e["reason"] == "BackOff" and RS1 in e["involvedObject"]["name"] for e in evs)
    assert any(e["reason"] == "BackOff" and RS2 in e["involvedObject"]["name"] for e in evs)
    assert all(e["type"] == "Warning" for e in evs)
    assert any(RS2 in e["involvedObject"]["name"] and e["firstTimestamp"] and e["firstTimestamp"] < "2026-08-11T18:01:00Z" for e in evs)
    # alerts
    assert FIRE1 in al_txt and RES1 in al_txt and FIRE2 in al_txt and '"Sev4"' in al_txt
    assert al_txt.count('"monitorCondition": "Resolved"') == 1
    # chat: false resolution and real resolution exist at the stated times
    assert teams_header(FALSE_RESOLVED, "Ankit Verma") + "\nalert resolve ho gaya" in chat
    assert teams_header(RESOLVED, "Ankit Verma") + "\nmemory 40 min se flat" in chat
    n_log = len(ingress_lines) + len(evs)
    assert len(ingress_lines) + ev_txt.count(chr(10)) <= 1500
    print(f"chat msgs={n_msgs} people={len(people)} ingress lines={len(ingress_lines)} events={len(evs)} (json lines={ev_txt.count(chr(10))}) log entries={n_log}")
    assert 600 <= n_log <= 1500


if __name__ == "__main__":
    chat = write_chat()
    ingress_txt, ingress_lines = write_ingress()
    ev_txt, evs = write_events()
    al_txt, _ = azure_alerts()
    g = gold()
    check(chat, ingress_txt, ingress_lines, ev_txt, evs, al_txt, g)
    print(f"OK {CASE}")
