"""Exports of the archive: one document as JSON, plain text or Akoma Ntoso XML; search results as CSV or JSON,
streamed.  Reads only (through the selectors and resolutions.search); the API and the dump command call them."""
