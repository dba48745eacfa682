/**
 * "Så går det till härnäst": what happens after the check, in the PDF and on the result page
 * alike. The dates come from the rule set's data (rules/params): the bidragsår's application
 * window when Skolverket has published it, otherwise the preliminary one where the data has
 * an estimate, and last year's as a guide; the rekvisition and redovisning windows where known;
 * and every window of the year with its source and the day it was last checked (src/windows.ts).
 * The agencies' pages are written out as plain addresses, so they survive printing and the PDF.
 */
import { municipalityName } from '../forms/municipalities.ts';
import type { Window } from '../rules/params/rule-set.ts';
import { sources } from '../rules/params/sources.ts';
import { ruleSetFor } from '../rules/rule-sets.ts';
import type { Application, Lang } from '../rules/types.ts';
import { dateSpan, windowsOf, windowSpan, windowWords } from './windows.ts';

export interface NextSteps {
  heading: string;
  steps: string[];
  /** The agencies' pages, each as a label and its address. */
  links: Array<{ label: string; url: string }>;
  /** The year's windows as data (application, rekvisition, redovisning), "preliminär" where estimated. */
  datesHeading: string;
  dates: ReturnType<typeof windowsOf>;
}

const lists = { sv: new Intl.ListFormat('sv', { type: 'conjunction' }), en: new Intl.ListFormat('en', { type: 'conjunction' }) };

const words = {
  sv: {
    heading: 'Så går det till härnäst',
    window: (year: number, span: string) => `Huvudmannen ansöker hos Skolverket. Ansökningsperioden för bidragsår ${year} är ${span}.`,
    noWindow: (year: number) =>
      `Huvudmannen ansöker hos Skolverket. Ansökningsperioden för bidragsår ${year} är inte känd ännu; Skolverket har inte publicerat den.`,
    preliminary: (span: string) => ` Preliminärt, utifrån tidigare år: ${span}.`,
    lastYear: (year: number, span: string) => ` Förra årets period, för bidragsår ${year}, var ${span}.`,
    requisitionWindow: (year: number, span: string) => ` Rekvisitionsperioden för bidragsår ${year} är ${span}.`,
    reportingWindow: (year: number, span: string) => ` Redovisningen till Skolverket för bidragsår ${year} görs ${span}.`,
    decision: 'Skolverket beslutar om bidraget och gör ett urval om ansökningarna är fler än pengarna räcker till.',
    requisition: (kommuner: string, many: boolean, teams: boolean) =>
      `${many ? 'Kommunerna' : 'Kommunen'} vars socialtjänst deltar i ${teams ? 'teamen' : 'teamet'}, ${kommuner}, rekvirerar motfinansieringen från Socialstyrelsen när Skolverket har beviljat bidraget.`,
    reportBoth:
      'Huvudmannen redovisar hur bidraget har använts till Skolverket, och kommunen redovisar motfinansieringen till Socialstyrelsen, enligt myndigheternas anvisningar.',
    reportOne: 'Huvudmannen redovisar hur bidraget har använts till Skolverket enligt myndighetens anvisningar.',
    changes: (matched: boolean) =>
      `Förändringar som påverkar rätten till bidrag, till exempel att någon i teamet slutar, går ner i tjänstgöringsgrad eller byter uppdrag, ska anmälas utan dröjsmål till Skolverket${matched ? ' och Socialstyrelsen' : ''}. Bidrag som lämnats på felaktiga grunder kan behöva betalas tillbaka.`,
    skolverket: 'Skolverkets sida om bidraget',
    socialstyrelsen: 'Socialstyrelsens anvisningar om motfinansieringen',
    unknownMunicipality: 'okänd kommun',
  },
  en: {
    heading: 'What happens next',
    window: (year: number, span: string) => `The organiser applies to Skolverket. The application period for grant year ${year} is ${span}.`,
    noWindow: (year: number) =>
      `The organiser applies to Skolverket. The application period for grant year ${year} is not known yet; Skolverket has not published it.`,
    preliminary: (span: string) => ` Preliminarily, going by earlier years: ${span}.`,
    lastYear: (year: number, span: string) => ` Last year's period, for grant year ${year}, was ${span}.`,
    requisitionWindow: (year: number, span: string) => ` The requisition period for grant year ${year} is ${span}.`,
    reportingWindow: (year: number, span: string) => ` The report to Skolverket for grant year ${year} is made ${span}.`,
    decision: 'Skolverket decides on the grant and selects among the applications if they exceed the funds.',
    requisition: (kommuner: string, many: boolean, teams: boolean) =>
      `The ${many ? 'municipalities' : 'municipality'} whose social services take part in the ${teams ? 'teams' : 'team'}, ${kommuner}, requisition the matched funding from Socialstyrelsen once Skolverket has granted the grant.`,
    reportBoth:
      "The organiser reports to Skolverket how the grant was used, and the municipality reports the matched funding to Socialstyrelsen, following the agencies' instructions.",
    reportOne: "The organiser reports to Skolverket how the grant was used, following the agency's instructions.",
    changes: (matched: boolean) =>
      `Changes that affect the right to the grant, for example someone in the team leaving, lowering their fte or changing role, must be reported without delay to Skolverket${matched ? ' and Socialstyrelsen' : ''}. A grant paid on wrong grounds may have to be paid back.`,
    skolverket: "Skolverket's page on the grant",
    socialstyrelsen: "Socialstyrelsen's instructions on the matched funding",
    unknownMunicipality: 'unknown municipality',
  },
};

/** What happens after the check for this application; `matched` when a kommun gets matched funding. */
export function nextSteps(application: Pick<Application, 'grantYear' | 'teams'>, matched: boolean, lang: Lang): NextSteps {
  const w = words[lang];
  const year = application.grantYear;
  const windows = ruleSetFor(year)?.year;
  const window = windows?.applicationWindow;
  const lastYear = ruleSetFor(year - 1)?.year.applicationWindow;
  const codes = [...new Set(application.teams.map((t) => t.municipalityCode))];
  const kommuner = lists[lang].format(codes.map((code) => `${municipalityName(code) ?? w.unknownMunicipality} (${code})`));
  const known = window && !window.preliminary ? window : undefined;
  const when = (text: (year: number, span: string) => string, known?: Window) => (known ? text(year, windowSpan(known, lang)) : '');
  const report = (matched ? w.reportBoth : w.reportOne) + when(w.reportingWindow, windows?.reportingWindow);
  const steps = [
    known
      ? w.window(year, dateSpan(known.value, lang))
      : w.noWindow(year) + (window ? w.preliminary(dateSpan(window.value, lang)) : '') + (lastYear ? w.lastYear(year - 1, windowSpan(lastYear, lang)) : ''),
    w.decision,
    ...(matched
      ? [w.requisition(kommuner, codes.length > 1, application.teams.length > 1) + when(w.requisitionWindow, windows?.requisitionWindow), report]
      : [report]),
    w.changes(matched),
  ];
  const skolverketPage = (known ?? lastYear)?.source.url ?? sources.skolverket2026.url;
  const links = [{ label: w.skolverket, url: skolverketPage }, ...(matched ? [{ label: w.socialstyrelsen, url: sources.socialstyrelsen2026.url }] : [])];
  return { heading: w.heading, steps, links, datesHeading: windowWords[lang].datesHeading, dates: windowsOf(year, lang) };
}
