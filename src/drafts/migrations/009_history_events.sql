-- The history as data: each new row holds the change's kind and parameters (HistoryEvent in
-- src/drafts/handoff.ts) and an actor code ('coordinator', 'api', 'link:school', …), worded when
-- shown in the viewer's language. Rows from before keep their Swedish words in actor and change.
ALTER TABLE draft_history ADD COLUMN event jsonb;
ALTER TABLE draft_history ALTER COLUMN change DROP NOT NULL;
