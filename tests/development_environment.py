"""A pytest plugin (pytest.ini: ``-p tests.development_environment``): the suite runs as development does.

The settings fail closed (DEBUG off unless set, then SECRET_KEY required).  Loaded before pytest-django reads
the settings, this sets ``DEBUG=1`` unless the environment says otherwise, so ``pytest`` works on a fresh checkout
and the servers and workers the tests start inherit it.  Django's test runner still runs each test with
``settings.DEBUG = False``; the production settings themselves are tested in subprocesses without it
(tests/test_security_settings.py).
"""
import os

os.environ.setdefault("DEBUG", "1")
