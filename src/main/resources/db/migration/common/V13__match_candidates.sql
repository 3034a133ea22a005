-- The match step's work table: for each staged row being matched, the first method that found candidates, how many
-- subjects it found and the least of their ids. Filled method by method and emptied again within the step's
-- transaction; narrow, so that deciding a row is one write of the staged row, and so that no plan re-runs a
-- grouping per staged row when the planner believes a fresh batch has one row.
CREATE TABLE cx_match_candidate (
    batch_id   BIGINT      NOT NULL,
    row_no     INT         NOT NULL,
    marker     VARCHAR(16) NOT NULL,
    method     VARCHAR(16) NOT NULL,
    n          INT         NOT NULL,
    subject_id BIGINT      NOT NULL,
    PRIMARY KEY (batch_id, row_no)
);
CREATE INDEX cx_match_candidate_marker ON cx_match_candidate (marker);
