"""Source of eval/data/leak-corpus.jsonl (run `python eval/data/_leak_corpus_src.py` to rewrite it).

A leak corpus for the redactor, written before the redactor was changed (issue 13 item 4). Each
record is one piece of incident material (a chat line, a log line, an alert payload, a note, an
env file) with the values that must NOT survive redaction (``secrets``: credentials; ``pii``:
personal data) and the identifiers that MUST survive unchanged (``keep``).

Shapes follow the vendors' own documentation of their formats (``source``); every value is
generated here from a fixed seed, none is a real credential and none is copied from a page.

Split: every third record (by a hash of its id) is ``holdout``. The redactor is developed against
``dev`` only; ``holdout`` is measured, never read item by item, never tuned on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
from pathlib import Path
from typing import Any

R = random.Random(20261202)
ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"

SRC = {
    "aws": "https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds-programmatic-access.html",
    "github": "https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available",
    "slack": "https://api.slack.com/authentication/token-types ; https://api.slack.com/messaging/webhooks",
    "stripe": "https://docs.stripe.com/keys",
    "google": "https://cloud.google.com/docs/authentication/api-keys ; https://cloud.google.com/iam/docs/keys-create-delete",
    "azure": "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string ; https://learn.microsoft.com/azure/storage/common/storage-sas-overview",
    "jwt": "https://datatracker.ietf.org/doc/html/rfc7519",
    "pem": "https://datatracker.ietf.org/doc/html/rfc7468 ; https://man.openbsd.org/ssh-keygen",
    "dburl": "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING ; https://www.mongodb.com/docs/manual/reference/connection-string/",
    "basic": "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1 ; https://datatracker.ietf.org/doc/html/rfc7617",
    "header": "https://datatracker.ietf.org/doc/html/rfc6750 ; https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/authentication",
    "keyword": "https://12factor.net/config ; https://docs.docker.com/compose/environment-variables/",
    "twilio": "https://www.twilio.com/docs/iam/api-keys ; https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    "npm": "https://docs.npmjs.com/about-access-tokens ; https://pypi.org/help/#apitoken",
    "vendor": "https://docs.gitlab.com/ee/security/token_overview.html ; https://developer.hashicorp.com/vault/docs/concepts/tokens ; https://platform.openai.com/docs/api-reference/authentication",
    "entropy": "https://github.com/Yelp/detect-secrets#plugins",
    "pii": "https://www.iso13616.org ; https://en.wikipedia.org/wiki/Luhn_algorithm ; https://www.gov.br/receitafederal (CPF)",
    "keep": "identifiers incident material is full of (RFC 4632 CIDR, RFC 4122 UUID, semver.org, git)",
}


def tok(n: int, alphabet: str = ALNUM) -> str:
    return "".join(R.choice(alphabet) for _ in range(n))


def mixed(n: int, alphabet: str = ALNUM) -> str:
    """A random token that has upper, lower and digits (as generated keys do)."""
    while True:
        t = tok(n, alphabet)
        if any(c.isupper() for c in t) and any(c.islower() for c in t) and any(c.isdigit() for c in t):
            return t


def b64url(obj: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt() -> str:
    head = b64url({"alg": R.choice(["RS256", "HS256", "ES256"]), "typ": "JWT", "kid": "2026-q2"})
    body = b64url({"sub": tok(10, HEX), "iat": 1773400000 + R.randint(0, 10**6), "scope": "orders:write"})
    return f"{head}.{body}.{tok(43, URLSAFE)}"


def aws_pair() -> tuple[str, str]:
    return "AKIA" + tok(16, string.ascii_uppercase + "234567"), mixed(40, B64)


def luhn_complete(prefix: str, length: int) -> str:
    digits = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        cand = digits + check
        total = 0
        for i, ch in enumerate(reversed(cand)):
            d = int(ch)
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        if total % 10 == 0:
            return cand
    raise AssertionError


def iban(country: str, bban_len: int, letters: int = 0) -> str:
    bban = tok(letters, string.ascii_uppercase) + tok(bban_len - letters, string.digits)
    moved = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in moved))
    return f"{country}{98 - num % 97:02d}{bban}"


def spaced(v: str) -> str:
    return " ".join(v[i : i + 4] for i in range(0, len(v), 4))


def cpf() -> str:
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        s = sum(x * w for x, w in zip(d, range(n, 1, -1), strict=False)) % 11
        d.append(0 if s < 2 else 11 - s)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def pem(kind: str) -> tuple[str, str]:
    body = "\n".join(tok(64, B64) for _ in range(R.randint(4, 7))) + "\n" + tok(20, B64) + "=="
    label = {
        "rsa": "RSA PRIVATE KEY",
        "ec": "EC PRIVATE KEY",
        "pkcs8": "PRIVATE KEY",
        "openssh": "OPENSSH PRIVATE KEY",
    }[kind]
    if kind == "openssh":
        body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" + body
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----", body.split("\n")[1]


# ---- people and places (invented) -------------------------------------------------------------
FIRST = [
    "Ana",
    "Jonas",
    "Mariana",
    "Diego",
    "Leonie",
    "Tomás",
    "Priya",
    "Kwame",
    "Sofia",
    "Matthias",
    "Lucía",
    "João",
]
LAST = [
    "Lima",
    "Becker",
    "Ferreira",
    "Castillo",
    "Hartmann",
    "Oliveira",
    "Raman",
    "Mensah",
    "Nakamura",
    "Gómez",
]
STREETS = [
    "Rua Augusta 1508, apto 42, São Paulo",
    "Calle de Alcalá 117, 3ºB, Madrid",
    "Schönhauser Allee 36, 10435 Berlin",
    "221 Larkin St Apt 5, San Francisco, CA 94102",
    "14 Rue des Martyrs, 75009 Paris",
]


def person() -> str:
    return f"{R.choice(FIRST)} {R.choice(LAST)}"


def dob() -> str:
    return f"{R.randint(1950, 2004)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"


def email(name: str) -> str:
    first, last = name.lower().split()[:2]
    table = str.maketrans("áéíóúãõçñüö", "aeiouaocnuo")
    return f"{first.translate(table)}.{last.translate(table)}@{R.choice(['gmail.com', 'example.org', 'outlook.de', 'uol.com.br'])}"


RECORDS: list[dict[str, Any]] = []


def add(
    family: str, context: str, text: str, secrets: list[str] = (), pii: list[str] = (), keep: list[str] = ()
) -> None:  # type: ignore[assignment]
    rid = f"{family}-{sum(1 for r in RECORDS if r['family'] == family) + 1:02d}"
    split = "holdout" if int(hashlib.sha256(rid.encode()).hexdigest(), 16) % 3 == 0 else "dev"
    for v in [*secrets, *pii, *keep]:
        assert v in text, (rid, v)
    RECORDS.append(
        {
            "id": rid,
            "family": family,
            "context": context,
            "split": split,
            "text": text,
            "secrets": list(secrets),
            "pii": list(pii),
            "keep": list(keep),
            "source": SRC["pii" if family.startswith("pii") else family if family in SRC else "keep"],
        }
    )


def build() -> None:
    # ---- AWS -----------------------------------------------------------------------------
    for _ in range(2):
        k, s = aws_pair()
        add(
            "aws",
            "env",
            f"AWS_ACCESS_KEY_ID={k}\nAWS_SECRET_ACCESS_KEY={s}\nAWS_DEFAULT_REGION=eu-west-1",
            [k, s],
            keep=["eu-west-1"],
        )
    k, s = aws_pair()
    add(
        "aws",
        "note",
        f"[default]\naws_access_key_id = {k}\naws_secret_access_key = {s}\nregion = us-east-1",
        [k, s],
    )
    k, s = aws_pair()
    add("aws", "chat", f"09:14 dmitri: creds for the break-glass user are {k} / {s} — rotate after", [k, s])
    k, s = aws_pair()
    add("aws", "chat", f"[10:02] nadia: key id {k}\n[10:02] nadia: secret {s}", [k, s])
    k, s = aws_pair()
    sess = mixed(300, B64)
    add(
        "aws",
        "log",
        '{"Credentials": {"AccessKeyId": "'
        + "ASIA"
        + k[4:]
        + '", "SecretAccessKey": "'
        + s
        + '", "SessionToken": "'
        + sess
        + '", "Expiration": "2026-03-14T10:21:07Z"}}',
        ["ASIA" + k[4:], s, sess],
        keep=["2026-03-14T10:21:07Z"],
    )
    k, s = aws_pair()
    add(
        "aws",
        "log",
        f'2026-03-14T09:21:07Z level=error msg="s3 put failed" bucket=orders-exports-prod access_key={k} err="SignatureDoesNotMatch"',
        [k],
        keep=["orders-exports-prod", "SignatureDoesNotMatch"],
    )
    k, s = aws_pair()
    add(
        "aws",
        "chat",
        f"14:31 jo: ran `aws configure set aws_secret_access_key {s}` on the bastion, works now",
        [s],
    )

    # ---- GitHub --------------------------------------------------------------------------
    for prefix, ctx in (("ghp_", "chat"), ("gho_", "log"), ("ghs_", "log"), ("ghu_", "note")):
        t = prefix + mixed(36)
        if ctx == "chat":
            add("github", ctx, f"11:02 ravi: temp PAT for the deploy bot is {t}, will revoke at EOD", [t])
        elif prefix == "ghs_":
            add(
                "github",
                ctx,
                f"git fetch https://x-access-token:{t}@github.com/acme/payments-api.git failed: 403",
                [t],
                keep=["acme/payments-api"],
            )
        elif prefix == "gho_":
            add(
                "github",
                ctx,
                f"level=debug component=oauth-callback token={t} user_id=8812 scope=repo,read:org",
                [t],
            )
        else:
            add(
                "github",
                ctx,
                f"- GH_TOKEN={t} was exported in the runner image by mistake (removed in v2.14.1)",
                [t],
                keep=["v2.14.1"],
            )
    t = "github_pat_" + mixed(22) + "_" + mixed(59)
    add("github", "chat", f"[13:40] sam: try with this fine-grained one: {t}", [t])
    t = "ghp_" + mixed(36)
    add(
        "github",
        "log",
        f"GET /repos/acme/infra/actions/runs HTTP/1.1\nAuthorization: token {t}\nUser-Agent: deploy-bot/1.4.2",
        [t],
        keep=["deploy-bot/1.4.2"],
    )

    # ---- Slack ---------------------------------------------------------------------------
    for p in ("xoxb", "xoxp"):
        t = f"{p}-{R.randint(10**10, 10**11)}-{R.randint(10**11, 10**12)}-{mixed(24)}"
        add(
            "slack",
            "env",
            f"SLACK_BOT_TOKEN={t}" if p == "xoxb" else f"09:55 lee: my user token {t} works for the export",
            [t],
        )
    t = f"xapp-1-A{tok(10, string.ascii_uppercase + string.digits)}-{R.randint(10**12, 10**13)}-{tok(64, HEX)}"
    add("slack", "note", f"socket mode app token: {t}", [t])
    for ctx in ("log", "chat", "alert"):
        hook_secret = mixed(24)
        url = f"https://hooks.slack.com/services/T{tok(8, string.ascii_uppercase + string.digits)}/B{tok(10, string.ascii_uppercase + string.digits)}/{hook_secret}"
        if ctx == "log":
            add(
                "slack",
                ctx,
                f'level=warn msg="webhook post failed" url={url} status=404 alertname=CheckoutLatencyHigh',
                [hook_secret],
                keep=["CheckoutLatencyHigh"],
            )
        elif ctx == "chat":
            add(
                "slack",
                ctx,
                f"10:11 kim: alertmanager receiver still points at {url} — that hook was revoked",
                [hook_secret],
            )
        else:
            add(
                "slack",
                ctx,
                json.dumps(
                    {
                        "receiver": "slack-sev1",
                        "slack_configs": [{"api_url": url, "channel": "#inc-payments"}],
                    }
                ),
                [hook_secret],
                keep=["slack-sev1", "#inc-payments"],
            )

    # ---- Stripe --------------------------------------------------------------------------
    sk = "sk_live_" + mixed(99)
    add("stripe", "env", f"STRIPE_SECRET_KEY={sk}\nSTRIPE_PUBLISHABLE_KEY=pk_live_{mixed(24)}", [sk])
    rk = "rk_live_" + mixed(24)
    add(
        "stripe",
        "chat",
        f"16:20 ines: the restricted key {rk} has no refunds:write, that's why refunds 403",
        [rk],
    )
    wh = "whsec_" + mixed(32)
    add(
        "stripe",
        "log",
        f"stripe-webhook: signature verification failed (secret={wh}) event=evt_1OkYbR2eZvKYlo2C8xQ",
        [wh],
    )
    sk = "sk_test_" + mixed(24)
    add(
        "stripe",
        "log",
        f'{{"level":"error","msg":"charge failed","stripe_key":"{sk}","code":"card_declined","request_id":"req_{mixed(14)}"}}',
        [sk],
        keep=["card_declined"],
    )

    # ---- Google --------------------------------------------------------------------------
    for ctx in ("log", "chat", "alert"):
        g = "AIza" + mixed(35, URLSAFE)
        if ctx == "log":
            add(
                "google",
                ctx,
                f"GET https://maps.googleapis.com/maps/api/geocode/json?address=depot&key={g} 403 REQUEST_DENIED",
                [g],
                keep=["REQUEST_DENIED"],
            )
        elif ctx == "chat":
            add("google", ctx, f"12:07 paulo: the maps key {g} hit its quota at 11:58", [g])
        else:
            add(
                "google",
                ctx,
                f'firebase config leaked in the bundle: apiKey: "{g}", projectId: "acme-prod-7731"',
                [g],
                keep=["acme-prod-7731"],
            )
    key_block, body_line = pem("pkcs8")
    escaped = key_block.replace("\n", "\\n") + "\\n"
    sa = (
        '{"type": "service_account", "project_id": "acme-billing-prod", "private_key_id": "'
        + tok(40, HEX)
        + '", "private_key": "'
        + escaped
        + '", "client_email": "ledger-writer@acme-billing-prod.iam.gserviceaccount.com", "client_id": "1098'
        + tok(17, string.digits)
        + '", "token_uri": "https://oauth2.googleapis.com/token"}'
    )
    add(
        "google",
        "note",
        "pasted the SA key file into the ticket by mistake:\n" + sa,
        [body_line],
        keep=["acme-billing-prod"],
    )
    key_block, body_line = pem("pkcs8")
    add(
        "google",
        "log",
        'GOOGLE_CREDENTIALS=\'{"type":"service_account","private_key":"'
        + key_block.replace("\n", "\\n")
        + "\"}'",
        [body_line],
    )

    # ---- Azure ---------------------------------------------------------------------------
    for ctx in ("env", "log", "chat"):
        acct_key = mixed(86, B64) + "=="
        cs = f"DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey={acct_key};EndpointSuffix=core.windows.net"
        if ctx == "env":
            add("azure", ctx, f'AZURE_STORAGE_CONNECTION_STRING="{cs}"', [acct_key], keep=["acmeexports"])
        elif ctx == "log":
            add(
                "azure",
                ctx,
                f"2026-03-14 09:21:07,412 ERROR BlobClient init failed conn={cs} error=AuthorizationFailure",
                [acct_key],
                keep=["AuthorizationFailure"],
            )
        else:
            add("azure", ctx, f"09:40 omar: storage key (key1) is {acct_key}", [acct_key])
    for ctx in ("log", "chat"):
        sig = mixed(43, B64).replace("/", "%2F").replace("+", "%2B") + "%3D"
        url = f"https://acmeexports.blob.core.windows.net/reports/q1.csv?sp=r&st=2026-03-14T08:00:00Z&se=2026-03-14T16:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={sig}"
        if ctx == "log":
            add(
                "azure",
                ctx,
                f'10.2.3.4 - - [14/Mar/2026:09:21:07 +0000] "GET {url[url.index("/reports") :]} HTTP/1.1" 403 0',
                [sig],
            )
        else:
            add("azure", ctx, f"11:12 eva: here's a SAS link for the export {url}", [sig])
    sbkey = mixed(43, B64) + "="
    add(
        "azure",
        "env",
        f"ServiceBusConnection=Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={sbkey}",
        [sbkey],
        keep=["RootManageSharedAccessKey"],
    )

    # ---- JWT -----------------------------------------------------------------------------
    for ctx in ("log", "chat", "alert", "note"):
        j = jwt()
        if ctx == "log":
            add(
                "jwt",
                ctx,
                f'level=warn msg="token rejected" kid=2026-q2 reason=unknown_kid jwt={j}',
                [j],
                keep=["kid=2026-q2", "unknown_kid"],
            )
        elif ctx == "chat":
            add("jwt", ctx, f"10:03 ari: decoded one of the failing tokens, here it is: {j}", [j])
        elif ctx == "alert":
            add(
                "jwt",
                ctx,
                json.dumps(
                    {
                        "alertname": "AuthTokenRejectSpike",
                        "labels": {"service": "auth-svc"},
                        "annotations": {"sample": f"Bearer {j}"},
                    }
                ),
                [j],
                keep=["AuthTokenRejectSpike", "auth-svc"],
            )
        else:
            add("jwt", ctx, f"Repro: curl -H 'Authorization: Bearer {j}' https://api.acme.io/v1/orders", [j])
    j = jwt()
    add("jwt", "log", f"Set-Cookie: session={j}; Path=/; HttpOnly; Secure", [j])

    # ---- PEM / SSH -----------------------------------------------------------------------
    for kind in ("rsa", "ec", "openssh", "pkcs8"):
        block, line = pem(kind)
        add(
            "pem",
            "note",
            f"key found on the old bastion (/root/.ssh/id_{kind}):\n{block}\nrotated at 10:40",
            [line],
        )
    block, line = pem("rsa")
    add("pem", "chat", f"14:02 kai: ```{block}```", [line])

    # ---- database URLs --------------------------------------------------------------------
    pw_shapes = [
        lambda: mixed(16, ALNUM + "!#%^*"),
        lambda: f"{R.choice(['Summer', 'Winter', 'Payments', 'Orders'])}{R.randint(2019, 2026)}!",
        lambda: "-".join(
            R.choice(["correct", "horse", "battery", "staple", "orange", "violin"]) for _ in range(4)
        ),
        lambda: tok(12, string.ascii_lowercase + string.digits),
    ]
    urls = [
        ("postgres", "postgres://{u}:{p}@orders-db-primary.prod.internal:5432/orders?sslmode=require", "log"),
        ("postgresql", "postgresql://{u}:{p}@10.42.7.15:6432/ledger", "chat"),
        ("mysql", "mysql://{u}:{p}@mysql-primary:3306/shop", "env"),
        (
            "mongodb+srv",
            "mongodb+srv://{u}:{p}@cluster0.x7k2p.mongodb.net/orders?retryWrites=true&w=majority",
            "log",
        ),
        ("redis", "redis://:{p}@redis-sessions-0.redis:6379/0", "alert"),
        ("amqp", "amqps://{u}:{p}@rabbit.acme.internal:5671/prod", "note"),
        ("postgres", "postgres://{u}:{p}@db.internal/app", "chat"),
        ("mongodb", "mongodb://{u}:{p}@mongo-0.mongo,mongo-1.mongo/?replicaSet=rs0", "env"),
    ]
    for i, (_scheme, shape, ctx) in enumerate(urls):
        p = pw_shapes[i % len(pw_shapes)]()
        u = R.choice(["orders_ro", "app", "svc_ledger", "admin"])
        url = shape.format(u=u, p=p)
        if ctx == "log":
            text = f"2026-03-14T09:21:07.412Z ERROR pool: cannot connect to {url}: connection refused"
        elif ctx == "chat":
            text = f"09:17 sofia: psql {url} works from the bastion"
        elif ctx == "env":
            text = f"DATABASE_URL={url}"
        elif ctx == "alert":
            text = json.dumps(
                {"alertname": "RedisDown", "annotations": {"description": f"probe {url} failed"}}
            )
        else:
            text = f"- broker URL {url} was printed in the consumer's startup banner"
        add("dburl", ctx, text, [p])
    p = pw_shapes[1]()
    add("dburl", "log", f"jdbc:postgresql://pg-ledger:5432/ledger?user=ledger_app&password={p}&ssl=true", [p])
    p = pw_shapes[0]()
    add(
        "dburl",
        "log",
        f'pgbouncer: connecting with "host=pg-primary port=5432 dbname=orders user=orders_rw password={p} sslmode=verify-full"',
        [p],
    )
    p = pw_shapes[2]()
    add(
        "dburl",
        "note",
        f"Server=tcp:acme-sql.database.windows.net,1433;Database=orders;User ID=orders_admin;Password={p};Encrypt=true;",
        [p],
    )

    # ---- basic auth in URLs ------------------------------------------------------------------
    for i, host in enumerate(["grafana.internal", "registry.acme.io", "nexus:8081", "elastic.prod:9200"]):
        p = pw_shapes[i % 4]()
        add(
            "basic",
            R.choice(["chat", "log"]),
            f"curl -s https://admin:{p}@{host}/api/health returned 200",
            [p],
        )

    # ---- Authorization headers ---------------------------------------------------------------
    opaque = mixed(40, URLSAFE)
    add(
        "header",
        "log",
        f"> GET /v2/shipments HTTP/1.1\n> Host: api.carrier.example\n> Authorization: Bearer {opaque}\n< HTTP/1.1 401 Unauthorized",
        [opaque],
    )
    basic = base64.b64encode(f"svc-export:{pw_shapes[1]()}".encode()).decode()
    add(
        "header",
        "log",
        f"proxy: upstream request headers {{'Authorization': 'Basic {basic}', 'X-Request-Id': '6f1c2d1e-9b7a-4c2e-8d1f-2a9b3c4d5e6f'}}",
        [basic],
        keep=["6f1c2d1e-9b7a-4c2e-8d1f-2a9b3c4d5e6f"],
    )
    xk = mixed(32)
    add("header", "chat", f'15:04 ana: retried with -H "X-Api-Key: {xk}" and it goes through', [xk])
    xk = tok(32, HEX)
    add("header", "log", f"POST /v1/events HTTP/1.1\nDD-API-KEY: {xk}\nContent-Type: application/json", [xk])
    sg = "SG." + mixed(22, URLSAFE) + "." + mixed(43, URLSAFE)
    add(
        "header",
        "log",
        f"mailer: POST https://api.sendgrid.com/v3/mail/send Authorization: Bearer {sg} -> 401",
        [sg],
    )
    opaque = mixed(28)
    add(
        "header",
        "alert",
        json.dumps(
            {
                "check": "synthetic-login",
                "request": {"headers": {"authorization": f"Bearer {opaque}"}},
                "status": 502,
            }
        ),
        [opaque],
        keep=["synthetic-login"],
    )

    # ---- keyword: password= / secret: in logfmt, JSON, YAML, env, query strings ----------------
    kw_cases = [
        ("log", 'level=info msg="login attempt" user=svc_ingest password={p} result=fail'),
        ("log", '{{"event":"db.connect","user":"app","password":"{p}","host":"pg-1"}}'),
        ("note", "database:\n  host: pg-primary\n  username: orders\n  password: {p}\n  pool: 20"),
        ("env", "MYSQL_ROOT_PASSWORD={p}\nMYSQL_DATABASE=shop"),
        ("env", "export PGPASSWORD='{p}'"),
        ("log", "GET /api/login?user=ops&passwd={p}&next=/ HTTP/1.1 302"),
        ("chat", "10:44 bo: the new redis password is {p}"),
        ("chat", "10:45 bo: passwd: {p}"),
        ("log", 'ansible: TASK [db] ok: [pg-2] => {{"db_pass": "{p}"}}'),
        ("note", "vault kv get secret/payments -> client_secret={p}"),
        (
            "log",
            'kafka: sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="{p}";',
        ),
        (
            "alert",
            '{{"labels":{{"alertname":"SmtpAuthFailing"}},"annotations":{{"summary":"smtp_password={p} rejected"}}}}',
        ),
        ("env", "SECRET_KEY_BASE={p}"),
        ("log", "POST /oauth/token grant_type=client_credentials&client_id=orders-api&client_secret={p}"),
        ("note", "k8s secret: `kubectl create secret generic smtp --from-literal=password={p}`"),
        ("chat", "08:12 mia: pw for the wifi at the DC is {p}"),
        ("log", "config dump: {{'encryption_key': '{p}', 'retries': 3}}"),
        ("note", "secret: {p}"),
        ("log", "webhook_secret={p} signature mismatch for delivery 7d1e"),
        ("chat", "17:20 liv: senha do banco: {p}"),
        ("chat", "17:21 pau: la contraseña es {p}"),
        ("log", "Passwort={p} abgelehnt"),
    ]
    for i, (ctx, shape) in enumerate(kw_cases):
        p = pw_shapes[i % len(pw_shapes)]()
        add("keyword", ctx, shape.format(p=p), [p])
    for param in ("token", "api_key", "access_token", "apikey", "auth", "sig", "key"):
        v = (
            mixed(32, URLSAFE)
            if param != "sig"
            else mixed(43, B64).replace("+", "%2B").replace("/", "%2F") + "%3D"
        )
        add("keyword", "log", f'GET /v1/export?format=csv&{param}={v}&page=2 HTTP/1.1" 200 5123', [v])

    # ---- Twilio / SendGrid / npm / PyPI / other vendors ------------------------------------
    sid = "AC" + tok(32, HEX)
    at = tok(32, HEX)
    add("twilio", "env", f"TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={at}", [at])
    sk = "SK" + tok(32, HEX)
    ks = mixed(32)
    add("twilio", "note", f"twilio api key {sk} secret {ks}", [ks])
    at = tok(32, HEX)
    add(
        "twilio",
        "log",
        f"curl -X POST https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json -u {sid}:{at}",
        [at],
    )
    sg = "SG." + mixed(22, URLSAFE) + "." + mixed(43, URLSAFE)
    add("twilio", "env", f"SENDGRID_API_KEY={sg}", [sg])
    sg = "SG." + mixed(22, URLSAFE) + "." + mixed(43, URLSAFE)
    add("twilio", "chat", f"13:13 rui: rotated the sendgrid key, old one was {sg}", [sg])
    n = "npm_" + mixed(36)
    add("npm", "note", f"//registry.npmjs.org/:_authToken={n}", [n])
    n = "npm_" + mixed(36)
    add(
        "npm",
        "log",
        f"npm ERR! 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fui - token {n} lacks publish",
        [n],
    )
    py = "pypi-AgEIcHlwaS5vcmc" + mixed(150, URLSAFE)
    add("npm", "env", f"TWINE_PASSWORD={py}", [py])
    py = "pypi-AgEIcHlwaS5vcmc" + mixed(120, URLSAFE)
    add("npm", "chat", f"11:50 ola: used {py} for the release upload", [py])
    vendor = [
        (
            "glpat-" + mixed(20, URLSAFE),
            "chat",
            "10:05 max: gitlab token {v} in the CI variables is the old one",
        ),
        ("sk-proj-" + mixed(48, URLSAFE) + "T3BlbkFJ" + mixed(48, URLSAFE), "env", "OPENAI_API_KEY={v}"),
        (
            "sk-ant-api03-" + mixed(93, URLSAFE) + "AA",
            "log",
            "anthropic client init with key {v} failed: 401",
        ),
        ("hvs.CAESI" + mixed(90, URLSAFE), "note", "root token printed in the unseal log: {v}"),
        ("shpat_" + tok(32, HEX), "env", "SHOPIFY_ADMIN_TOKEN={v}"),
        ("dop_v1_" + tok(64, HEX), "chat", "09:00 ken: digitalocean token {v}"),
        (
            f"{R.randint(10**8, 10**9)}:AA{mixed(33, URLSAFE)}",
            "log",
            "telegram notify failed bot_token={v} chat_id=-100123",
        ),
        ("NRAK-" + tok(27, string.ascii_uppercase + string.digits), "env", "NEW_RELIC_API_KEY={v}"),
        (tok(32, HEX) + "-us14", "log", "mailchimp: apikey {v} rejected"),
        (
            "ATATT3xFfGF0" + mixed(180, URLSAFE) + "=" + tok(8, HEX).upper(),
            "note",
            "jira automation token: {v}",
        ),
        ("xoxe.xoxp-1-" + mixed(140), "chat", "12:00 ada: refresh token {v}"),
        ("dp.st.prd." + mixed(40), "env", "DOPPLER_TOKEN={v}"),
    ]
    for v, ctx, shape in vendor:
        add("vendor", ctx, shape.format(v=v), [v])
    dsn_key = tok(32, HEX)
    add("vendor", "env", f"SENTRY_DSN=https://{dsn_key}@o4505.ingest.sentry.io/4506", [dsn_key])

    # ---- high entropy in key=value / prose -----------------------------------------------------
    ent = [
        ("log", "hmac={v} verify=false route=/webhooks/carrier"),
        ("log", "signing_key={v} alg=HS256"),
        ("chat", "16:02 tess: shared secret with the partner is {v}"),
        ("log", "cookie: sid={v}; theme=dark"),
        ("note", "The leaked value was {v} (found in a public gist)."),
        ("log", "x-amz-security-token: {v}"),
        ("alert", '{{"annotations":{{"runbook":"https://runbooks/orders","debug":"auth={v}"}}}}'),
        ("log", "session_id={v} user=8812 ip=203.0.113.9"),
    ]
    for ctx, shape in ent:
        v = mixed(R.choice([24, 32, 40, 44]), B64 if ctx != "log" else URLSAFE)
        add("entropy", ctx, shape.format(v=v), [v])

    # ---- PII in structured fields --------------------------------------------------------------
    for ctx in ("logfmt", "json", "query"):
        for _ in range(3):
            nm, d = person(), dob()
            em = email(nm)
            if ctx == "logfmt":
                add(
                    "pii-fields",
                    "log",
                    f'ts=2026-03-14T09:21:07Z level=info svc=kyc-api msg="applicant scored" name="{nm}" dob={d} email={em} score=712',
                    pii=[nm, d, em],
                    keep=["kyc-api"],
                )
            elif ctx == "json":
                add(
                    "pii-fields",
                    "log",
                    json.dumps(
                        {
                            "level": "info",
                            "service": "onboarding",
                            "customer": {
                                "fullName": nm,
                                "birthDate": d,
                                "email": em,
                                "phone": "+55 11 91234-" + tok(4, string.digits),
                            },
                        },
                        ensure_ascii=False,
                    ),
                    pii=[nm, d, em],
                    keep=["onboarding"],
                )
            else:
                q = nm.replace(" ", "+")
                e2 = em.replace("@", "%40")
                add(
                    "pii-fields",
                    "log",
                    f'203.0.113.7 - - [14/Mar/2026:09:21:07 +0000] "GET /v1/apply?full_name={q}&birthdate={d}&email={e2}&plan=gold HTTP/1.1" 200 512',
                    pii=[q, d, e2],
                )
    pii_extra = [
        ('msg="kyc failed" first_name={f} last_name={l} ssn={ssn} reason=mismatch', "log"),
        ('{{"patient":{{"given_name":"{f}","family_name":"{l}","date_of_birth":"{d}"}}}}', "log"),
        ("user signup name='{n}' phone='+44 7700 900{p4}' country=GB", "log"),
        ("customer_name={n}&customer_phone=%2B34612{p6}&amount=120.00", "log"),
        ('{{"event":"address_changed","address":"{addr}","user_id":88213}}', "log"),
        ('shipping_address="{addr}" order=ORD-2026-55812', "log"),
        ("10:31 lu: the affected customer is {n}, dob {d}, called support twice", "chat"),
        ('holder_name="{n}" iban={iban} amount=1200.00 status=rejected', "log"),
        ("refund to card_number={card} for {n} failed: do_not_honor", "log"),
        ('{{"cardholder":"{n}","pan":"{card}","exp":"09/28"}}', "log"),
        ("payout {iban_sp} bounced (account closed)", "chat"),
        ("card {card_sp} declined 3x at 09:21, customer {email} emailed support", "chat"),
        ("ssn: {ssn}", "note"),
        ("tax_id={ssn} employer=acme", "log"),
        ("contact: {n}, {email}, +1 (415) 555-{p4}", "note"),
        ("On-call escalated to the account owner at +49 151 2345 {p4}.", "note"),
        ("mobile=+351 912 345 {p3} msisdn=+351912345{p3}", "log"),
        ('{{"telefone":"+55 (21) 98888-{p4}","email":"{email}"}}', "log"),
    ]
    for shape, ctx in pii_extra:
        f, l = R.choice(FIRST), R.choice(LAST)
        n = f"{f} {l}"
        vals = {
            "f": f,
            "l": l,
            "n": n,
            "d": dob(),
            "ssn": f"{R.randint(100, 665)}-{R.randint(10, 99)}-{R.randint(1000, 9999)}",
            "p4": tok(4, string.digits),
            "p3": tok(3, string.digits),
            "p6": tok(6, string.digits),
            "addr": R.choice(STREETS),
            "iban": iban("DE", 18),
            "iban_sp": spaced(iban("GB", 18, 4)),
            "card": luhn_complete(
                R.choice(["4", "51", "37", "6011"]), 16 if not shape.startswith('{{"card') else 15
            ),
            "card_sp": spaced(luhn_complete("4", 16)),
            "email": email(n),
        }
        text = shape.format(**vals)
        pii = []
        for key in ("n", "f", "l", "d", "ssn", "addr", "iban", "iban_sp", "card", "card_sp", "email"):
            if "{" + key + "}" in shape:
                pii.append(vals[key])
        if "{p4}" in shape or "{p3}" in shape or "{p6}" in shape:
            for m in __import__("re").finditer(r"\+\d[\d ()%B.-]*\d", text):
                pii.append(m.group())
            if "555-" in text:
                pii.append("(415) 555-" + vals["p4"])
        if shape.startswith("customer_name"):
            pii = [n.replace(" ", "%20") if "%20" in text else n, f"%2B34612{vals['p6']}"]
            text = text.replace(n, n.replace(" ", "+"))
            pii[0] = n.replace(" ", "+")
        add("pii-fields", ctx, text, pii=sorted(set(pii), key=text.index))
    # Portuguese, Spanish, German field names
    intl = [
        ('nome="{n}" data_nascimento={dbr} cpf={cpf} status=aprovado', "log"),
        ('{{"nome_completo":"{n}","cpf":"{cpf}","endereco":"{addr}"}}', "log"),
        ("nombre={fq}&apellidos={lq}&fecha_nacimiento={des}&dni={dni}", "log"),
        ('{{"nombre":"{n}","telefono":"+34 612 34 {p2} {p2b}","direccion":"{addr}"}}', "log"),
        ("vorname={f} nachname={l} geburtsdatum={dde} iban={iban}", "log"),
        ('{{"Name":"{n}","Geburtsdatum":"{dde}","Anschrift":"{addr}","Telefon":"+49 30 {p6}"}}', "log"),
        ("12:40 bia: o cliente {n} (CPF {cpf}) não consegue pagar", "chat"),
        ("data de nascimento: {dbr}; RG 12.345.678-{p1}", "note"),
    ]
    for shape, ctx in intl:
        f, l = R.choice(FIRST), R.choice(LAST)
        n = f"{f} {l}"
        d = dob()
        y, m, dd = d.split("-")
        vals = {
            "f": f,
            "l": l,
            "n": n,
            "fq": f,
            "lq": l,
            "dbr": f"{dd}/{m}/{y}",
            "des": f"{dd}-{m}-{y}",
            "dde": f"{dd}.{m}.{y}",
            "cpf": cpf(),
            "addr": R.choice(STREETS),
            "dni": f"{R.randint(10**7, 10**8 - 1)}{R.choice('TRWAGMYFPDXBNJZSQVHLCKE')}",
            "iban": iban("DE", 18),
            "p2": tok(2, string.digits),
            "p2b": tok(2, string.digits),
            "p6": tok(6, string.digits),
            "p1": tok(1, string.digits),
        }
        text = shape.format(**vals)
        pii = [
            vals[k]
            for k in ("n", "f", "l", "fq", "lq", "dbr", "des", "dde", "cpf", "addr", "dni", "iban")
            if "{" + k + "}" in shape
        ]
        for mm in __import__("re").finditer(r"\+\d[\d ]*\d", text):
            pii.append(mm.group())
        add("pii-intl", ctx, text, pii=sorted(set(pii), key=text.index))
    # free-text IBANs and cards
    for c, n, letters in (("PT", 21, 0), ("ES", 20, 0), ("FR", 23, 0), ("NL", 14, 4), ("BR", 25, 0)):
        v = iban(c, n, letters)
        add(
            "pii-numbers",
            R.choice(["chat", "log"]),
            f"SEPA credit to {v} returned R03" if c != "BR" else f"PIX fallback to conta {v} failed",
            pii=[v],
        )
    for prefix, length in (("4", 16), ("5", 16), ("34", 15), ("6011", 16), ("35", 16)):
        v = luhn_complete(prefix, length)
        add(
            "pii-numbers",
            R.choice(["chat", "log"]),
            f"auth declined for {v[:4]}-{v[4:8]}-{v[8:12]}-{v[12:]} (issuer timeout)"
            if length == 16
            else f"amex {v} declined",
            pii=[f"{v[:4]}-{v[4:8]}-{v[8:12]}-{v[12:]}" if length == 16 else v],
        )
    # emails and phones in prose
    for _ in range(4):
        nm = person()
        em = email(nm)
        ph = R.choice(["+1 415 555 0", "+44 20 7946 0", "+34 91 123 4", "+81 3-1234-5", "+91 98765 4"]) + tok(
            3, string.digits
        )
        add(
            "pii-prose",
            R.choice(["chat", "note"]),
            f"customer complaint from {em}, call back on {ph}",
            pii=[em, ph],
        )

    # ---- identifiers that must pass unchanged --------------------------------------------------
    keep_lines = [
        (
            "chat",
            "09:02 ana: rotated the signing key to 2026-q2, JWKS now serves kid 2026-q2 and 2026-q3",
            ["2026-q2", "2026-q3"],
        ),
        ("log", 'level=info msg="jwks refreshed" kid=prod-signing-2026q2 keys=3', ["prod-signing-2026q2"]),
        (
            "alert",
            '{"alertname":"CheckoutLatencyHigh","severity":"page","service":"checkout-api"}',
            ["CheckoutLatencyHigh", "checkout-api"],
        ),
        (
            "alert",
            "[FIRING:2] KubePodCrashLooping (payments-gateway-7d9f8b6c5d-x2kqp prod)",
            ["KubePodCrashLooping", "payments-gateway-7d9f8b6c5d-x2kqp"],
        ),
        (
            "chat",
            "10:14 raj: KafkaConsumerLagHigh and NodeFilesystemAlmostOutOfSpace both resolved",
            ["KafkaConsumerLagHigh", "NodeFilesystemAlmostOutOfSpace"],
        ),
        (
            "note",
            "Allowlist 10.0.0.0/8, 172.16.0.0/12 and 192.168.10.0/24; block 198.51.100.0/24; IPv6 2001:db8::/32",
            ["10.0.0.0/8", "172.16.0.0/12", "192.168.10.0/24", "198.51.100.0/24", "2001:db8::/32"],
        ),
        (
            "chat",
            "11:30 leo: Cloudflare and Fastly both saw it; Stripe status page green; Harborline Foods reported first",
            ["Cloudflare", "Fastly", "Stripe", "Harborline Foods"],
        ),
        (
            "log",
            "deploy sha=3f2c9a1e8b7d6c5f4a3b2c1d0e9f8a7b6c5d4e3f version=v2.14.1 by deploy-bot",
            ["3f2c9a1e8b7d6c5f4a3b2c1d0e9f8a7b6c5d4e3f", "v2.14.1"],
        ),
        ("chat", "12:01 mo: reverted 9f3a2b1 (the tax-engine-v2 flag change)", ["9f3a2b1", "tax-engine-v2"]),
        (
            "log",
            "request_id=6f1c2d1e-9b7a-4c2e-8d1f-2a9b3c4d5e6f trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 status=503",
            ["6f1c2d1e-9b7a-4c2e-8d1f-2a9b3c4d5e6f", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"],
        ),
        (
            "log",
            "2026-03-14T09:21:07.412+01:00 WARN took 1h12m (p99 2350ms) ts=1773479467",
            ["2026-03-14T09:21:07.412+01:00", "1h12m", "2350ms", "1773479467"],
        ),
        (
            "log",
            "ERROR ORA-00060: deadlock detected; retry E11000 duplicate key; PG 53300 too_many_connections",
            ["ORA-00060", "E11000", "53300", "too_many_connections"],
        ),
        (
            "log",
            "connect to db-primary-2.prod.internal:5432 via ip-10-0-12-34.eu-west-1.compute.internal",
            ["db-primary-2.prod.internal"],
        ),
        (
            "log",
            "assumed arn:aws:iam::123456789012:role/deploy-prod in account 123456789012; instance i-0a1b2c3d4e5f67890 ami-0abcdef1234567890 sg-0123456789abcdef0",
            [
                "arn:aws:iam::123456789012:role/deploy-prod",
                "i-0a1b2c3d4e5f67890",
                "ami-0abcdef1234567890",
                "sg-0123456789abcdef0",
            ],
        ),
        (
            "log",
            "pulled ghcr.io/acme/checkout-api@sha256:9b2e5f1c8a3d4e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
            ["sha256:9b2e5f1c8a3d4e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"],
        ),
        (
            "chat",
            "13:05 eve: opened INC-2026-0314 and PAY-4412; channel C024BE91L, user U012AB3CD",
            ["INC-2026-0314", "PAY-4412", "C024BE91L", "U012AB3CD"],
        ),
        (
            "log",
            "ratelimit: token bucket exhausted tokens_per_minute=90000 max_tokens=4096",
            ["tokens_per_minute=90000", "max_tokens=4096"],
        ),
        (
            "chat",
            "14:10 ida: password reset emails delayed ~40 min; the secret rotation job ran at 13:00",
            ["password reset emails", "secret rotation job"],
        ),
        (
            "log",
            "cache miss key=orders:1234 routing_key=orders.created partition_key=tenant-48213",
            ["key=orders:1234", "routing_key=orders.created"],
        ),
        (
            "log",
            "metrics password_reset_requests=1532 token_refresh_errors=87 session_count=44120",
            ["password_reset_requests=1532", "token_refresh_errors=87"],
        ),
        (
            "log",
            "service_name=checkout-api name=orders-consumer job_name=ledger-reconcile container_name=istio-proxy",
            ["name=orders-consumer", "ledger-reconcile", "istio-proxy"],
        ),
        (
            "alert",
            '{"labels":{"alertname":"HighErrorRate5xx","job":"payments-gateway","instance":"payments-gateway:9102","namespace":"prod"}}',
            ["HighErrorRate5xx", "payments-gateway:9102"],
        ),
        (
            "log",
            "upgraded envoy 1.27.3 -> 1.29.0-rc.1, k8s v1.28.5-eks-8a1b2c3, openssl 3.0.13",
            ["1.29.0-rc.1", "v1.28.5-eks-8a1b2c3", "3.0.13"],
        ),
        (
            "log",
            "topic=orders.v2.created group=order-confirmations-consumer partition=17 offset=88231442 lag=12044",
            ["orders.v2.created", "order-confirmations-consumer", "88231442"],
        ),
        (
            "note",
            "Root cause: the CertificateExpiringSoon alert was silenced; cert serial 4F:3A:9C:21:7B fingerprint SHA256 B1:4C:22:90",
            ["CertificateExpiringSoon", "4F:3A:9C:21:7B"],
        ),
        (
            "chat",
            "09:50 ned: feature flag new_checkout_flow off; kill switch disable_tax_engine_v2 on",
            ["new_checkout_flow", "disable_tax_engine_v2"],
        ),
        (
            "log",
            'etag="W/\\"5f3a9c2e1b\\"" resourceVersion=88213390 uid=c2f9a1d4-7e8b-4a6c-9d2e-1f3b5a7c9e0d',
            ["resourceVersion=88213390", "c2f9a1d4-7e8b-4a6c-9d2e-1f3b5a7c9e0d"],
        ),
        (
            "log",
            "key_id=k-2026-03 key_version=7 kms_key=alias/orders-at-rest",
            ["key_id=k-2026-03", "alias/orders-at-rest"],
        ),
        (
            "chat",
            "15:15 fay: latency back under SLO at 15:12 UTC, 37m after mitigation; error budget 62% left",
            ["15:12 UTC", "37m"],
        ),
        (
            "log",
            "HTTP 429 Too Many Requests from api.stripe.com; Retry-After: 30; x-request-id: req_7Hj2KdLm9PqRsT",
            ["HTTP 429", "api.stripe.com"],
        ),
        (
            "alert",
            "PagerDuty incident PXYZ123 dedup_key=b4f8a2e1c9d74e3f8a1b2c3d4e5f6a7b triggered",
            ["PXYZ123", "b4f8a2e1c9d74e3f8a1b2c3d4e5f6a7b"],
        ),
        (
            "log",
            "s3://acme-orders-exports-prod/2026/03/14/part-00017.parquet written (128 MiB)",
            ["s3://acme-orders-exports-prod/2026/03/14/part-00017.parquet"],
        ),
        (
            "chat",
            "16:00 gus: AcmeCorp and Globex are the two tenants on the old shard; Initech was migrated",
            ["AcmeCorp", "Globex", "Initech"],
        ),
        (
            "log",
            "worker pid=4412 thread=pool-3-thread-7 class=com.acme.orders.OrderService method=reserveStock",
            ["pool-3-thread-7", "com.acme.orders.OrderService"],
        ),
        (
            "log",
            "POST /api/v1/orders/ORD-2026-55812/refund HTTP/2 202 reqId=01HRZ8K3N4P5Q6R7S8T9V0W1X2",
            ["ORD-2026-55812", "01HRZ8K3N4P5Q6R7S8T9V0W1X2"],
        ),
        (
            "note",
            "Timeline: 09:21 SearchLatencyP99High fired; 09:33 rollback of search-indexer to v3.8.2; 10:05 resolved",
            ["SearchLatencyP99High", "search-indexer", "v3.8.2"],
        ),
        (
            "log",
            "node=ip-10-0-3-17 pod=ledger-writer-0 region=eu-central-1 az=eu-central-1b",
            ["ledger-writer-0", "eu-central-1b"],
        ),
        (
            "chat",
            "11:11 zoe: Datadog monitor 'Checkout p99 > 2s' id 118842211 muted till 12:00",
            ["118842211"],
        ),
        (
            "log",
            "tls: certificate for *.acme.io expired at 2026-03-14 00:00:00 UTC (issuer R3, serial 03a1f9e7)",
            ["*.acme.io", "03a1f9e7"],
        ),
        (
            "log",
            "BGP neighbor 169.254.21.1 AS 64512 went Idle; route-map RM-DC1-OUT",
            ["AS 64512", "RM-DC1-OUT"],
        ),
    ]
    for ctx, text, keep in keep_lines:
        add("keep", ctx, text, keep=keep)


def main() -> None:
    build()
    out = Path(__file__).with_name("leak-corpus.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    n_secret = sum(len(r["secrets"]) for r in RECORDS)
    n_pii = sum(len(r["pii"]) for r in RECORDS)
    n_keep = sum(len(r["keep"]) for r in RECORDS)
    print(f"{len(RECORDS)} records, {n_secret} secrets, {n_pii} personal data, {n_keep} identifiers -> {out}")


if __name__ == "__main__":
    main()
