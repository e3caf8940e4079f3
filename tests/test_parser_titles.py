"""Titles on real documents: whole, and without the footnote marker printed on them.

Expected titles are the ones the UN prints (the resolution's PDF heading, the AKN <docTitle>).
"""
from resolutions.parser.pipeline import parse, title_from_hints


def test_title_line_lost_in_conversion_is_completed_from_the_catalogue_title(corpus_dir):
    # The Markdown lost the PDF's second title line; its front matter has the library's title, which
    # writes the ordinal as '4th' where the UN prints 'fourth'.
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_30.md"
    doc = parse(path.read_bytes(), path.name)
    assert doc.title == "Convening of the fourth special session of the General Assembly devoted to disarmament"


def test_printed_title_wins_over_the_catalogue_spelling(corpus_dir):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_3.md"
    assert parse(path.read_bytes(), path.name).title == "Awaza Political Declaration"


def test_catalogue_title_that_does_not_continue_the_printed_one_is_ignored():
    assert title_from_hints("Participation by the State of Palestine during the eightieth session",
                            "Participation by the State of Palestine during the 80th session :") == \
        "Participation by the State of Palestine during the eightieth session"
    assert title_from_hints("Oceans and the law of the sea", "Sustainable fisheries :") == \
        "Oceans and the law of the sea"
