-- The hash of what a record asserts, without the sender's own provenance (数据来源单位, its code, 备注): two units
-- stating the same fact agree even though each names itself as the source.
ALTER TABLE cx_staged_row ADD COLUMN fact_hash CHAR(64);
ALTER TABLE cx_org_record ADD COLUMN fact_hash CHAR(64);
ALTER TABLE cx_person_record ADD COLUMN fact_hash CHAR(64);
UPDATE cx_org_record SET fact_hash = content_hash;
UPDATE cx_person_record SET fact_hash = content_hash;

-- Merges take this row's lock: two units' batches merging at the same time must see each other's records, or a
-- conflict between them would go unnoticed.
CREATE TABLE cx_merge_lock (
    id INT PRIMARY KEY
);
INSERT INTO cx_merge_lock (id) VALUES (1);
