"""Read replicas (archive/db_router.py): public reads go to a replica, everything else to the primary.

The replica here is a second alias, ``replica_1``, built from a DATABASE_REPLICA_URLS entry that
points at the test database and marked ``TEST: {"MIRROR": "default"}`` (Django's documented way to
test replicas): it is a second connection to the same database, so which alias a query went to is
seen by capturing the queries of each connection.  The tests are transactional: the replica's
connection only sees committed rows, as a real replica would.
"""
import copy
import runpy
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, router, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from archive.db_router import ReplicaRouter, connection_for_read, replica_databases, replica_reads
from resolutions.models import Document, MemberState, Paragraph, SourceFile
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import ROOT, seed_path

REPLICA = "replica_1"
MIDDLEWARE = "archive.db_router.ReplicaReadsMiddleware"

# Committed rows, as a real replica sees them; both aliases open to the test.
uses_replica = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


def mirrored_database_url() -> str:
    s = connection.settings_dict
    return f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}"


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup):
    """replica_1 as settings would add it from DATABASE_REPLICA_URLS, mirroring the test database."""
    (config,) = replica_databases(mirrored_database_url()).values()
    connections.configure_settings({"default": {}, REPLICA: config})  # Django's defaults for the missing keys
    connections.settings[REPLICA] = config
    connections[REPLICA].creation.set_as_test_mirror(connections["default"].settings_dict)
    middleware = list(django_settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1, MIDDLEWARE)
    with override_settings(DATABASE_ROUTERS=["archive.db_router.ReplicaRouter"], MIDDLEWARE=middleware):
        yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def document():
    outcome = ingest_file(seed_path("002").read_bytes(), seed_path("002").name)
    assert outcome.document.symbol == "A/C.3/61/L.7/Rev.1"
    return outcome.document


class Queries:
    """The SQL each connection ran inside the block."""

    def __enter__(self):
        self.default = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections[REPLICA])
        self.default.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.default.__exit__(*exc)

    @staticmethod
    def sql(context):
        return [q["sql"] for q in context.captured_queries]

    @staticmethod
    def data_sql(context):
        """The SQL of a connection without the rate limits' bookkeeping: the heavy pages and the API count each
        client's requests in the cache table (its transaction and advisory lock), always on the primary."""
        bookkeeping = ("archive_cache", "pg_advisory_xact_lock", "synchronous_commit",
                       "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT")
        return [sql for sql in Queries.sql(context) if not any(word in sql for word in bookkeeping)]


@uses_replica
def test_the_replica_alias_mirrors_the_test_database():
    assert connections[REPLICA].settings_dict["NAME"] == connections["default"].settings_dict["NAME"]
    assert connections[REPLICA].settings_dict["TEST"]["MIRROR"] == "default"


@uses_replica
def test_anonymous_public_pages_read_from_the_replica(client, document):
    pages = [document.get_absolute_url(),
             reverse("resolutions:home"),
             reverse("resolutions:sessions"),
             reverse("resolutions:states")]
    for url in pages:
        with Queries() as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        assert queries.sql(queries.replica), f"{url} read nothing from the replica"
        assert queries.sql(queries.default) == [], f"{url} read from the primary"
    page = client.get(pages[0]).content.decode()
    assert "A/C.3/61/L.7/Rev.1" in page and "trafficking" in page.lower()  # the replica's rows are the data


@uses_replica
@pytest.mark.parametrize("query", ["?q=trafficking", "?session=61"], ids=["words", "facet only"])
def test_the_search_page_reads_only_from_the_replica(client, document, query, settings):
    settings.ARCHIVE_RATE_LIMITS = {"anon": "1000/minute", "heavy": "1000/minute"}  # counted, never reached
    with Queries() as queries:
        response = client.get(reverse("resolutions:search") + query)
    assert response.status_code == 200 and "A/C.3/61/L.7/Rev.1" in response.content.decode()
    assert queries.sql(queries.replica)
    assert queries.data_sql(queries.default) == []
    # The heavy-page budget's count is read and written on the primary: a lagging replica would let a client through.
    assert any("archive_cache" in sql for sql in queries.sql(queries.default))
    assert not any("archive_cache" in sql for sql in queries.sql(queries.replica))


