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
