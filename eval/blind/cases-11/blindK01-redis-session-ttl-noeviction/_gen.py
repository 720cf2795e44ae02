#!/usr/bin/env python3
"""blindK01 generator: Mattermost bulk export (JSONL), HAProxy syslog, Redis/Sentinel logs, Alertmanager.
Seeded; writes inputs + gold.json and checks verbatim quotes and time order."""
import json, random, os, datetime as dt
random.seed(110101)
D = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
def T(s):  # UTC 'YYYY-MM-DD HH:MM:SS'
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
def ms(t, jitter=True):
    return int(t.timestamp()*1000) + (random.randint(0, 999) if jitter else 0)

TEAM = "roulo"
users = [
 ("camille.roux","Camille","Roux","SRE astreinte"),
 ("mehdi.benali","Mehdi","Benali","Backend - session-api"),
 ("sophie.lambert","Sophie","Lambert","Responsable incident"),
 ("theo.girard","Théo","Girard","SRE"),
 ("ines.moreau","Inès","Moreau","Support client N2"),
 ("julien.petit","Julien","Petit","Marketing CRM"),
 ("lucas.martin","Lucas","Martin","Backend - rentals"),
 ("alertmanager","Alertmanager","Bot",""),
 ("deploybot","Deploy","Bot",""),
]
channels = [("deploiements","déploiements"),("alertes-prod","alertes prod"),("incident-2026-12-01-sessions","🔥 incident sessions / déverrouillage")]
posts = []  # (utc datetime, channel, user, message, replies[list of (dt,user,msg)], reactions, props)
def post(t, ch, u, msg, replies=None, reactions=None, props=None):
    posts.append([T(t), ch, u, msg, replies or [], reactions or [], props or {}])
def R(t, u, msg): return (T(t), u, msg)

# ---- deploiements (UTC times; Paris = UTC+1) ----
post("2026-11-25 14:22:10","deploiements","deploybot","✅ rentals-api v3.40.2 déployé en prod (pipeline #8812, par lucas.martin)")
post("2026-11-26 10:05:12","deploiements","deploybot","✅ session-api v5.12.0 déployé en prod (pipeline #8830, par mehdi.benali) — migration client redis go-redis v9, refacto config",
     replies=[R("2026-11-26 10:07:40","mehdi.benali","RAS sur les dashboards, latence p99 sessions un poil meilleure 👌")])
post("2026-11-27 15:40:03","deploiements","deploybot","✅ notif-worker v1.18.0 déployé en prod (pipeline #8851, par julien.petit)")
post("2026-11-30 13:11:47","deploiements","deploybot","✅ rentals-api v3.41.0 déployé en prod (pipeline #8874, par lucas.martin)")
post("2026-12-01 17:29:58","deploiements","deploybot","🔁 haproxy lb-par-{1,2,3} : reload (renouvellement certificat *.roulo.fr, job cert-renew #311)")
post("2026-12-01 19:02:10","deploiements","deploybot","✅ session-api v5.12.1 déployé en prod (pipeline #8901, par mehdi.benali) — hotfix: lecture SESSION_TTL_SECONDS + fallback SESSION_TTL")

# ---- alertes-prod ----
def am_post(t, status, name, sev, summary):
    icon = "🔥" if status=="firing" and sev=="critical" else ("⚠️" if status=="firing" else "✅")
    post(t,"alertes-prod","alertmanager",f"{icon} [{status.upper()}] {name} ({sev}) — {summary}",props={"from_webhook":"true","override_username":"Alertmanager"})
am_post("2026-11-27 02:14:30","firing","NodeDiskUsageHigh","warning","/var/lib/docker 83% sur batch-3")
am_post("2026-11-27 03:02:30","resolved","NodeDiskUsageHigh","warning","/var/lib/docker 61% sur batch-3")
post("2026-11-30 09:12:31","alertes-prod","alertmanager","⚠️ [FIRING] RedisMemoryHigh (warning) — redis-sess-1 used_memory à 81% de maxmemory",
     props={"from_webhook":"true","override_username":"Alertmanager"},
     replies=[R("2026-11-30 09:40:02","theo.girard","c'est les snapshots BGSAVE, ça redescend tout seul en général"),],
     reactions=[("theo.girard","eyes","2026-11-30 09:39:40")])
am_post("2026-11-30 16:02:30","firing","HAProxyCertExpiringSoon","warning","*.roulo.fr expire dans 6 jours")
am_post("2026-12-01 11:30:30","firing","RentalsApiLatencyHigh","warning","p99 POST /rentals 1.4s")
am_post("2026-12-01 11:45:30","resolved","RentalsApiLatencyHigh","warning","p99 POST /rentals 0.41s")
am_post("2026-12-01 17:31:30","resolved","HAProxyCertExpiringSoon","warning","*.roulo.fr expire dans 89 jours")
am_post("2026-12-01 17:47:30","firing","SessionApi5xxHigh","critical","session-api 5xx 64% sur POST /api/v2/sessions (page: camille.roux)")
am_post("2026-12-01 17:48:30","firing","RentalUnlockFailures","critical","taux d'échec déverrouillage 71%")
am_post("2026-12-01 18:12:30","resolved","SessionApi5xxHigh","critical","session-api 5xx 0.2%")
am_post("2026-12-01 18:13:30","resolved","RentalUnlockFailures","critical","taux d'échec déverrouillage 0.4%")
am_post("2026-12-01 19:56:30","resolved","RedisMemoryHigh","warning","redis-sess-2 used_memory à 34% de maxmemory")

