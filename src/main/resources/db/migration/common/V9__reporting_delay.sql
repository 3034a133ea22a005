-- Timeliness (及时性). On a staged row of an item with a timeliness-field: the decision date it reports and the
-- reporting delay, in working days from that date to the day the batch was received (Asia/Shanghai); NULL when the
-- row has no valid decision date or the decision lies after the receipt. delay_approximate: some counted days lie in
-- a year without a calendar file (schedules/calendar-<year>.yaml) and were counted Monday-Friday. first_report (where a
-- delay is kept): the row created its record in the store; a repeat or a correction is not judged for timeliness.
ALTER TABLE cx_staged_row ADD COLUMN decision_date DATE;
ALTER TABLE cx_staged_row ADD COLUMN reporting_delay INT;
ALTER TABLE cx_staged_row ADD COLUMN delay_approximate BOOLEAN;
ALTER TABLE cx_staged_row ADD COLUMN first_report BOOLEAN;

-- On a record: the delay of the row that first reported it (a later version keeps it).
ALTER TABLE cx_org_record ADD COLUMN reporting_delay INT;
ALTER TABLE cx_org_record ADD COLUMN delay_approximate BOOLEAN;
ALTER TABLE cx_person_record ADD COLUMN reporting_delay INT;
ALTER TABLE cx_person_record ADD COLUMN delay_approximate BOOLEAN;
-- The timeliness step finds the records a batch created by batch and row.
CREATE INDEX cx_org_record_batch_row ON cx_org_record (batch_id, row_no);
CREATE INDEX cx_person_record_batch_row ON cx_person_record (batch_id, row_no);

