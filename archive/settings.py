"""Django settings for the UN resolutions archive.

Everything that differs between a laptop and production comes from the
environment: DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG.  With no
DATABASE_URL an embedded PostgreSQL is started (see archive/embedded_db.py).
"""
import os
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Fail closed: DEBUG is off unless the environment turns it on (the development targets of the Makefile and the
# test suite do, through tests/development_environment.py), and without DEBUG there is no default key.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off "
                                   "(for development set DEBUG=1, as `make run` and the tests do).")
    SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "resolutions",
    "votes",
    "network",
    "addressees",
    "feeds",
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the request: a NUL byte in the path or a parameter is a 400 (archive/request_checks.py).
    "archive.request_checks.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public reads run under a PostgreSQL statement_timeout; the admin and uploads do not (archive/statement_timeout.py).
    "archive.statement_timeout.PublicStatementTimeoutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

# Admin logins are rate-limited against guessing (django-axes): after AXES_FAILURE_LIMIT failures for one
# username from one address, that pair is locked out for AXES_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Content-Security-Policy (django-csp): no inline script anywhere, nothing loaded from other sites.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The project's templates, and those of the capabilities that live in a package of the resolutions app.
        "DIRS": [BASE_DIR / "templates", BASE_DIR / "resolutions" / "lineage" / "templates",
                 BASE_DIR / "resolutions" / "languages" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "libraries": {"lineage": "resolutions.lineage.templatetags"},
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"
ASGI_APPLICATION = "archive.asgi.application"

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    # The embedded server starts on the first connection (archive/embedded_pg), not when settings are read.
    from archive.embedded_db import DATABASE_NAME

    DATABASES = {"default": {"ENGINE": "archive.embedded_pg", "NAME": DATABASE_NAME, "USER": "", "PASSWORD": "",
                             "HOST": "", "PORT": ""}}

# Read replicas (archive/db_router.py): DATABASE_REPLICA_URLS, comma-separated URLs read like DATABASE_URL,
# adds the aliases replica_1..N; public reads by anonymous visitors go to a replica, everything else
# (writes, transactions, staff, admin, ingestion, the task queue) to default. Unset: nothing changes.
from archive.db_router import replica_databases  # noqa: E402

_replicas = replica_databases(os.environ.get("DATABASE_REPLICA_URLS", ""))
if _replicas:
    DATABASES.update(_replicas)
    DATABASE_ROUTERS = ["archive.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                      "archive.db_router.ReplicaReadsMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Background ingestion goes through Django's tasks API (django-tasks backport),
# stored in the database so any number of workers on any machine can share it.
# ARCHIVE_TASKS_IMMEDIATE=1 runs tasks inline (used by `make run` without a worker
# and by tests that do not exercise the queue).
if env_bool("ARCHIVE_TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Uploads: the largest single file staff may upload, and limits for zip archives.
ARCHIVE_MAX_UPLOAD_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_BYTES", 60 * 1024 * 1024))
ARCHIVE_MAX_ZIP_MEMBERS = int(os.environ.get("ARCHIVE_MAX_ZIP_MEMBERS", 5000))
ARCHIVE_MAX_ZIP_TOTAL_BYTES = int(os.environ.get("ARCHIVE_MAX_ZIP_TOTAL_BYTES", 500 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = ARCHIVE_MAX_ZIP_MEMBERS
# The admin's forms post a field per column of every inline row: a General Assembly recorded vote lists all 193
# members (some 1,400 fields), a long resolution its paragraphs; Django's default (1,000) refused them with a 400.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

LOGIN_URL = "admin:login"

# The longest any statement of a public read may run (archive/statement_timeout.py); 0 turns the limit off.
ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS = int(os.environ.get("ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS", 5000))

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"resolutions": {"level": os.environ.get("LOG_LEVEL", "INFO")}},
}

# --- Open data API (issue 6): Django REST framework, OpenAPI schema, throttling ---
# Read-only JSON API under /api/ (resolutions/api/). Anonymous clients are throttled (429 with Retry-After);
# authenticated staff are not (resolutions.api.throttling). Rates are per client address (see below).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # JSON only: the documentation page is /api/docs/ (the browsable API's inline script breaks under the CSP).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "resolutions.api.pagination.ArchivePagination",
    "PAGE_SIZE": 20,
    # Rates: ARCHIVE_RATE_LIMITS below (the "Rate limits by client" block).
    "DEFAULT_THROTTLE_CLASSES": ["resolutions.api.throttling.AnonymousClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "UN Resolutions Archive API",
    "DESCRIPTION": "Read-only access to the archive's documents, member states, agenda items, series, search "
                   "and comparisons, with exports (CSV, JSON, plain text, Akoma Ntoso XML).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's script and styles come from drf-spectacular-sidecar (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "MemberStateKindEnum": "resolutions.models.MemberState.Kind",
        "CitationKindEnum": "resolutions.models.Citation.Kind",
        "CitationStatusEnum": "resolutions.models.Citation.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "resolutions.api.schema.declare_throttling",
    ],
}

# --- Rate limits by client, shared by every worker (issue 18) ---
# One client address for every limit (archive/client_address.py): X-Forwarded-For is believed only when the
# connection comes from one of TRUSTED_PROXIES (comma-separated addresses or CIDR networks, e.g. the TLS
# proxy of docker-compose.yml); otherwise the client is the connection's own address. Empty: no proxy trusted.
from archive.client_address import parse_trusted_proxies  # noqa: E402

TRUSTED_PROXIES = [str(n) for n in parse_trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))]
# django-axes locks out (username, client address) pairs: the same client address, not the proxy's.
AXES_CLIENT_IP_CALLABLE = "archive.client_address.client_address"

