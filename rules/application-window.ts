/**
 * Förordningen (2023:179), 7 §:
 *
 * SUMMARY, not the ordinance's words: the whole of 7 §, in the original wording and in
 * SFS 2023:946's, is missing. Searched on 2026-12-02, the stored copies of the ordinance
 * (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could be read only in their opening,
 * in the original wording, which stops inside 5 § andra stycket. The summary follows the
 * product's rule book, which has it from a secondary source:
 *
 *   The huvudman applies to Skolverket; the decision states the reporting deadline and may
 *   carry conditions.
 *
 * How the product reads it:
 *
 * 7 § förordningen (2023:179): the huvudman applies to Skolverket (agency guidance). The
 * window for each bidragsår is data where known; the product warns once it has closed on the
 * evaluation date. A window not yet published but estimated from earlier years is marked
 * preliminary in the data: it is shown as such and never said to have closed.
 */
import type { RuleSet } from './params/rule-set.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang } from './types.ts';

export const applicationWindow: RuleDefinition = {
  id: 'application-window',
  title: { sv: 'Ansökningsperiod', en: 'Application period' },
  scope: 'application',
  citation: '7 §',
  outcomes: ['info', 'warn'],
  guidance: true,
  summary: {
    sv: 'Huvudmannen ansöker hos Skolverket under den period Skolverket anger för bidragsåret. Verktyget visar perioden när den är känd och varnar när den har stängt. Innan Skolverket har publicerat perioden visas en preliminär period utifrån tidigare år, när det finns en.',
    en: 'The organiser applies to Skolverket during the period Skolverket sets for the grant year. The tool shows the period when it is known and warns once it has closed. Before Skolverket has published the period, a preliminary one going by earlier years is shown, where there is one.',
  },
};

export function checkApplicationWindow(ruleSet: RuleSet, asOf: string, lang: Lang): Finding {
  const where = { scope: 'application' as const };
  const window = ruleSet.year.applicationWindow?.value;
  const year = ruleSet.grantYear;
  if (!window) {
    return finding(applicationWindow, lang, where, 'info', {
      sv: `När Skolverket tar emot ansökningar för bidragsår ${year} är inte känt ännu. Håll utkik på Skolverkets webbplats.`,
      en: `When Skolverket takes applications for grant year ${year} is not known yet. Watch Skolverket's website.`,
    });
  }
  if (ruleSet.year.applicationWindow?.preliminary) {
    // An estimate from earlier years: shown as preliminary, never as closed.
    return finding(
      applicationWindow,
      lang,
      where,
      'info',
      {
        sv: `Skolverket har inte publicerat ansökningsperioden för bidragsår ${year}. Preliminärt, utifrån tidigare år, blir den ungefär ${window.from}–${window.to}. Håll utkik på Skolverkets webbplats.`,
        en: `Skolverket has not published the application period for grant year ${year}. Preliminarily, going by earlier years, it will be about ${window.from} to ${window.to}. Watch Skolverket's website.`,
      },
      { details: { window, asOf, preliminary: true } },
    );
  }
  const details = { window, asOf };
  if (asOf > window.to) {
    return finding(
      applicationWindow,
      lang,
      where,
      'warn',
      {
        sv: `Ansökningsperioden för bidragsår ${year} var ${window.from}–${window.to} och har stängt. En ansökan kan inte längre lämnas in för det året.`,
        en: `The application period for grant year ${year} was ${window.from} to ${window.to} and has closed. An application can no longer be submitted for that year.`,
      },
      { details },
    );
  }
  return finding(
    applicationWindow,
    lang,
    where,
    'info',
    asOf < window.from
      ? {
          sv: `Ansökan för bidragsår ${year} lämnas till Skolverket ${window.from}–${window.to}.`,
          en: `The application for grant year ${year} goes to Skolverket between ${window.from} and ${window.to}.`,
        }
      : {
          sv: `Ansökningsperioden för bidragsår ${year} är öppen till och med ${window.to}.`,
          en: `The application period for grant year ${year} is open until ${window.to} inclusive.`,
        },
    { details },
  );
}

export const applicationWindowRule: Rule = {
  definition: applicationWindow,
  checkApplication: (c) => checkApplicationWindow(c.ruleSet, c.asOf, c.lang),
};
