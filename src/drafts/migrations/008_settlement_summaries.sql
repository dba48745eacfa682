-- A team summary from a settlement draft (the year after the decision, the year after the decision): Skolverket's
-- decided grant, what was used and not, the conditions during the year, and the kommun's
-- received, usable and to-repay money, as JSON text of whole kronor. Null for a summary from an
-- application draft. In an overview a team with both counts once, from the settlement.
ALTER TABLE draft_team_summaries ADD COLUMN settlement jsonb;
