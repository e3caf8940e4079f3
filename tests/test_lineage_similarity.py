"""The pure similarity functions on sentences of the seeds (no database, no parser).

2006 = 002 (A/C.3/61/L.7/Rev.1) op 14, 2013 = 004 op 7, as printed in the seeds.
"""
from resolutions.lineage.similarity import (
    BANDS,
    DOCUMENT_BANDS,
    band_hashes,
    band_hashes_many,
    document_bands,
    jaccard,
    phrase_similarity,
    text_similarity,
    words,
)

OP14_2006 = ("Encourages the United Nations Office on Drugs and Crime to cooperate with relevant international "
             "organizations outside of the United Nations system and to invite such organizations and interested "
             "Member States to participate, when appropriate, in the meetings of the inter-agency coordination group "
             "on trafficking in persons and to keep Member States informed on the schedule of the inter-agency "
             "coordination group and progress made by the group;")
OP7_2013 = ("Encourages the United Nations Office on Drugs and Crime to cooperate with relevant international "
            "organizations outside the United Nations system and to invite such organizations and interested Member "
            "States to participate, when appropriate, in the meetings of the Inter-Agency Coordination Group against "
            "Trafficking in Persons and to keep Member States informed of the schedule of the Inter-Agency "
            "Coordination Group and the progress made by the Coordination Group;")
OP10_2006 = ("Encourages Member States to initiate and develop working-level contacts between countries of origin, "
             "transit and destination, especially between police, prosecutors and social authorities;")
# The same sentence as extracted from the PDF text (seed 001) and from the markdown (seed 000).
RAW_001 = ("Recalling further the United Nations Convention against Transnational Organized Crime1 and the Protocol "
           "to Prevent, Suppress and Punish Trafficking in Persons")
MARKDOWN_000 = ("Recalling further the United Nations Convention against Transnational Organized Crime and the "
                "Protocol to Prevent, Suppress and Punish Trafficking in Persons")


def test_words_drop_footnote_markers_case_and_punctuation():
    assert words(RAW_001) == words(MARKDOWN_000)
    assert words("Crime,\u00b2 and") == ["crime", "and"]
    assert words("resolution 2008/33 of 25 July 2008")[:3] == ["resolution", "2008", "33"]


def test_band_hashes_are_signed_64_bit_and_deterministic():
    bands = band_hashes(OP14_2006)
    assert len(bands) == BANDS and len(set(bands)) == BANDS
    assert all(-2**63 <= b < 2**63 for b in bands)
    assert band_hashes(OP14_2006) == bands
    assert band_hashes(RAW_001) == band_hashes(MARKDOWN_000)
    assert band_hashes("  ") == []


def test_bands_of_many_texts_at_once_equal_the_bands_of_each():
    texts = [OP14_2006, "", OP7_2013, "Urges", OP10_2006, RAW_001, "  ", MARKDOWN_000]
    assert band_hashes_many(texts) == [band_hashes(text) for text in texts]
    assert band_hashes_many([]) == []


def test_document_bands_find_one_text_in_two_extractions_and_not_another_text():
    markdown_text = [MARKDOWN_000, OP14_2006, OP10_2006]
    raw_text = [RAW_001, OP14_2006, OP10_2006]
    fingerprint = document_bands(markdown_text)
    assert len(set(fingerprint)) == DOCUMENT_BANDS
    assert document_bands(raw_text) == fingerprint
    # Same words, other paragraph breaks (two 2-grams more across the joins): nearly every band the same.
    assert len(set(document_bands([" ".join(raw_text)])) & set(fingerprint)) >= DOCUMENT_BANDS - 3
    # A text sharing only some of its 2-grams (Jaccard well under 0.5) shares no band.
    assert not set(document_bands([OP7_2013])) & set(document_bands([MARKDOWN_000, OP10_2006]))
    assert document_bands(["", " . "]) == []


def test_near_duplicates_share_bands_and_unrelated_paragraphs_do_not():
    assert set(band_hashes(OP14_2006)) & set(band_hashes(OP7_2013))
    assert not set(band_hashes(OP14_2006)) & set(band_hashes(OP10_2006))


def test_exact_similarity_orders_the_pairs():
    near = text_similarity(OP14_2006, OP7_2013)
    unrelated = text_similarity(OP14_2006, OP10_2006)
    assert 0.8 < near < 1.0
    assert unrelated < 0.5
    assert text_similarity(RAW_001, MARKDOWN_000) == 1.0
    assert jaccard(OP14_2006, OP7_2013) > jaccard(OP14_2006, OP10_2006)


def test_a_phrase_scores_high_inside_a_long_paragraph():
    phrase = "to keep Member States informed on the schedule"
    assert phrase_similarity(phrase, OP14_2006) > 0.9
    assert phrase_similarity(phrase, OP10_2006) < 0.6


def test_a_phrase_in_a_very_long_paragraph_is_found_with_a_bounded_number_of_scores(monkeypatch):
    """Agreed language scores every candidate paragraph against the pasted phrase: a 20,000-word paragraph was
    20,000 window scores per candidate; now a few hundred, and the phrase is still found where it stands."""
    from rapidfuzz.distance import Indel

    import resolutions.lineage.similarity as similarity

    calls = []

    class Counting:
        @staticmethod
        def normalized_similarity(a, b):
            calls.append(1)
            return Indel.normalized_similarity(a, b)

    monkeypatch.setattr(similarity, "Indel", Counting)
    filler = " ".join(f"word{n % 997} other{n % 13}" for n in range(10_000))   # 20,000 words, none of the phrase's
    phrase = "to keep Member States informed on the schedule of the inter-agency coordination group"
    text = filler[:60_000] + " " + phrase + " " + filler[60_000:]
    assert phrase_similarity(phrase, text) > 0.95
    assert len(calls) <= 500
    calls.clear()
    assert phrase_similarity(phrase, filler) < 0.3
    assert len(calls) <= 500