@uses_replica
def test_the_api_and_a_streamed_export_read_from_the_replica(client, document, settings):
    settings.ARCHIVE_RATE_LIMITS = {"anon": "1000/minute", "heavy": "1000/minute"}  # counted, never reached
    with Queries() as queries:
        response = client.get(reverse("api:document-list"))
    assert response.status_code == 200 and response.json()["count"] == 1
    assert queries.sql(queries.replica) and not queries.data_sql(queries.default)

    with Queries() as queries:
        response = client.get(reverse("api:search-export-csv") + "?session=61")  # no words: no raw SQL
        body = b"".join(response.streaming_content).decode()  # rows are read while the response streams
    assert "A/C.3/61/L.7/Rev.1" in body
    assert queries.sql(queries.replica) and not queries.data_sql(queries.default)


@uses_replica
def test_staff_requests_read_from_the_primary(client, document, django_user_model):
    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "a long test password 42")
    client.force_login(staff)
    # Staff write and then read: an edit made a moment ago must show on the public page at once.
    Document.objects.filter(pk=document.pk).update(title="Edited a moment ago by staff")
    for url in (document.get_absolute_url(), reverse("admin:resolutions_sourcefile_changelist")):
        with Queries() as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        assert queries.sql(queries.default) and queries.sql(queries.replica) == [], url
    assert "Edited a moment ago by staff" in client.get(document.get_absolute_url()).content.decode()


@uses_replica
def test_an_admin_page_reads_from_the_primary_even_for_an_anonymous_visitor(client):
    with Queries() as queries:
        response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert queries.sql(queries.replica) == []


@uses_replica
def test_writes_and_reads_inside_a_transaction_go_to_the_primary(document):
    with replica_reads():
        assert router.db_for_read(Document) == REPLICA
        assert router.db_for_write(Document) == "default"
        with Queries() as queries:
            state = MemberState.objects.create(name="Atlantis", slug="atlantis")
            assert Document.objects.filter(pk=document.pk).exists()  # an ordinary read: the replica
            with transaction.atomic():
                assert Document.objects.filter(pk=document.pk).exists()  # decides a write: the primary
                Document.objects.filter(pk=document.pk).update(title="Renamed")
        default_sql, replica_sql = queries.sql(queries.default), queries.sql(queries.replica)
    assert any(sql.startswith("INSERT") for sql in default_sql)
    assert any(sql.startswith("UPDATE") for sql in default_sql)
    assert sum(sql.startswith("SELECT") for sql in default_sql) == 1
    assert len(replica_sql) == 1 and replica_sql[0].startswith("SELECT")
    assert state._state.db == "default"


@uses_replica
def test_the_queue_sessions_and_users_are_always_read_from_the_primary(document):
    with replica_reads():
        for model in (DBTaskResult, Session, django_settings.AUTH_USER_MODEL):
            if isinstance(model, str):
                from django.apps import apps
                model = apps.get_model(model)
            assert router.db_for_read(model) == "default", model
        # db_worker claims a task with SELECT ... FOR UPDATE on the queryset's alias: always the primary
        assert DBTaskResult.objects.all().db == "default"
        assert SourceFile.objects.select_for_update().db == "default"
        # an object read from the primary keeps reading its relations there
        source = SourceFile.objects.using("default").get(document=document)
        assert router.db_for_read(Document, instance=source) == "default"


def test_each_request_reads_one_replica_and_requests_spread_over_them():
    connections.settings["replica_2"] = copy.deepcopy(connections.settings[REPLICA])
    try:
        chosen = set()
        for _ in range(40):
            with replica_reads() as replica:
                assert {router.db_for_read(model) for model in (Document, Paragraph, MemberState)} == {replica}
                chosen.add(replica)
        assert chosen == {REPLICA, "replica_2"}
    finally:
        del connections.settings["replica_2"]


