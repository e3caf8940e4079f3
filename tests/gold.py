"""The gold loaders moved to scripts/gold.py (the accuracy script reads them, and tools never import tests); this
name stays for tests written against it while work in progress lands.  Import from scripts.gold."""
from scripts.gold import *  # noqa: F401,F403
