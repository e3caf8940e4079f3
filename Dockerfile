# Production image for the UN resolutions archive: gunicorn serving Django, whitenoise serving static files.
# The same image runs the background ingestion worker (docker-compose.yml, service "worker").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# psycopg[binary] brings its own libpq: no system packages are needed.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Static files with hashed names (whitenoise's manifest storage needs DEBUG off). collectstatic
# does not touch the database, but the settings want a DATABASE_URL (otherwise they would start
# the embedded development server) and a SECRET_KEY: throwaway values for the build only.
RUN DEBUG=0 SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput

RUN useradd --system --create-home archive && chown -R archive /app
USER archive

ENV DEBUG=0 \
    PORT=8000
EXPOSE 8000

# Migrate on start (safe to repeat), then serve.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn archive.wsgi -c archive/gunicorn.conf.py --access-logfile -"]
