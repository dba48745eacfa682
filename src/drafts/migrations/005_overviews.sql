-- The kommun's overview by capability: finance staff create an overview for one kommun and
-- bidragsår and get two unguessable values, the key (reads the overview) and the submission
-- code (shares a draft into it). A coordinator shares a draft with the code. The overview's
-- figures are the team summaries stored when a draft is saved or shared.

-- The old "ready for the kommun's overview" flag gave the overview to anyone with a kommunkod.
DROP INDEX drafts_ready_for_overview;
ALTER TABLE drafts DROP COLUMN ready_for_overview;

CREATE TABLE overviews (
  id text PRIMARY KEY,                     -- 16 random bytes, base64url; never shown to the kommun
  key text NOT NULL UNIQUE,                -- 16 random bytes, base64url: read access
  submission_code text NOT NULL UNIQUE,    -- 16 random bytes, base64url: shares drafts into it
  municipality_code text NOT NULL,
  grant_year integer NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL       -- 30 days after it was last opened or changed
);

CREATE INDEX overviews_expires_at ON overviews (expires_at);

-- A draft shared into an overview; it stays until withdrawn, or until the draft or the overview goes.
CREATE TABLE overview_shares (
  overview_id text NOT NULL REFERENCES overviews (id) ON DELETE CASCADE,
  draft_id text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  shared_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (overview_id, draft_id)
);

CREATE INDEX overview_shares_draft ON overview_shares (draft_id);

-- What an overview shows of a draft, one row per team, as assessed when the draft was last saved
-- or shared: no salaries, no org number, no people. A draft that cannot be assessed has no rows.
CREATE TABLE draft_team_summaries (
  draft_id text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  position integer NOT NULL,               -- the team's place in the draft, 0-based
  municipality_code text NOT NULL,
  grant_year integer NOT NULL,
  organiser_name text NOT NULL,
  organiser_type text NOT NULL,
  team_name text NOT NULL,
  status text NOT NULL,
  -- Whole kronor as decimal text, as the assessment gives them.
  skolverket_grant text NOT NULL,
  matched text NOT NULL,
  matched_usable text NOT NULL,
  repayment_risk text NOT NULL,
  staffing_suggestion jsonb,               -- extraCost, fte, months, basis; null without a risk
  PRIMARY KEY (draft_id, position)
);

CREATE INDEX draft_team_summaries_kommun ON draft_team_summaries (municipality_code, grant_year);
