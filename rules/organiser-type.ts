/**
 * Förordningen (2023:179), 4 § första stycket (inledningen), in its original wording:
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om …
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 4 § första stycket förordningen (2023:179): a grant may be given to a huvudman for
 * grundskola or gymnasieskola. [D11](../docs/decisions.md#d11): kommunal and enskild huvudmän pass; regions and
 * kommunalförbund pass with a warning, as the agencies' lists differ between years.
 */
import { finding, type Rule, type RuleDefinition, type Text } from './rule.ts';
import type { Finding, Lang, OrganiserType } from './types.ts';

export const organiserType: RuleDefinition = {
  id: 'organiser-type',
  title: { sv: 'Huvudman', en: 'Organiser' },
  scope: 'application',
  citation: '4 § första stycket',
  outcomes: ['pass', 'warn'],
  summary: {
    sv: 'Bidraget söks av huvudmannen för grundskolan eller gymnasieskolan. Kommuner och enskilda (fristående) huvudmän kan söka. Regioner och kommunalförbund kan också vara huvudmän, men myndigheternas listor över vilka som får söka har skilt sig mellan åren.',
    en: "The grant is applied for by the organiser of the grundskola or gymnasieskola. Municipalities and independent organisers can apply. Regions and municipal associations can also be organisers, but the agencies' lists of who may apply have differed between years.",
  },
};

const names: Record<OrganiserType, Text> = {
  municipal: { sv: 'en kommun', en: 'a municipality' },
  independent: { sv: 'en enskild huvudman', en: 'an independent organiser' },
  region: { sv: 'en region', en: 'a region' },
  municipal_association: { sv: 'ett kommunalförbund', en: 'a municipal association' },
};

export function checkOrganiserType(type: OrganiserType, lang: Lang): Finding {
  const where = { scope: 'application' as const };
  if (type === 'municipal' || type === 'independent') {
    return finding(organiserType, lang, where, 'pass', {
      sv: `Huvudmannen är ${names[type].sv} och kan söka bidraget.`,
      en: `The organiser is ${names[type].en} and can apply for the grant.`,
    });
  }
  return finding(organiserType, lang, where, 'warn', {
    sv: `Huvudmannen är ${names[type].sv}. Det kan söka bidraget, men myndigheternas listor över vilka huvudmän som får söka har skilt sig mellan åren. Kontrollera med Skolverket.`,
    en: `The organiser is ${names[type].en}. It can apply, but the agencies' lists of eligible organisers have differed between years. Check with Skolverket.`,
  });
}

export const organiserTypeRule: Rule = {
  definition: organiserType,
  checkApplication: (c) => checkOrganiserType(c.application.organiser.type, c.lang),
};
