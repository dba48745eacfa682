-- The huvudman's organisationsnummer with each team summary, never shown: two shared drafts of
-- the same huvudman holding a team of the same name are one team, counted once in an overview
-- (the newest save wins). Rows stored before this have none and are told apart by their draft.
ALTER TABLE draft_team_summaries ADD COLUMN organiser_org_number text;
