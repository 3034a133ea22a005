-- A batch processed again (reload) runs a new ingest job instance: its key is the batch id plus this number, 0 for
-- the first processing (whose job was keyed by the batch id alone).
ALTER TABLE cx_batch ADD COLUMN run_key BIGINT DEFAULT 0 NOT NULL;
