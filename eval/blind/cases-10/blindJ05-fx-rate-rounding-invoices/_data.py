# shared deterministic invoice data for blindJ05 (imported by _gen.py)
import random, datetime as dt
from decimal import Decimal as D, ROUND_HALF_UP
R = random.Random(5505)
RATES = {  # TCMB döviz satış, 4 decimals, by rate date
 "2026-11-02": ("38.4412", "34.1987"), "2026-11-03": ("38.4905", "34.2310"), "2026-11-04": ("38.5276", "34.2654"),
 "2026-11-05": ("38.4567", "34.2231"), "2026-11-06": ("38.6138", "34.3046"), "2026-11-09": ("38.7254", "34.3972"),
 "2026-11-10": ("38.7781", "34.4425")}
CUST = [f"C-{n:05d}" for n in R.sample(range(100, 2000), 140)]
FXCUST = {c: R.choice(["EUR", "USD"]) for c in R.sample(CUST, 46)}
NAMES = {"C-00412": "Kessler Maschinenbau GmbH"}
def q2(x): return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)
def run(run_date, rate_date, bad, n):
    eur, usd = RATES[rate_date]
    out = []
    for i in range(n):
        c = R.choice(CUST)
        cur = FXCUST.get(c, "TRY")
        if cur == "TRY":
            amt = D(R.randint(150000, 9000000)) / 100
            rate = D("1"); used = D("1")
        else:
            amt = D(R.randint(200000, 12000000)) / 100
            rate = D(eur if cur == "EUR" else usd)
            used = q2(rate) if bad else rate
        net = q2(amt * used); kdv = q2(net * D("0.20")); tot = net + kdv
        good_net = q2(amt * rate); good_tot = good_net + q2(good_net * D("0.20"))
        out.append(dict(cust=c, cur=cur, amt=amt, rate=rate, used=used, net=net, kdv=kdv, tot=tot, diff=tot - good_tot))
    return out
PLAN = [("2026-11-03", "2026-11-02", "2026-11-03", False, "4.11.3"),
        ("2026-11-04", "2026-11-03", "2026-11-04", False, "4.11.3"),
        ("2026-11-05", "2026-11-04", "2026-11-05", False, "4.11.3"),
        ("2026-11-06", "2026-11-05", "2026-11-05", True, "4.12.0"),
        ("2026-11-07", "2026-11-06", "2026-11-06", True, "4.12.0"),
        ("2026-11-08", "2026-11-07", "2026-11-06", True, "4.12.0"),
        ("2026-11-09", "2026-11-08", "2026-11-06", True, "4.12.0")]
RUNS = []
for (night, svc, rdate, bad, ver) in PLAN:
    n = R.randint(62, 88) if svc not in ("2026-11-07", "2026-11-08") else R.randint(18, 30)
    RUNS.append((night, svc, rdate, bad, ver, run(svc, rdate, bad, n)))
bad_inv = [x for r in RUNS if r[3] for x in r[5] if x["cur"] != "TRY"]
SUMMARY = dict(
    total_bad_runs_invoices=sum(len(r[5]) for r in RUNS if r[3]),
    fx=len(bad_inv), eur=sum(1 for x in bad_inv if x["cur"] == "EUR"), usd=sum(1 for x in bad_inv if x["cur"] == "USD"),
    wrong=sum(1 for x in bad_inv if x["diff"] != 0),
    over=sum(x["diff"] for x in bad_inv if x["diff"] > 0), under=-sum(x["diff"] for x in bad_inv if x["diff"] < 0),
    maxabs=max(abs(x["diff"]) for x in bad_inv),
    customers=len({x["cust"] for x in bad_inv if x["diff"] != 0}))
if __name__ == "__main__":
    print(SUMMARY)
    for r in RUNS: print(r[0], r[3], len(r[5]), sum(1 for x in r[5] if x["cur"] != "TRY"))
