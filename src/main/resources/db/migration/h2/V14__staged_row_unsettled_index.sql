-- H2 has no partial indexes: staging keeps its full index on match_status (PostgreSQL's V14 makes it partial).
CREATE INDEX IF NOT EXISTS cx_staged_row_match ON cx_staged_row (match_status);
