"""The UN's symbol facts (resolutions/un/symbols.py), each checked against the symbols and numbers the UN's own
Akoma Ntoso files of the corpus print (unxml-ga-resolutions, unxml-sc-resolutions)."""
import re

from lxml import etree

from resolutions.un.symbols import (
    RUNNING_SYMBOL,
    akn_number,
    normalise_symbol,
    organ_of_symbol,
    resolution_number,
    revision_parts,
    special_session,
)

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _symbol_and_frbr_number(path):
    """The symbol the file's cover page prints (docNumber refersTo=#symbol) and the number of its FRBR Work URI."""
    root = etree.parse(str(path)).getroot()
    symbol = root.find(".//a:docNumber[@refersTo='#symbol']", NS)
    this = root.find(".//a:FRBRWork/a:FRBRthis", NS)
    if symbol is None or this is None:
        return None, None
    return "".join(symbol.itertext()).strip(), this.get("value").strip("/").split("/")[6]


def test_the_akn_number_of_a_resolution_is_the_one_the_uns_files_give_it(corpus_dir):
    """'/akn/un/statement/deliberation/unga/2023-12-07/78-110/' for A/RES/78/110, 'ES-10-21' for A/RES/ES-10/21,
    'unsc/2024-01-10/2722-2024' for S/RES/2722 (2024): in every English file of the Assembly and the Council."""
    checked = 0
    for path in sorted(corpus_dir.glob("unxml-*-resolutions/**/English/*_RES_*.xml")):
        symbol, number = _symbol_and_frbr_number(path)
        if symbol is None:
            continue
        assert akn_number(normalise_symbol(symbol)) == number, path.name
        checked += 1
    assert checked > 100


def test_every_symbol_the_uns_files_print_on_their_cover_is_a_running_symbol_of_its_organ(corpus_dir):
    symbols = set()
    for path in sorted(corpus_dir.glob("unxml-*-resolutions/**/English/*_RES_*.xml")):
        symbol, _ = _symbol_and_frbr_number(path)
        if symbol:
            symbols.add(symbol)
    assert len(symbols) > 100
    for symbol in symbols:
        assert re.fullmatch(RUNNING_SYMBOL, symbol), symbol
        assert organ_of_symbol(symbol) == {"A": "General Assembly", "S": "Security Council"}[symbol[0]], symbol
        assert resolution_number(normalise_symbol(symbol)) is not None, symbol


def test_a_revision_is_its_base_symbol_and_number():
    # The seed samples/002 is A/C.3/61/L.7/Rev.1, the revision of A/C.3/61/L.7.
    assert revision_parts(normalise_symbol("A/C.3/61/L.7/Rev.1")) == ("A/C.3/61/L.7", 1)
    assert revision_parts("A/C.3/61/L.7") == ("A/C.3/61/L.7", 0)
    assert revision_parts("") is None


def test_the_special_sessions_are_read_off_the_symbol():
    # A/RES/ES-10/21 (the corpus's tenth emergency special session), A/RES/S-27/2 (the special session on children).
    assert special_session("A/RES/ES-10/21") == "emergency special"
    assert special_session("A/RES/S-27/2") == "special"
    assert special_session("A/RES/78/110") == ""
