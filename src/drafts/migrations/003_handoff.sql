-- Hand-off links: a coordinator shares one team's school-staff or social-services section of a
-- draft with someone without an account. The token is 16 random bytes, base64url.
CREATE TABLE handoff_links (
  token text PRIMARY KEY,
  draft_id text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  team_index integer NOT NULL,        -- 0-based
  side text NOT NULL,                 -- 'school' or 'social_services'
  label text NOT NULL,                -- who, in the history: "Länk för skolpersonal, Team Norr"
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3)
);

CREATE INDEX handoff_links_draft ON handoff_links (draft_id);

-- Every change made through a link, or by the coordinator: who, when, what.
CREATE TABLE draft_history (
  id bigserial PRIMARY KEY,
  draft_id text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor text NOT NULL,
  change text NOT NULL
);

CREATE INDEX draft_history_draft ON draft_history (draft_id, id);
