"""Every word list redaction decides by, in one place: secret key words, personal-data field keys
(English, Portuguese, Spanish, German, French), machine-field prefixes, and vendors' token prefixes.

Key words are written as regex alternations over the word itself; callers add the separators.
"""

from __future__ import annotations

import re

# Words after which a value is a credential. Bare "key" is ambiguous (cache key, routing key), so
# callers count it only when the value itself looks like a secret.
SECRET_WORDS = (
    r"pass(?:word|wd|phrase|code)?|pwd|pw|secret|token|credentials?|psk|apikey|"
    r"(?:api|access|secret|private|auth|authentication|signing|encryption|master|bgp|md5|ssh|hmac|"
    r"pre[-_ ]?shared|session|client|deploy|license|service[-_ ]?account|account|storage|shared[-_ ]?access|"
    r"webhook|bot|app|admin|root|db|database|sdk|mobile)[-_ ]?(?:key|secret|token|pass(?:word)?)|"
    r"access[-_ ]?token|refresh[-_ ]?token|client[-_ ]?secret|"
    # query-string signatures (Azure SAS sig=, S3/GCS pre-signed URLs)
    r"sig|signature|x-amz-signature|x-goog-signature|x-amz-security-token|"
    # Portuguese, Spanish, French, German, Italian, Dutch
    r"senha|palavra[-_ ]?passe|contrase(?:ñ|n)a|clave|mot[-_ ]de[-_ ]passe|passwort|kennwort|wachtwoord|"
    # Czech/Slovak, Polish, Hungarian, Italian/Romanian/Turkish, Turkish, Swedish, Danish/Norwegian,
    # Finnish, Slovene, Croatian/Serbian, Russian/Ukrainian, Greek, Vietnamese, Indonesian/Malay
    r"heslo|has[lł]o|jelsz[oó]|parola|[şs]ifre(?:si)?|l[öo]senord(?:et)?|adgangskode[n]?|passord(?:et)?|"
    r"salasana|geslo|lozinka|пароль|κωδικός|mật\s+khẩu|kata\s+sandi|"
    # Japanese: password, PIN, token, secret; Chinese, Korean, Hebrew, Arabic, Hindi, Thai
    r"パスワード|暗証番号|トークン|シークレット|密码|密碼|口令|비밀번호|암호|סיסמה|كلمة\s+المرور|पासवर्ड|รหัสผ่าน"
)
# A cheap test before the keyword rules run: every secret word above contains one of these.
SECRET_WORD_HINT = re.compile(
    r"(?i)pass|pwd|pw|secret|token|cred|psk|key|sig|senha|palavra|contrase|clave|kennwort|wachtwoord|"
    r"heslo|has[lł]o|jelsz|parola|[şs]ifre|l[öo]senord|adgangskode|passord|salasana|geslo|lozinka|пароль|"
    r"κωδικ|mật\s+khẩu|kata\s+sandi|パスワード|暗証|トークン|シークレット|密码|密碼|口令|비밀번호|암호|סיסמה|"
    r"كلمة\s+المرور|पासवर्ड|รหัสผ่าน"
)
# "password is …", "senha é …", "Passwort ist …": verbs that introduce the value in prose
VALUE_VERBS = (
    r"is|was|now|set\s+to|changed\s+to|of|é|es|era|ist|war|est|"
    # Czech/Slovak/Croatian, Polish, Italian, Swedish, Danish/Norwegian, Dutch, Turkish, Vietnamese
    r"je|jest|to|è|är|er|blir|zijn|ise|là|это"
)