@uses_replica
def test_raw_sql_can_follow_the_router(document):
    """connection_for_read: the cursor a raw-SQL read should use (django.db.connection is the primary)."""
    with replica_reads():
        assert connection_for_read(Paragraph).alias == REPLICA
        with connection_for_read(Paragraph).cursor() as cursor:
            cursor.execute("SELECT count(*) FROM resolutions_paragraph WHERE document_id = %s", [document.pk])
            assert cursor.fetchone()[0] == document.paragraphs.count() > 0
        with transaction.atomic():
            assert connection_for_read(Paragraph).alias == "default"
    assert connection_for_read(Paragraph).alias == "default"


@uses_replica
def test_outside_a_public_request_everything_reads_from_the_primary(document):
    """Commands, workers and ingestion never switch replica reads on."""
    assert router.db_for_read(Document) == "default"
    assert Document.objects.all().db == "default"


@uses_replica
def test_migrations_run_only_on_the_primary():
    replica_router = ReplicaRouter()
    assert replica_router.allow_migrate(REPLICA, "resolutions", "document") is False
    assert replica_router.allow_migrate("default", "resolutions", "document") is None
    assert router.allow_migrate_model(REPLICA, Document) is False
    assert router.allow_migrate_model("default", Document) is True


@uses_replica
def test_relations_are_allowed_across_aliases(document):
    on_replica = Document.objects.using(REPLICA).get(pk=document.pk)
    source = SourceFile.objects.using("default").get(document=document)
    assert router.allow_relation(on_replica, source) is True
    source.document = on_replica  # no "different database" error
    assert source.document_id == document.pk


# ---------------------------------------------------------------------------
# Settings: DATABASE_REPLICA_URLS


def load_settings(monkeypatch, replicas: str | None) -> dict:
    """archive/settings.py executed afresh with this environment (DATABASE_URL set: no embedded server)."""
    monkeypatch.setenv("DATABASE_URL", "postgres://archive:secret@primary.example.org:5432/archive")
    if replicas is None:
        monkeypatch.delenv("DATABASE_REPLICA_URLS", raising=False)
    else:
        monkeypatch.setenv("DATABASE_REPLICA_URLS", replicas)
    return runpy.run_path(str(ROOT / "archive" / "settings.py"))


def test_settings_add_one_alias_per_replica_url(monkeypatch):
    loaded = load_settings(monkeypatch, " postgres://reader:pw@replica-a.example.org:5433/archive ,"
                                        "postgresql://reader@replica-b.example.org/archive?sslmode=require, ")
    databases = loaded["DATABASES"]
    assert list(databases) == ["default", "replica_1", "replica_2"]
    a, b = databases["replica_1"], databases["replica_2"]
    assert (a["HOST"], a["PORT"], a["USER"], a["PASSWORD"], a["NAME"]) == (
        "replica-a.example.org", 5433, "reader", "pw", "archive")
    assert (b["HOST"], b["NAME"], b["OPTIONS"]) == ("replica-b.example.org", "archive", {"sslmode": "require"})
    assert a["ENGINE"] == b["ENGINE"] == "django.db.backends.postgresql"
    assert a["TEST"] == b["TEST"] == {"MIRROR": "default"}
    assert a["CONN_MAX_AGE"] == databases["default"]["CONN_MAX_AGE"] == 60
    assert databases["default"]["HOST"] == "primary.example.org"
    assert loaded["DATABASE_ROUTERS"] == ["archive.db_router.ReplicaRouter"]
    middleware = loaded["MIDDLEWARE"]
    assert middleware.index(MIDDLEWARE) == middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1


@pytest.mark.parametrize("value", [None, "", " , "], ids=["unset", "empty", "blank entries"])
def test_without_replica_urls_nothing_changes(monkeypatch, value):
    loaded = load_settings(monkeypatch, value)
    assert list(loaded["DATABASES"]) == ["default"]
    assert "DATABASE_ROUTERS" not in loaded
    assert MIDDLEWARE not in loaded["MIDDLEWARE"]


@pytest.mark.parametrize("value, message", [
    ("postgres://r@replica.example.org/archive,replica.example.org", "entry 2 is not a database URL"),
    ("mysql://r@replica.example.org/archive", "entry 1 is not a PostgreSQL URL"),
    ("postgres://r@replica.example.org", "entry 1 names no database"),
])
def test_a_bad_replica_url_stops_start_up_with_a_clear_message(monkeypatch, value, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings(monkeypatch, value)

