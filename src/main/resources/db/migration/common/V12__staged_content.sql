-- The wide part of a staged row (its canonical values, its original cells, its sealed personal values) kept apart
-- from its verdict and match result. The steps after staging (in-file duplicates, match, timeliness, conflicts)
-- update the narrow row only: on a large batch each such pass used to rewrite every row's JSON with it.
CREATE TABLE cx_staged_content (
    batch_id      BIGINT  NOT NULL,
    row_no        INT     NOT NULL,
    record_json   VARCHAR NOT NULL,
    cells_json    VARCHAR NOT NULL,
    personal_json VARCHAR,
    PRIMARY KEY (batch_id, row_no)
);
INSERT INTO cx_staged_content (batch_id, row_no, record_json, cells_json, personal_json)
    SELECT batch_id, row_no, record_json, cells_json, personal_json FROM cx_staged_row;
ALTER TABLE cx_staged_row DROP COLUMN record_json;
ALTER TABLE cx_staged_row DROP COLUMN cells_json;
ALTER TABLE cx_staged_row DROP COLUMN personal_json;
