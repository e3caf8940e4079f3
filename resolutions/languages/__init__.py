"""Language versions: one document, its text in several languages.

A file with the symbol of a stored document in another language is a *version* of that document, not a new
document and not a replacement: ``LanguageVersion`` (the language, its source file, its title) with its own
paragraphs and footnotes (``VersionParagraph``, ``VersionFootnote``), anchored by the same rule as the main text
(``#op3`` is operative 3 in every language) and indexed with the language's own text search configuration
(``resolutions.search_config.LANGUAGE_CONFIGS``; Chinese segmented into words first, ``segmentation.py``).

The document's main text (``Paragraph``, ``Footnote``: what the page, comparison, lineage, citations and the
exports read) is the English parse when there is one, else the first language that arrived
(``Document.language``); every language other than English also has its version rows, so a search in French
always reads French rows, stemmed as French.

Writes: ``services.py`` (called by the ingestion service, ``resolutions.services.ingestion.store``); reads:
``selectors.py`` (the document page's switcher and side-by-side view, the API, search snippets).
"""
