-- A draft the applicant has marked ready for the kommun's overview (finance staff read these).
ALTER TABLE drafts ADD COLUMN ready_for_overview boolean NOT NULL DEFAULT false;

-- The overview reads only the drafts marked ready, which are few.
CREATE INDEX drafts_ready_for_overview ON drafts (expires_at) WHERE ready_for_overview;