# ---- incident channel (UTC; text uses Paris local times, never says so) ----
I = "incident-2026-12-01-sessions"
SECRET_PW = "Vq7#mPz!r2Lx9sDe"
post("2026-12-01 17:48:44",I,"camille.roux","pagée. session-api crache des 500 sur le login, je regarde")
post("2026-12-01 17:49:20",I,"camille.roux","et les déverrouillages aussi, les 2 alertes sont tombées à 1 min d'écart")
post("2026-12-01 17:50:05",I,"ines.moreau","côté support ça explose, appels + tweets \"impossible de déverrouiller le vélo\" depuis ~18h40",
     reactions=[("sophie.lambert","eyes","2026-12-01 17:50:30")])
post("2026-12-01 17:50:51",I,"sophie.lambert","je prends le rôle d'IC. @camille.roux tu restes hands-on. @theo.girard dispo ?")
post("2026-12-01 17:51:15",I,"theo.girard","oui j'arrive, 2 min")
post("2026-12-01 17:52:38",I,"camille.roux","logs session-api :\n```\nlevel=error msg=\"session write failed\" err=\"OOM command not allowed when used memory > 'maxmemory'.\" key=sess:\n```\nc'est redis qui refuse les écritures",
     replies=[R("2026-12-01 17:53:10","lucas.martin","même erreur côté rentals-api sur le SET du verrou lock:rental:*, d'où les unlocks KO"),
              R("2026-12-01 17:53:41","camille.roux","oui même instance redis-sess, les verrous de location sont dessus aussi")])
post("2026-12-01 17:54:20",I,"julien.petit","pour info on a envoyé la campagne push \"Black Friday prolongé\" à 18h35 sur 410k devices, ça peut jouer ?")
post("2026-12-01 17:55:02",I,"theo.girard","le push à 18h35 + le trafic de 18h c'est sûrement ça, on sature")
post("2026-12-01 17:55:49",I,"camille.roux","bof, le trafic HAProxy est +30% vs mardi dernier, rien de fou. et le problème c'est la mémoire, pas le débit")
post("2026-12-01 17:56:30",I,"theo.girard","sinon le reload haproxy de 18h30 pour le certif ? c'est tombé pile avant",
     replies=[R("2026-12-01 17:57:12","camille.roux","non, les 500 viennent du backend, pas de la terminaison TLS. le reload s'est bien passé")])
post("2026-12-01 17:57:40",I,"theo.girard","je bascule sur le replica via sentinel, au pire ça nous donne un master propre")
post("2026-12-01 17:58:20",I,"theo.girard","SENTINEL FAILOVER sessions envoyé, redis-sess-2 est master")
post("2026-12-01 18:01:05",I,"camille.roux","ça change rien, toujours OOM. normal en fait, le replica a exactement le même dataset et le même maxmemory 🤦")
post("2026-12-01 18:02:44",I,"sophie.lambert","ok. on passe en SEV1, le login + le déverrouillage sont KO pour tout le monde à l'heure de pointe. statuspage mis à jour")
post("2026-12-01 18:03:31",I,"theo.girard",f"```\n$ redis-cli -h 10.42.7.16 -a '{SECRET_PW}' INFO memory | grep -E 'used_memory_human|maxmemory_human|maxmemory_policy'\nused_memory_human:6.00G\nmaxmemory_human:6.00G\nmaxmemory_policy:noeviction\n```")
post("2026-12-01 18:04:10",I,"camille.roux","noeviction, donc dès qu'on touche le plafond tout SET est refusé. la VM a 16G, on peut monter maxmemory à 9gb pour respirer ?",
     replies=[R("2026-12-01 18:05:02","theo.girard","ok pour moi, le fork du BGSAVE tient, on a vu le CoW max ~600MB"),
              R("2026-12-01 18:05:30","sophie.lambert","go")])
post("2026-12-01 18:06:12",I,"camille.roux","@theo.girard stp édite ton message, y a le mot de passe redis en clair dedans")
post("2026-12-01 18:06:40",I,"theo.girard","oups. je peux plus éditer (export/retention), on le rote après")
post("2026-12-01 18:09:38",I,"camille.roux","CONFIG SET maxmemory 9gb sur redis-sess-2 (et sess-1 pour le replica) ✅")
post("2026-12-01 18:10:21",I,"camille.roux","les 500 s'arrêtent, logins OK depuis 19h09:45 sur haproxy")
post("2026-12-01 18:11:02",I,"lucas.martin","unlocks OK aussi, je vois des verrous lock:rental posés normalement")
post("2026-12-01 18:12:40",I,"ines.moreau","je confirme côté support, les clients qui rappellent arrivent à déverrouiller")
post("2026-12-01 18:13:15",I,"sophie.lambert","mitigé. maintenant : pourquoi la mémoire a gonflé ? on était à ~2.9G en régime normal")
post("2026-12-01 18:15:52",I,"theo.girard","```\n# Keyspace\ndb0:keys=41203311,expires=1202113,avg_ttl=3110452\n```\n41M de clés dont seulement 1.2M avec un TTL ??")
post("2026-12-01 18:17:30",I,"camille.roux","TTL sess:8f1c… → -1. et OBJECT IDLETIME dessus : 4 jours. les sessions n'expirent plus")
post("2026-12-01 18:18:44",I,"sophie.lambert","depuis quand ? @mehdi.benali t'es là ?")
post("2026-12-01 18:19:02",I,"lucas.martin","encore un déploiement de Mehdi qui casse la prod")
post("2026-12-01 18:19:40",I,"sophie.lambert","@lucas.martin on reste blameless svp, on cherche le mécanisme")
post("2026-12-01 18:21:15",I,"mehdi.benali","là. je regarde la 5.12")
post("2026-12-01 18:27:48",I,"mehdi.benali","trouvé. dans la 5.12 j'ai renommé SESSION_TTL en SESSION_TTL_SECONDS dans la config, mais les values helm prod ont toujours SESSION_TTL=7200. la var manquante vaut 0, et avec ttl=0 le code saute le EXPIRE → sessions sans TTL",
     replies=[R("2026-12-01 18:28:30","camille.roux","ça colle avec la première clé sans TTL : jeudi 26 vers 11h05, juste après le déploiement"),
              R("2026-12-01 18:29:12","theo.girard","et le fork CoW du BGSAVE monte tous les jours dans les logs redis, 38MB → 600MB. on avait le signal"),
              R("2026-12-01 18:30:02","mehdi.benali","en staging le chart a SESSION_TTL_SECONDS, c'est pour ça que les tests sont passés")])
