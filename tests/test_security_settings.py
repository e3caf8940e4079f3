"""Production settings: check --deploy is clean, secrets only from the environment, CSP without inline script,
admin logins rate-limited."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a production start would not have it.
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0",
                    SECRET_KEY="k" * 20 + "-production-secret-from-the-environment-0123456789",
                    ALLOWED_HOSTS="archive.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_with_debug_unset():
    """DEBUG left out of the environment is off: check --deploy gave 5 warnings when it defaulted on."""
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    SECRET_KEY="k" * 20 + "-production-secret-from-the-environment-0123456789",
                    ALLOWED_HOSTS="archive.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("debug", ["0", None])
def test_production_refuses_to_start_without_a_secret_key(debug):
    """No development key unless DEBUG is set on: with DEBUG=0 or unset, a missing SECRET_KEY stops start-up."""
    result = manage("check", **({"DEBUG": debug} if debug else {}), ALLOWED_HOSTS="archive.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_script(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"\son[a-z]+\s*=", text), template
        assert 'style="' not in text, template


@pytest.mark.django_db
def test_admin_login_is_locked_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "the right password 42")
    for _ in range(4):
        response = client.post("/admin/login/?next=/admin/", {"username": "staff", "password": "wrong"})
        assert response.status_code == 200
    assert client.post("/admin/login/?next=/admin/", {"username": "staff", "password": "wrong"}).status_code == 429
    locked = client.post("/admin/login/?next=/admin/", {"username": "staff", "password": "the right password 42"})
    assert locked.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


@pytest.mark.django_db
def test_public_pages_are_read_only(client):
    for url in ("/", "/browse/states/", "/documents/1/"):
        assert client.post(url, {}).status_code in (403, 404, 405)
    assert client.get("/admin/resolutions/sourcefile/upload/").status_code == 302  # staff only
