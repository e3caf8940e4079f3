"""The text search language configuration, in one place.

Imported by the models (generated tsvector columns), resolutions/search/ and services/indexing.py;
changing it needs a migration that regenerates the columns.
"""
SEARCH_CONFIG = "english"
