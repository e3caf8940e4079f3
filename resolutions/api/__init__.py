"""The read-only open data API (Django REST framework): documents, member states, agenda items, series,
search and comparison, with an OpenAPI 3 schema at /api/schema/ and its documentation page at /api/docs/.

Views are thin: reads go through resolutions.search, resolutions.selectors and resolutions.exports."""