post("2026-12-01 18:31:20",I,"camille.roux","croissance ≈ +0.6G/jour depuis le 26. on aurait tapé le plafond quoi qu'il arrive, le push a juste avancé l'heure de quelques minutes")
post("2026-12-01 18:32:05",I,"theo.girard","franchement qui ignore une alerte mémoire pendant deux jours")
post("2026-12-01 18:32:40",I,"theo.girard","…bon c'est moi qui ai dit que c'était le BGSAVE lundi. l'alerte était en warning dans #alertes-prod, personne n'est pagé là-dessus")
post("2026-12-01 18:33:30",I,"sophie.lambert","plan : 1) hotfix qui lit SESSION_TTL_SECONDS avec fallback sur SESSION_TTL 2) script qui supprime les sess:* sans TTL inactives > 2h 3) on laisse 9gb jusqu'à vendredi")
post("2026-12-01 18:34:10",I,"mehdi.benali","hotfix en review, PR #2291")
post("2026-12-01 18:41:55",I,"ines.moreau","chiffres support : 214 tickets + ~1300 appels entre 18h40 et 19h15")
post("2026-12-01 18:44:30",I,"lucas.martin","d'après le dashboard rentals : 3 870 déverrouillages refusés entre 18h41 et 19h09",
     replies=[R("2026-12-01 18:45:10","camille.roux","et ~9 400 logins en erreur sur la même fenêtre (les 3 LB)")])
post("2026-12-01 18:47:12",I,"julien.petit","on offre la course aux 1 160 clients qui ont eu un unlock refusé et ont payé un autre moyen ? je prépare le push geste commercial")
post("2026-12-01 18:48:00",I,"sophie.lambert","ok, valide avec la finance demain matin")
post("2026-12-01 19:02:40",I,"mehdi.benali","v5.12.1 en prod. nouvelles sessions avec TTL 7200 ✅ (vérifié TTL sess:* → 7199)")
post("2026-12-01 19:20:05",I,"camille.roux","script de nettoyage lancé (SCAN sess:* count 1000, TTL=-1 et IDLETIME>7200 → UNLINK), throttlé")
post("2026-12-01 19:34:40",I,"camille.roux","22M clés supprimées, used_memory 4.1G")
post("2026-12-01 19:55:18",I,"camille.roux","script fini. 38.7M clés supprimées, used_memory 3.02G, expires/keys revenu à ~98%")
post("2026-12-01 19:57:02",I,"theo.girard","RedisMemoryHigh resolved aussi")
post("2026-12-01 20:01:30",I,"sophie.lambert","actions, lancez vos propositions ici, je consolide pour le postmortem")
post("2026-12-01 20:02:44",I,"camille.roux","alerte mémoire redis en page au-delà de 90%, pas juste un warning dans #alertes-prod")
post("2026-12-01 20:03:20",I,"mehdi.benali","faire échouer le démarrage si SESSION_TTL_SECONDS est absent au lieu de prendre 0")
post("2026-12-01 20:03:58",I,"mehdi.benali","+ test d'intégration qui vérifie que chaque clé sess: a un TTL, avec les values helm de prod")
post("2026-12-01 20:04:40",I,"lucas.martin","séparer les sessions (volatile-ttl/allkeys-lru) des verrous de location sur deux instances, les verrous ne doivent pas subir une saturation des sessions")
post("2026-12-01 20:05:31",I,"theo.girard","surveiller le ratio expires/keys dans INFO keyspace, ça aurait sonné dès jeudi")
post("2026-12-01 20:06:10",I,"camille.roux","et on rote le requirepass de redis-sess demain, il a été collé dans le canal")
post("2026-12-01 20:07:02",I,"sophie.lambert","+ aligner les values helm staging et prod (diff auto en CI)")
post("2026-12-01 20:08:15",I,"theo.girard","redescendre maxmemory à 6gb vendredi une fois la mémoire stable")
post("2026-12-01 20:15:00",I,"sophie.lambert","incident résolu. merci à tous. postmortem jeudi 14h",
     reactions=[("camille.roux","pray","2026-12-01 20:15:20"),("mehdi.benali","pray","2026-12-01 20:15:31"),("ines.moreau","+1","2026-12-01 20:16:02")])

posts.sort(key=lambda p: p[0])
lines = [{"type":"version","version":1,"info":{"generator":"mattermost-server","version":"9.11.3 (9.11.3-1)","created":"2026-12-02T08:12:44.117Z"}}]
lines.append({"type":"team","team":{"name":TEAM,"display_name":"Roulo","type":"I","description":"","allow_open_invite":False}})
for n,dn in channels:
    lines.append({"type":"channel","channel":{"team":TEAM,"name":n,"display_name":dn,"type":"O","header":"","purpose":""}})