# Allowances per client ("N/second|minute|hour|day"), read at each request (archive/throttling.py):
#   anon  - every API request of an anonymous client
#   heavy - search, comparison, agreed language and exports, by page or by API together
ARCHIVE_RATE_LIMITS = {
    "anon": os.environ.get("ARCHIVE_API_ANON_RATE", "120/minute"),
    "heavy": os.environ.get("ARCHIVE_HEAVY_RATE", "60/minute"),
    # alerts - e-mail alert sign-ups (each may send a confirmation mail)
    "alerts": os.environ.get("ARCHIVE_ALERT_SIGNUP_RATE", "10/hour"),
}
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = ARCHIVE_RATE_LIMITS

# The counts live in a cache every gunicorn worker and every machine shares: a table in the archive's own
# PostgreSQL (no other service to run). `migrate` creates it (resolutions/apps.py runs createcachetable after
# every migrate, the test database's included). Past MAX_ENTRIES rows Django's database cache deletes the
# expired ones (a count lives a minute), and only if still over, a third of the live ones; it also counts the
# table's rows at every write, so the limit is kept to about the clients of a busy minute, not more.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "archive_cache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("ARCHIVE_CACHE_MAX_ENTRIES", 10_000))},
    },
    # Rendered document pages (resolutions/page_cache.py), in a table of their own so that pages culled past
    # MAX_ENTRIES never take the rate limits' counts with them. Shared by every worker like the counts. An entry
    # lives ARCHIVE_PAGE_CACHE_SECONDS (a day): pages are forgotten when what they show changes, and a page nobody
    # reads ages out. A page takes about 20 kB in the table (TOAST-compressed; its network panel 4 kB, its stamp
    # 45 bytes: measured on the 300-document benchmark), so 60,000 entries (the default), about 20,000 documents'
    # pages, take about half a GB.
    # Django's database cache writing each entry in one statement (archive/page_cache_backend.py says why).
    "pages": {
        "BACKEND": "archive.page_cache_backend.PageCache",
        "LOCATION": "archive_page_cache",
        "TIMEOUT": int(os.environ.get("ARCHIVE_PAGE_CACHE_SECONDS", 86_400)),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("ARCHIVE_PAGE_CACHE_MAX_ENTRIES", 60_000))},
    },
}
# Off (ARCHIVE_PAGE_CACHE=0), every document page is built from the database on every request.
ARCHIVE_PAGE_CACHE = env_bool("ARCHIVE_PAGE_CACHE", True)
ARCHIVE_PAGE_CACHE_SECONDS = int(os.environ.get("ARCHIVE_PAGE_CACHE_SECONDS", 86_400))

# --- E-mail (alerts: confirmation links and digests, alerts/mail.py) ---
# Development (DEBUG=1) prints mails on the console; production sends by SMTP to EMAIL_HOST, all from the
# environment. EMAIL_BACKEND overrides either (e.g. django.core.mail.backends.filebased.EmailBackend with
# EMAIL_FILE_PATH, as the send_alerts kill test does).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "UN Resolutions Archive <alerts@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# How often the worker runs send_alerts (alerts/tasks.py: each run queues the next).
ARCHIVE_ALERTS_INTERVAL_SECONDS = int(os.environ.get("ARCHIVE_ALERTS_INTERVAL_SECONDS", 900))
# The site's public address, for the links in mails sent outside a request (send_alerts from cron).
ARCHIVE_SITE_URL = os.environ.get("ARCHIVE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
