"""Property-based tests (hypothesis) of the search query path: whatever a visitor types or puts in the URL,
the search page answers with a page (200) or a form error (400), never a server error, and nothing typed comes
back as markup.  Runs on the five seeds (read-only)."""
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions import search
from tests.seeded import seeded  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")
# What search syntax and hostile input are made of: quotes, OR, minus, parentheses, symbols, tsquery operators,
# markup, control and private-use characters, letters of other scripts.
PIECES = st.sampled_from(['"', "OR", "-", "(", ")", "&", "|", "!", ":*", "<->", "'", "\\", "/", "A/RES/61/180",
                          "trafficking", "States", "<script>", "javascript:", "\x00", "\ue000", "\u202e", "Ж", "東",
                          " ", "  ", "%", "_", "*"])
QUERIES = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join))
FILTER_VALUE = st.one_of(st.text(max_size=30), st.integers(min_value=-10**12, max_value=10**12).map(str))
PARAMS = st.fixed_dictionaries({"q": QUERIES}, optional={
    "mode": st.sampled_from(["documents", "paragraphs", "x"]), "sort": st.sampled_from(["relevance", "date", "??"]),
    "page": FILTER_VALUE, "session": FILTER_VALUE, "year": FILTER_VALUE, "body": FILTER_VALUE,
    "sponsor": FILTER_VALUE, "agenda_item": FILTER_VALUE, "committee": FILTER_VALUE, "kind": FILTER_VALUE})

pytestmark = pytest.mark.usefixtures("seeded")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(raw=QUERIES)
def test_parse_query_always_gives_a_clean_query(raw):
    query = search.parse_query(raw)
    assert len(query.text) <= search.MAX_QUERY_CHARS
    assert not any(ch in query.text for ch in "\x00\ue000\ue001")


@SETTINGS
@given(params=PARAMS)
def test_the_search_page_answers_every_input_without_a_server_error(client, params):
    response = client.get(SEARCH, {k: v.replace("\x00", "") for k, v in params.items()})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script>" not in html     # the page's own scripts are <script src=...>; typed input is escaped
    assert 'href="javascript:' not in html
