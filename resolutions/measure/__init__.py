"""Measuring the parser on the real corpus: conservation (conservation.py), the reference texts (references.py,
akn_text.py) and the corpus documents (corpus.py).  No Django; never imported by the parser."""
