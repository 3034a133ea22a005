-- Staging's index on match_status serves re-matching only, which looks for the unsettled rows (and those it marks
-- while re-matching them); every other statement finds a batch's rows by its key. Indexed partially, a batch's COPY
-- and the match step's update of each of its rows no longer add an index entry per row (PENDING, MATCHED).
DROP INDEX IF EXISTS cx_staged_row_match;
CREATE INDEX cx_staged_row_unsettled ON cx_staged_row (match_status)
    WHERE match_status IN ('UNKNOWN', 'NAME_MISMATCH', 'AMBIGUOUS', 'REMATCH');
-- The match step rewrites every staged row once: pages half full keep each row's new version beside the old one
-- (a batch's rows stay together for the merge and the feedback that read them next) instead of at the table's end.
ALTER TABLE cx_staged_row SET (fillfactor = 50);
-- The match step's work table is emptied before and after each use: nothing in it needs to survive a crash, so its
-- rows (one per staged row) are not written to the WAL.
ALTER TABLE cx_match_candidate SET UNLOGGED;
