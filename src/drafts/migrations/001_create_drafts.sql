-- Draft applications, saved step by step and resumed from a link until they expire.
CREATE TABLE drafts (
  id text PRIMARY KEY,                -- 16 random bytes, base64url
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1, -- bumped by every save, for optimistic locking
  rule_set_id text,
  -- Milliseconds, as in the ISO strings the store returns, so a returned time is the stored one.
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);

-- For purging expired drafts.
CREATE INDEX drafts_expires_at ON drafts (expires_at);