# Personal-data field keys -> rule name. Each pattern is one key word; a prefix ("applicant_",
# "user.") and camelCase ("birthDate") are allowed by the caller.
PERSONAL_FIELDS: tuple[tuple[str, str], ...] = (
    (
        "birth",
        r"dob|date[_-]?of[_-]?birth|birth[_-]?date|birthdate|birthday|birth|born|"
        r"data[_-]?(?:de[_-]?)?nascimento|nascimento|fecha[_-]?(?:de[_-]?)?nacimiento|nacimiento|"
        r"geburtsdatum|geburtstag|date[_-]?(?:de[_-]?)?naissance|data[_-]?di[_-]?nascita|geboortedatum|生年月日",
    ),
    (
        "national-id",
        r"ssn|social[_-]?security(?:[_-]?(?:number|no))?|national[_-]?id|nin|nino|tax[_-]?id|"
        r"passport(?:[_-]?(?:no|number))?|cpf|rg|dni|nie|nif|nir|curp|rut|bsn|personnummer|"
        r"steuer[_-]?id|steuernummer|sozialversicherungsnummer|personalausweis(?:nummer)?|codice[_-]?fiscale|"
        r"マイナンバー|個人番号",
    ),
    ("email", r"e?[_-]?mail|email[_-]?address|correo(?:[_-]?electronico)?|メール(?:アドレス)?"),
    (
        "phone",
        r"phone(?:[_-]?number)?|mobile|tel|telephone|msisdn|cell|"
        r"telefone|telefono|teléfono|celular|movil|móvil|telefon|telefoon|handy|handynummer|portable|"
        r"電話(?:番号)?|携帯(?:番号)?",
    ),
    (
        "address",
        r"(?:home|street|postal|mailing|billing|shipping|residential)?[_-]?address(?:[_-]?line[_-]?\d)?|"
        r"street|postcode|post[_-]?code|zip(?:[_-]?code)?|"
        r"endere(?:c|ç)o|morada|cep|logradouro|direcci(?:o|ó)n|domicilio|codigo[_-]?postal|"
        r"adresse|anschrift|stra(?:ss|ß)e|plz|wohnort|indirizzo|adres|住所",
    ),
    ("iban", r"iban"),
    ("card", r"card(?:[_-]?(?:number|no|num))?|pan|cc(?:[_-]?num(?:ber)?)?|credit[_-]?card"),
    (
        "name",
        r"(?:first|last|full|given|family|middle|maiden|legal|display|holder|cardholder|applicant|"
        r"patient|contact|customer|user|account[_-]?holder)[_-]?name|surname|applicant|cardholder|name|"
        r"nome(?:[_-]?completo)?|sobrenome|apelido|nombre(?:[_-]?completo)?|apellidos?|"
        r"vorname|nachname|familienname|prenom|prénom|nom|cognome|naam|氏名|名前",
    ),
)
# Keys that end like a personal field but name machines: "ip_address", "mac_address", "service_name".
MACHINE_PREFIXES = (
    r"ip|mac|remote|local|bind|listen|server|host|peer|src|dst|source|dest|destination|"
    r"proxy|upstream|node|pod|service|svc|queue|topic|file|job|app|cluster|table|index|bucket|key|metric|"
    r"alert|event|task|container|image|deployment|namespace|region|zone|route|endpoint|feature|flag|"
    r"logger|thread|class|method|function|module|db|database|schema|column|field|template|"
    r"team|group|project|repo|branch|tag|channel|role|policy|rule|check|monitor|dashboard|plan|product"
)

# Vendors' documented token prefixes: a prefix followed by a token body is a credential whatever
# the words around it. (GitHub, GitLab, Slack, Stripe, Google, OpenAI, Anthropic, npm, PyPI,
# SendGrid, HashiCorp Vault, Shopify, DigitalOcean, Doppler, New Relic, Atlassian, Hugging Face,
# Linear, Postman, Grafana, Databricks, HubSpot.)
TOKEN_PREFIXES = (
    r"gh[pousr]_|github_pat_|glpat-|gldt-|glrt-|glptt-|glsoat-|xox[abposer]-|xapp-|xoxe\.xox[bp]-|"
    r"sk_live_|sk_test_|rk_live_|rk_test_|whsec_|AIza|ya29\.|sk-proj-|sk-svcacct-|sk-ant-(?:api|admin)\d\d-|"
    r"npm_|pypi-|SG\.|hvs\.|hvb\.|s\.(?=[A-Za-z0-9]{24})|shpat_|shpss_|shpca_|shppa_|dop_v1_|doo_v1_|dor_v1_|"
    r"dp\.(?:st|ct|sa|scim|audit)\.|NRAK-|NRII-|ATATT|ATCTT|hf_|lin_api_|PMAK-|glsa_|glc_|dapi|pat-(?:na|eu)\d-|"
    # LaunchDarkly's server-side SDK keys and mobile keys: "sdk-" / "mob-" and a UUID
    r"(?:sdk|mob)-(?=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)"
)
TOKEN_PREFIX_RE = re.compile(
    r"(?<![A-Za-z0-9_.-])(?P<prefix>" + TOKEN_PREFIXES + r")[A-Za-z0-9_.=+/-]{16,}(?<![.-])"
)
