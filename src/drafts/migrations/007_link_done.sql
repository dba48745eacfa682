-- When the link's holder last said "Jag är klar" (done with their part); null until then.
ALTER TABLE handoff_links ADD COLUMN done_at timestamptz(3);