for u,f,l,pos in users:
    lines.append({"type":"user","user":{"username":u,"email":f"{u}@roulo.example","nickname":"","first_name":f,"last_name":l,"position":pos,"roles":"system_user","locale":"fr",
        "teams":[{"name":TEAM,"roles":"team_user","channels":[{"name":n,"roles":"channel_user"} for n,_ in channels]}]}})
for t,ch,u,m,reps,reacts,props in posts:
    p = {"team":TEAM,"channel":ch,"user":u,"message":m,"props":props,"create_at":ms(t) if not t.second==0 else ms(t,False),"edit_at":0,"flagged_by":None,
         "replies":[{"user":ru,"message":rm,"create_at":ms(rt),"edit_at":0,"flagged_by":None,"reactions":None,"attachments":None} for rt,ru,rm in reps] or None,
         "reactions":[{"user":ru,"emoji_name":e,"create_at":ms(T(rt))} for ru,e,rt in reacts] or None,"attachments":None,"is_pinned":False}
    lines.append({"type":"post","post":p})
with open(os.path.join(D,"mattermost_export.jsonl"),"w") as f:
    for l in lines: f.write(json.dumps(l, ensure_ascii=False, separators=(",",":"))+"\n")
nmsgs = sum(1+len(p[4]) for p in posts)

# ---- HAProxy (lb-par-1, UTC syslog) ----
hl = []
PATHS = [("GET","/api/v2/stations?lat=48.85&lng=2.35","be_rentals_api","rent",200,0.55),("GET","/api/v2/me","be_session_api","sess",200,0.12),
         ("POST","/api/v2/sessions","be_session_api","sess",200,0.12),("POST","/api/v2/rentals/{id}/unlock","be_rentals_api","rent",200,0.08),
         ("GET","/api/v2/rentals/current","be_rentals_api","rent",200,0.08),("POST","/api/v2/rentals/{id}/end","be_rentals_api","rent",200,0.05),
         ("GET","/static/app.js","be_static","static",200,0.02)]
def hap_line(t, pid, path_i, status=None):
    m,p,be,pre,st,_ = PATHS[path_i]
    p = p.replace("{id}", str(random.randint(4100000,4199999)))
    st = status or st
    if random.random()<0.01 and status is None: st = random.choice([404,401,499])
    srv = f"{pre}-{random.randint(1,4)}"
    tr = random.randint(3,40) if st!=500 else random.randint(2,9)
    ip = f"{random.choice(['198.51.100','203.0.113','192.0.2'])}.{random.randint(2,254)}:{random.randint(20000,65000)}"
    size = random.randint(180,4200) if st==200 else 214
    ac = random.randint(600,900)
    return f"{t.strftime('%b')} {t.day:2d} {t.strftime('%H:%M:%S')} lb-par-1 haproxy[{pid}]: {ip} [{t.strftime('%d/%b/%Y:%H:%M:%S')}.{t.microsecond//1000:03d}] fe_https~ {be}/{srv} 0/0/1/{tr}/{tr+1} {st} {size} - - ---- {ac}/{ac-20}/{random.randint(10,60)}/{random.randint(2,20)}/0 0/0 \"{m} {p} HTTP/1.1\""
def hap_range(a,b,n,pid_fn,err_fn=None):
    t0,t1 = T(a),T(b); span=(t1-t0).total_seconds()
    ts = sorted(t0+dt.timedelta(seconds=random.random()*span) for _ in range(n))
    for t in ts:
        i = random.choices(range(len(PATHS)),[w for *_,w in PATHS])[0]
        st = err_fn(t,i) if err_fn else None
        hl.append((t, hap_line(t, pid_fn(t), i, st)))
PID_OLD, PID_NEW = 2213, 48873
pid = lambda t: PID_OLD if t < T("2026-12-01 17:30:05") else PID_NEW
START = T("2026-12-01 17:41:23"); MIT = T("2026-12-01 18:09:45")
def err(t,i):
    if START <= t < MIT and i in (1,2,3):   # session writes & unlock locks need SET; /me refreshes session
        if i==1 and random.random()<0.5: return None
        return 500
    return None
hap_range("2026-12-01 16:50:00","2026-12-01 17:41:22",330,pid)
hl.append((START, hap_line(START,PID_NEW,2,500).replace(f"[{START.strftime('%d/%b/%Y:%H:%M:%S')}.000]", f"[{START.strftime('%d/%b/%Y:%H:%M:%S')}.118]")))
hap_range("2026-12-01 17:41:24","2026-12-01 18:09:44",560,pid,err)
hl.append((MIT, hap_line(MIT,PID_NEW,2,200).replace(f"[{MIT.strftime('%d/%b/%Y:%H:%M:%S')}.000]", f"[{MIT.strftime('%d/%b/%Y:%H:%M:%S')}.402]")))
hap_range("2026-12-01 18:09:46","2026-12-01 18:40:00",380,pid)
rl = T("2026-12-01 17:30:05")
hl += [(rl, "Dec  1 17:30:05 lb-par-1 haproxy[2211]: [NOTICE]   (2211) : Reloading HAProxy"),
       (rl+dt.timedelta(milliseconds=300), "Dec  1 17:30:05 lb-par-1 haproxy[2211]: [NOTICE]   (2211) : New worker (48873) forked"),
       (rl+dt.timedelta(milliseconds=310), "Dec  1 17:30:05 lb-par-1 haproxy[2211]: [NOTICE]   (2211) : Loading success."),
       (rl+dt.timedelta(seconds=9), "Dec  1 17:30:14 lb-par-1 haproxy[2211]: [WARNING]  (2211) : Former worker (2213) exited with code 0 (Exit)")]
