-- Teams get ids that never change (t1, t2, … in their order in the draft), and hand-off links
-- name the team by id instead of by its place in the list, so a reorder or a removal cannot
-- make a link open another team. A link whose place held no team opened nothing: it is dropped.
UPDATE drafts SET data = jsonb_set(
    jsonb_set(data, '{application,teams}', (
      SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(team) = 'object' THEN team || jsonb_build_object('id', 't' || n) ELSE team END ORDER BY n), '[]'::jsonb)
      FROM jsonb_array_elements(data -> 'application' -> 'teams') WITH ORDINALITY AS teams (team, n))),
    '{nextTeam}', to_jsonb(jsonb_array_length(data -> 'application' -> 'teams') + 1))
WHERE jsonb_typeof(data -> 'application' -> 'teams') = 'array';

ALTER TABLE handoff_links ADD COLUMN team_id text;

UPDATE handoff_links SET team_id = 't' || (team_index + 1)
FROM drafts
WHERE drafts.id = handoff_links.draft_id
  AND team_index < CASE WHEN jsonb_typeof(drafts.data -> 'application' -> 'teams') = 'array'
                        THEN jsonb_array_length(drafts.data -> 'application' -> 'teams') ELSE 0 END;

DELETE FROM handoff_links WHERE team_id IS NULL;

ALTER TABLE handoff_links ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE handoff_links DROP COLUMN team_index;
