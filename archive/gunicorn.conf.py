"""gunicorn's settings for the archive (Dockerfile, docker-compose.yml and the load test use them: ``-c``).

One slow request must not starve the rest.  Threaded workers (``gthread``): a comparison of the largest
document keeps one thread of one worker busy while the worker's other threads and the other workers answer
every other page (tests/test_concurrent_requests.py shows it).  Each request's work is bounded in the code
(compare.MAX_COMPARE_PARAGRAPHS, search's row limits) and in the database (a statement_timeout for public
reads: archive/statement_timeout.py); ``timeout`` is the last resort for a worker whose main loop stops
answering (a request stuck outside Python), after which gunicorn replaces it.  ``max_requests`` with jitter
replaces each worker after about a thousand requests, at staggered times, so memory a worker keeps after a
large page (a comparison's rows, PDF parsing in the admin) is returned to the system.
Every value can be changed through the environment.
"""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", 2))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 100))