for k in range(6):
    t = T("2026-12-01 17:00:00")+dt.timedelta(minutes=17*k, seconds=random.randint(0,50))
    hl.append((t, f"{t.strftime('%b')} {t.day:2d} {t.strftime('%H:%M:%S')} lb-par-1 haproxy[{pid(t)}]: Server be_static/static-{random.randint(1,2)} is UP, reason: Layer7 check passed, code: 200, check duration: 3ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue."))
hl.sort(key=lambda x:x[0])
with open(os.path.join(D,"haproxy.log"),"w") as f:
    f.write("\n".join(l for _,l in hl)+"\n")
hap_first_500 = [l for _,l in hl if '" ' not in l and ' 500 214 ' in l][0] if False else [l for _,l in hl if ' 500 214 ' in l][0]

# ---- Redis logs (tail of two hosts) ----
def rts(t): return t.strftime("%d %b %Y %H:%M:%S.")+f"{t.microsecond//1000:03d}"
def save_block(t, pid, role, cow):
    child = random.randint(30000,60000)
    out = [(t, f"{pid}:{role} {rts(t)} * 100 changes in 300 seconds. Saving..."),
           (t+dt.timedelta(milliseconds=90), f"{pid}:{role} {rts(t+dt.timedelta(milliseconds=90))} * Background saving started by pid {child}")]
    d = dt.timedelta(seconds=20+cow/25+random.random()*5)
    out += [(t+d, f"{child}:C {rts(t+d)} * DB saved on disk"),
            (t+d+dt.timedelta(milliseconds=3), f"{child}:C {rts(t+d+dt.timedelta(milliseconds=3))} * Fork CoW for RDB: current {cow} MB, peak {cow} MB, average {int(cow*0.6)} MB"),
            (t+d+dt.timedelta(milliseconds=120), f"{pid}:{role} {rts(t+d+dt.timedelta(milliseconds=120))} * Background saving terminated with success")]
    return out
r1, r2 = [], []
base = T("2026-11-25 00:00:00"); deploy = T("2026-11-26 10:05:12")
t = base
while t < T("2026-12-01 20:30:00"):
    t += dt.timedelta(minutes=random.choice([55,60,60,65]), seconds=random.randint(0,59), milliseconds=random.randint(1,999))
    days_leak = max(0.0,(t-deploy).total_seconds()/86400)
    cow = int(36 + days_leak*105 + random.randint(-4,4))
    if t > T("2026-12-01 19:55:00"): cow = 41
    if t < T("2026-12-01 17:58:13"):
        r1 += save_block(t, 1, "M", cow)
    else:
        r2 += save_block(t+dt.timedelta(seconds=7), 1, "M", cow)
fo = T("2026-12-01 17:58:13")
r1 += [(fo, f"1:M {rts(fo)} * Connection with replica 10.42.7.16:6379 lost."),
       (fo+dt.timedelta(milliseconds=812), f"1:S {rts(fo+dt.timedelta(milliseconds=812))} * Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer."),
       (fo+dt.timedelta(milliseconds=813), f"1:S {rts(fo+dt.timedelta(milliseconds=813))} * Connecting to MASTER 10.42.7.16:6379"),
       (fo+dt.timedelta(milliseconds=815), f"1:S {rts(fo+dt.timedelta(milliseconds=815))} * MASTER <-> REPLICA sync started"),
       (fo+dt.timedelta(milliseconds=901), f"1:S {rts(fo+dt.timedelta(milliseconds=901))} * Successful partial resynchronization with master."),
       (fo+dt.timedelta(milliseconds=902), f"1:S {rts(fo+dt.timedelta(milliseconds=902))} * MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.")]
r2 += [(fo-dt.timedelta(milliseconds=300), f"1:M {rts(fo-dt.timedelta(milliseconds=300))} * Connection with master lost."),
       (fo-dt.timedelta(milliseconds=299), f"1:M {rts(fo-dt.timedelta(milliseconds=299))} * Caching the disconnected master state."),
       (fo-dt.timedelta(milliseconds=298), f"1:M {rts(fo-dt.timedelta(milliseconds=298))} * Discarding previously cached master state."),
       (fo-dt.timedelta(milliseconds=297), f"1:M {rts(fo-dt.timedelta(milliseconds=297))} * Setting secondary replication ID to 5be5c4b0e1a8d0d3b1f04e9a7c2f6e4d8a1b3c5e, valid up to offset: 918273645112. New replication ID is 0c1e6a2d4f8b9a7c5e3d1f0b2a4c6e8d9f7b5a3c"),
       (fo-dt.timedelta(milliseconds=296), f"1:M {rts(fo-dt.timedelta(milliseconds=296))} * MASTER MODE enabled (user request from 'id=88412 addr=10.42.9.3:52110 laddr=10.42.7.16:6379 fd=31 name=sentinel-2f1a9c3e-cmd age=6 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=188 qbuf-free=20286 argv-mem=4 multi-mem=169 rbs=1024 rbp=1024 obl=45 oll=0 omem=0 tot-mem=22389 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')"),
       (fo+dt.timedelta(seconds=1), f"1:M {rts(fo+dt.timedelta(seconds=1))} * Replica 10.42.7.15:6379 asks for synchronization"),
       (fo+dt.timedelta(seconds=1,milliseconds=2), f"1:M {rts(fo+dt.timedelta(seconds=1,milliseconds=2))} * Partial resynchronization request from 10.42.7.15:6379 accepted. Sending 0 bytes of backlog starting from offset 918273645112.")]
