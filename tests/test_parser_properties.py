"""Property-based tests: whatever the bytes or text, the parser returns a ParsedDocument or raises ParseError."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.parser import ParsedDocument, ParseError, parse
from tests.conftest import seed_path

SEED_LINES = seed_path("002").read_text().splitlines() + seed_path("000").read_text().splitlines()


def parse_or_error(data: bytes, name: str):
    try:
        result = parse(data, name)
    except ParseError as exc:
        assert str(exc)  # a clear message, never empty
        return None
    assert isinstance(result, ParsedDocument)
    return result


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.md", "x.pdf", "x.docx", "x.html", "x"]))
def test_arbitrary_bytes(data, name):
    parse_or_error(data, name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    parse_or_error(text.encode("utf-8", "replace"), "x.txt")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), max_size=120), st.sampled_from(["x.txt", "x.md"]))
def test_shuffled_lines_of_real_documents(lines, name):
    """Real lines in any order and number: still a result or a ParseError."""
    document = parse_or_error("\n".join(lines).encode(), name)
    if document is not None:
        for paragraph in document.paragraphs:
            assert paragraph.kind in ("preambular", "operative")
            assert "\n" not in paragraph.text and "<sup>" not in paragraph.text
        for citation in document.citations:
            assert citation.paragraph is None or 0 <= citation.paragraph < len(document.paragraphs)
        assert document.to_dict()["format"] == document.format


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("(*[<_-$^{}1. aA,;:\n\\")), max_size=5000))
def test_punctuation_storms(text):
    parse_or_error(("The General Assembly,\n" + text).encode(), "x.md")
