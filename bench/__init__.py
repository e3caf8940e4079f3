"""The benchmark: a scale corpus generator (generate), measurements (run), the SQL floor (sql_floor), the
tantivy peer (tantivy_peer) and the table (report).  Entry point: ``manage.py bench`` / ``make bench``."""