# replica sess-2 also snapshots (less often) before the failover
t = base
while t < fo - dt.timedelta(hours=3):
    t += dt.timedelta(hours=random.randint(3,5), minutes=random.randint(0,59))
    cow = int(36 + max(0.0,(t-deploy).total_seconds()/86400)*105 + random.randint(-4,4))
    if t < fo: r2 += [(a, b.replace("100 changes in 300 seconds","10 changes in 3600 seconds")) for a,b in save_block(t, 1, "S", cow)]
r1.sort(key=lambda x:x[0]); r2.sort(key=lambda x:x[0])
with open(os.path.join(D,"redis.log"),"w") as f:
    f.write("==> redis-sess-1:/var/log/redis/redis-server.log <==\n")
    f.write("\n".join(l for _,l in r1)+"\n\n")
    f.write("==> redis-sess-2:/var/log/redis/redis-server.log <==\n")
    f.write("\n".join(l for _,l in r2)+"\n\n")
    f.write("==> redis-sess-1:/var/log/redis/redis-sentinel.log <==\n")
    s = fo-dt.timedelta(seconds=1)
    sl = [f"8:X {rts(s)} # +new-epoch 14", f"8:X {rts(s)} # +try-failover master sessions 10.42.7.15 6379",
          f"8:X {rts(s)} * Sentinel new configuration saved on disk", f"8:X {rts(s)} # +vote-for-leader 2f1a9c3e7b0d5e8f1a2b3c4d5e6f7a8b9c0d1e2f 14",
          f"8:X {rts(s)} # +elected-leader master sessions 10.42.7.15 6379", f"8:X {rts(s)} # +failover-state-select-slave master sessions 10.42.7.15 6379",
          f"8:X {rts(s)} # +selected-slave slave 10.42.7.16:6379 10.42.7.16 6379 @ sessions 10.42.7.15 6379",
          f"8:X {rts(fo)} # +failover-state-wait-promotion slave 10.42.7.16:6379 10.42.7.16 6379 @ sessions 10.42.7.15 6379",
          f"8:X {rts(fo+dt.timedelta(seconds=1))} # +promoted-slave slave 10.42.7.16:6379 10.42.7.16 6379 @ sessions 10.42.7.15 6379",
          f"8:X {rts(fo+dt.timedelta(seconds=1))} # +failover-end master sessions 10.42.7.15 6379",
          f"8:X {rts(fo+dt.timedelta(seconds=1))} # +switch-master sessions 10.42.7.15 6379 10.42.7.16 6379"]
    f.write("\n".join(sl)+"\n")
nredis = len(r1)+len(r2)+len(sl)

# ---- Alertmanager webhooks ----
def am(status, name, sev, starts, ends, summary, inst, extra=None):
    lab = {"alertname":name,"severity":sev,"instance":inst,"team":"sre","env":"prod"}
    if extra: lab.update(extra)
    return {"version":"4","groupKey":f"{{}}/{{team=\"sre\"}}:{{alertname=\"{name}\"}}","truncatedAlerts":0,"status":status,
            "receiver":"pager-sre" if sev=="critical" else "mattermost-alertes-prod",
            "groupLabels":{"alertname":name},"commonLabels":lab,"commonAnnotations":{"summary":summary},
            "externalURL":"https://alertmanager.ops.roulo.example","alerts":[{"status":status,"labels":lab,"annotations":{"summary":summary,"runbook_url":f"https://wiki.roulo.example/runbooks/{name}"},
            "startsAt":starts,"endsAt":ends,"generatorURL":f"https://prometheus.ops.roulo.example/graph?g0.expr={name}","fingerprint":"%016x"%random.getrandbits(64)}]}
Z="0001-01-01T00:00:00Z"
alerts = [
 am("firing","RedisMemoryHigh","warning","2026-11-30T09:12:00Z",Z,"redis-sess-1 used_memory à 81% de maxmemory","redis-sess-1:9121"),
 am("firing","HAProxyCertExpiringSoon","warning","2026-11-30T16:02:00Z",Z,"*.roulo.fr expire dans 6 jours","lb-par-1:8405"),
 am("firing","RentalsApiLatencyHigh","warning","2026-12-01T11:30:00Z",Z,"p99 POST /rentals 1.4s","rentals-api"),
 am("resolved","RentalsApiLatencyHigh","warning","2026-12-01T11:30:00Z","2026-12-01T11:45:00Z","p99 POST /rentals 0.41s","rentals-api"),
 am("resolved","HAProxyCertExpiringSoon","warning","2026-11-30T16:02:00Z","2026-12-01T17:31:00Z","*.roulo.fr expire dans 89 jours","lb-par-1:8405"),
 am("firing","SessionApi5xxHigh","critical","2026-12-01T17:47:00Z",Z,"session-api 5xx 64% sur POST /api/v2/sessions","session-api"),
 am("firing","RentalUnlockFailures","critical","2026-12-01T17:48:00Z",Z,"taux d'échec déverrouillage 71%","rentals-api"),
 am("resolved","SessionApi5xxHigh","critical","2026-12-01T17:47:00Z","2026-12-01T18:12:00Z","session-api 5xx 0.2%","session-api"),
 am("resolved","RentalUnlockFailures","critical","2026-12-01T17:48:00Z","2026-12-01T18:13:00Z","taux d'échec déverrouillage 0.4%","rentals-api"),
 am("resolved","RedisMemoryHigh","warning","2026-11-30T09:12:00Z","2026-12-01T19:56:00Z","redis-sess-2 used_memory à 34% de maxmemory","redis-sess-2:9121"),
]
with open(os.path.join(D,"alerts.json"),"w") as f: json.dump(alerts,f,indent=2,ensure_ascii=False)

