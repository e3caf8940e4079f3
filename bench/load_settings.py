"""Settings for the load test's gunicorn (bench/load.py): the production settings, static file names unhashed.

Everything comes from archive/settings.py with DEBUG off, as in production, except one thing: whitenoise's
manifest storage needs ``collectstatic`` first, which compresses every static file and takes minutes here.  The
load test requests HTML pages only, so static files are served from the app folders (whitenoise's finders)
under their plain names instead; the pages are rendered by the same views, templates and queries.
"""
from archive.settings import *  # noqa: F401,F403
from archive.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True

# Every locust user comes from one address (loopback), so the per-client allowances would refuse most of the load:
# raised here. The counting still runs for every request (the shared database cache), so its cost is in the figures.
ARCHIVE_RATE_LIMITS = {"anon": "1000000/minute", "heavy": "1000000/minute"}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": ARCHIVE_RATE_LIMITS}  # noqa: F405
