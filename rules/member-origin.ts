/**
 * Förordningen (2023:179), 5 § andra stycket, in its original wording, as far as the sources
 * show it: from lagen.nu/2023:179 (checked 2026-12-02; rkrattsbaser.gov.se agrees as far as its
 * copy goes). Both copies stop mid-word, so the end of the sentence is missing here:
 *
 *   > Statsbidrag får även lämnas för kostnader för att bibehålla det antal årsarbetskrafter
 *   > som huvudmannen tidigare har …
 *
 * The rule book sums up the whole stycke: a grant may also cover keeping the number of
 * årsarbetskrafter previously granted under this ordinance.
 *
 * Förordningen (2023:179), 5 § tredje stycket: SUMMARY, not the ordinance's words: the whole
 * stycke is missing (the sources above stop before it), and so is SFS 2023:946's wording of
 * 5 §. The summary follows the product's rule book, which has it from the agencies' guidance:
 *
 *   No grant for costs arising from redistribution of existing staff or reorganisation.
 *
 * How the product reads it:
 *
 * 5 § andra och tredje stycket förordningen (2023:179), lydelse SFS 2023:946: a grant may
 * cover keeping the number of årsarbetskrafter previously granted, but not costs that arise
 * from redistributing existing staff or from reorganisation (third paragraph: agency guidance).
 * [D2](../docs/decisions.md#d2) and D5: a redistributed member still counts towards staffing but has no eligible cost.
 * D16: a member stated as new whose engagement started before the team's period may be
 * existing staff moved into the team; the user must confirm. It changes no amount.
 */
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, Member } from './types.ts';

export const memberOrigin: RuleDefinition = {
  id: 'member-origin',
  title: { sv: 'Ny, behållen eller omfördelad personal', en: 'New, kept or redistributed staff' },
  scope: 'member',
  citation: '5 § andra och tredje stycket',
  outcomes: ['pass', 'warn', 'fail'],
  guidance: true,
  summary: {
    sv: 'Bidrag kan ges för nyanställd personal och för att behålla personal som tidigare fått bidrag. Enligt myndighetens vägledning ges inget bidrag för kostnader som uppstår när befintlig personal omfördelas eller verksamheten omorganiseras; sådan personal räknas ändå in i teamets bemanning. Den som anges som nytillsatt men var anställd eller hade uppdrag redan före teamets period får en varning: bekräfta att personen tillsattes för teamet och inte är befintlig personal som flyttats dit.',
    en: "A grant can cover newly engaged staff and keeping staff previously funded. According to the agency's guidance, no grant covers costs that arise when existing staff are redistributed or the organisation is restructured; such staff still count towards the team's staffing. A member stated as new but engaged before the team's period gets a warning: confirm that the person was engaged for the team and is not existing staff moved into it.",
  },
};

/** `periodFrom` is the first day of the team's period (the grant period's unless given). */
export function checkMemberOrigin(member: Member, team: number, periodFrom: string, lang: Lang): Finding {
  const where = { scope: 'member' as const, team, member: member.id };
  const id = member.id;
  switch (member.origin) {
    case 'new':
      if (member.start < periodFrom) {
        return finding(memberOrigin, lang, where, 'warn', {
          sv: `${id} anges som nytillsatt men började ${member.start}, före teamets period (från ${periodFrom}). Bekräfta att ${id} tillsattes för teamet och inte är befintlig personal som flyttats dit: kostnader för omfördelad personal ger inget bidrag.`,
          en: `${id} is stated as newly engaged but started on ${member.start}, before the team's period (from ${periodFrom}). Confirm that ${id} was engaged for the team and is not existing staff moved into it: costs of redistributed staff give no grant.`,
        });
      }
      return finding(memberOrigin, lang, where, 'pass', {
        sv: `${id} är nytillsatt i teamet.`,
        en: `${id} is newly engaged in the team.`,
      });
    case 'previously_funded':
      return finding(memberOrigin, lang, where, 'pass', {
        sv: `${id} har tidigare finansierats med bidraget. Bidrag kan ges för att behålla tidigare beviljade årsarbetskrafter.`,
        en: `${id} was previously funded by this grant. A grant can cover keeping previously granted full-time equivalents.`,
      });
    case 'redistributed':
      return finding(memberOrigin, lang, where, 'fail', {
        sv: `${id} har omfördelats från befintlig personal. Enligt myndighetens vägledning ger sådana kostnader inget bidrag. ${id} räknas ändå in i teamets bemanning.`,
        en: `${id} was redistributed from existing staff. According to the agency's guidance such costs give no grant. ${id} still counts towards the team's staffing.`,
      });
  }
}

/** Effect (D2, D5): a redistributed member still counts towards the staffing but gives no cost. */
export const memberOriginRule: Rule = {
  definition: memberOrigin,
  bearsCost: (member) => member.origin !== 'redistributed',
  checkMember: (c) => checkMemberOrigin(c.member.member, c.facts.index, c.facts.periodDates.from, c.lang),
};