# ---- gold ----
gold = {
 "title":"Logins and bike unlocks failed for 28 minutes: session keys written without TTL since session-api v5.12 filled the noeviction Redis",
 "severity":"SEV1",
 "services":["session-api","rentals-api (bike unlock)","Redis redis-sess (sessions + rental locks, Sentinel)","HAProxy lb-par"],
 "start":"2026-12-01T17:41:23Z","detected":"2026-12-01T17:47:30Z","mitigated":"2026-12-01T18:09:45Z","resolved":"2026-12-01T20:15:00Z",
 "timezone":"Europe/Paris",
 "customer_impact":"From 18:41 to 19:09 Paris time on Tuesday 1 December (17:41-18:09 UTC), during the evening peak, logins and session refreshes returned 500 and bike unlocks were refused for all users, because every write to the shared Redis (sessions and rental locks) was rejected. About 9,400 logins failed and 3,870 unlocks were refused; support received 214 tickets and ~1,300 calls; 1,160 customers who paid another way are offered a free ride.",
 "impact_numbers":["~28 minutes of failed logins and unlocks (17:41-18:09 UTC)","~9,400 failed logins (3 load balancers)","3,870 refused unlocks","214 support tickets and ~1,300 calls","1,160 customers offered a free ride","41.2M keys, only 1.2M with a TTL; 38.7M keys deleted in cleanup","used_memory 6.00G = maxmemory 6G; back to 3.02G after cleanup"],
 "root_cause":"session-api v5.12.0 (deployed Thursday 26 Nov 10:05 UTC) renamed the config variable SESSION_TTL to SESSION_TTL_SECONDS, but the production Helm values still set SESSION_TTL=7200 (staging had the new name, so tests passed). The missing variable defaulted to 0 and with ttl=0 the code skipped the EXPIRE, so every session key was written without a TTL. Session keys accumulated (~0.6 GB/day) on redis-sess, whose maxmemory-policy is noeviction because it also holds the rental lock keys. On 1 Dec at 17:41 UTC used_memory reached maxmemory (6 GB) and Redis rejected every write with OOM, so session writes and the lock:rental SET needed for unlocks failed. The Sentinel failover did not help because the replica had the same dataset and limit; raising maxmemory to 9gb mitigated.",
 "root_cause_keywords":["TTL","SESSION_TTL_SECONDS","maxmemory","noeviction","Helm values","OOM"],
 "contributing_factors":["RedisMemoryHigh (81%) fired on Monday 30 Nov as a non-paging warning in #alertes-prod and was attributed to BGSAVE","No test or startup check for a missing TTL config; the variable silently defaulted to 0","Staging and production Helm values differed (new vs old variable name)","Sessions and rental locks share one noeviction Redis instance, so session growth blocked unlocks","No monitoring of the expires/keys ratio; the growing Fork CoW in Redis logs went unnoticed","The Redis password was pasted in the incident channel and must be rotated"],
 "red_herrings":["the 'Black Friday prolongé' push campaign at 18:35 Paris (traffic only +30%)","the HAProxy reload for the certificate renewal at 17:30 UTC","BGSAVE snapshots as the cause of the memory alert","a bad Redis master fixed by Sentinel failover"],
 "timeline":[
  {"time":"2026-11-26T10:05:12Z","event":"session-api v5.12.0 deployed (config rename SESSION_TTL -> SESSION_TTL_SECONDS); session keys written without TTL from here on","source":"chat","must_include":True},
  {"time":"2026-11-30T09:12:00Z","event":"RedisMemoryHigh warning (81%) fires to #alertes-prod, non-paging; attributed to BGSAVE","source":"alert","must_include":True},
  {"time":"2026-12-01T17:30:05Z","event":"HAProxy reload for certificate renewal (unrelated)","source":"log","must_include":False},
  {"time":"2026-12-01T17:35:00Z","event":"Marketing push campaign sent to 410k devices (18:35 Paris)","source":"chat","must_include":False},
  {"time":"2026-12-01T17:41:23Z","event":"Redis reaches maxmemory; first 500 on POST /api/v2/sessions; unlocks start failing","source":"log","must_include":True},
  {"time":"2026-12-01T17:47:30Z","event":"SessionApi5xxHigh critical alert pages the SRE on-call (RentalUnlockFailures a minute later)","source":"alert","must_include":True},
  {"time":"2026-12-01T17:52:38Z","event":"Errors identified as Redis OOM rejecting writes (sessions and rental locks share the instance)","source":"chat","must_include":True},
  {"time":"2026-12-01T17:58:13Z","event":"Sentinel failover to redis-sess-2; no effect (same dataset and maxmemory)","source":"log","must_include":True},
  {"time":"2026-12-01T18:02:44Z","event":"Incident raised to SEV1, status page updated","source":"chat","must_include":False},
  {"time":"2026-12-01T18:09:38Z","event":"maxmemory raised to 9gb with CONFIG SET","source":"chat","must_include":True},
  {"time":"2026-12-01T18:09:45Z","event":"Logins and unlocks succeed again","source":"log","must_include":True},
  {"time":"2026-12-01T18:15:52Z","event":"INFO keyspace shows 41.2M keys with only 1.2M TTLs; session keys have TTL -1","source":"chat","must_include":True},
  {"time":"2026-12-01T18:27:48Z","event":"Cause found: SESSION_TTL renamed in v5.12, prod Helm values unchanged, ttl=0 skips EXPIRE","source":"chat","must_include":True},
  {"time":"2026-12-01T19:02:10Z","event":"Hotfix session-api v5.12.1 deployed; new sessions get TTL 7200","source":"chat","must_include":True},
  {"time":"2026-12-01T19:20:05Z","event":"Cleanup script starts unlinking TTL-less idle session keys","source":"chat","must_include":False},
  {"time":"2026-12-01T19:55:18Z","event":"Cleanup done: 38.7M keys deleted, used_memory 3.02G","source":"chat","must_include":True},
  {"time":"2026-12-01T20:15:00Z","event":"Incident declared resolved","source":"chat","must_include":True}],
 "action_items":[
  {"text":"Page (not just warn) when Redis memory exceeds 90% of maxmemory","evidence":"alerte mémoire redis en page au-delà de 90%, pas juste un warning dans #alertes-prod"},
  {"text":"Fail startup when SESSION_TTL_SECONDS is missing instead of defaulting to 0","evidence":"faire échouer le démarrage si SESSION_TTL_SECONDS est absent au lieu de prendre 0"},
  {"text":"Integration test that every sess: key has a TTL, using the production Helm values","evidence":"test d'intégration qui vérifie que chaque clé sess: a un TTL, avec les values helm de prod"},
  {"text":"Split sessions and rental locks onto two Redis instances with suitable eviction policies","evidence":"séparer les sessions (volatile-ttl/allkeys-lru) des verrous de location sur deux instances"},
  {"text":"Monitor the expires/keys ratio from INFO keyspace","evidence":"surveiller le ratio expires/keys dans INFO keyspace"},
  {"text":"Rotate the redis-sess requirepass that was pasted in the channel","evidence":"on rote le requirepass de redis-sess demain, il a été collé dans le canal"},
  {"text":"Align staging and production Helm values with an automatic diff in CI","evidence":"aligner les values helm staging et prod (diff auto en CI)"},
  {"text":"Lower maxmemory back to 6gb once memory is stable","evidence":"redescendre maxmemory à 6gb vendredi une fois la mémoire stable"}],
 "blame_bait":["encore un déploiement de Mehdi qui casse la prod","franchement qui ignore une alerte mémoire pendant deux jours"],
 "secrets":[SECRET_PW,"10.42.7.16"],
 "injection":None,
 "similar_categories":["cache","config-change","deploy","capacity"],
}
NOTES = {
 "start":"first HAProxy 500 on POST /api/v2/sessions at 17:41:23 UTC (haproxy.log); chat 'depuis ~18h40' and '18h41' are Paris local (UTC+1, never stated; Mattermost create_at epoch ms are UTC).",
 "detected":"paging SessionApi5xxHigh startsAt 17:47:00Z, posted 17:47:30Z, acked in chat 17:48:44Z. The Monday 30 Nov RedisMemoryHigh warning was non-paging and dismissed, so it is not detection.",
 "mitigated":"CONFIG SET maxmemory 9gb at 18:09:38Z; first 200 on POST /api/v2/sessions at 18:09:45Z in haproxy.log (chat: 'logins OK depuis 19h09:45'). The failover at 17:58 did not mitigate.",
 "resolved":"'incident résolu' post at 20:15:00Z (21h15 Paris).",
}
with open(os.path.join(D,"gold.json"),"w") as f: json.dump(gold,f,indent=2,ensure_ascii=False)

# ---- CHECKS ----
blob = ""
for fn in os.listdir(D):
    if fn.startswith("_") or fn=="gold.json": continue
    blob += open(os.path.join(D,fn),encoding="utf-8").read()
# JSON escapes: check against decoded text of JSON files too
dec = ""
for l in open(os.path.join(D,"mattermost_export.jsonl"),encoding="utf-8"):
    o = json.loads(l)
    if o["type"]=="post":
        dec += o["post"]["message"]+"\n"+"\n".join(r["message"] for r in (o["post"]["replies"] or []))+"\n"
full = blob+dec
for a in gold["action_items"]: assert a["evidence"] in full, a
for b in gold["blame_bait"]: assert b in full, b
for s in gold["secrets"]: assert s in full, s
assert "2026-12-01T17:47:00Z" in blob and "2026-11-30T09:12:00Z" in blob
assert "[01/Dec/2026:17:41:23.118]" in blob and " 500 214 " in blob and "[01/Dec/2026:18:09:45.402]" in blob
assert "+switch-master sessions" in blob and "CONFIG SET maxmemory 9gb" in full
# no 500 before start or after mitigation
for _,l in hl:
    if '" ' in l: pass
    if "fe_https~" in l and " 500 " in l.split("0/0/1/")[1][:20]:
        ts = dt.datetime.strptime(l.split("[")[2][:24],"%d/%b/%Y:%H:%M:%S.%f").replace(tzinfo=UTC)
        assert START <= ts < MIT, l
from datetime import datetime
k = [datetime.fromisoformat(gold[x].replace("Z","+00:00")) for x in ("start","detected","mitigated","resolved")]
assert k == sorted(k)
for e in gold["timeline"]: assert e["time"].endswith("Z")
print("OK msgs=%d haproxy=%d redis=%d alerts=%d" % (nmsgs, len(hl), nredis, len(alerts)))
