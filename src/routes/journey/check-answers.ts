/** /ansokan/{id}/kontrollera: every answer with an "Ändra" link, and anything still missing. */
import type { FastifyPluginAsync } from 'fastify';
import { showDecimal, showPercent } from '../../../forms/input.ts';
import { employerCostUnknown, memberLabels } from '../../../forms/member.ts';
import { municipalityName } from '../../../forms/municipalities.ts';
import { organiserTypeLabels } from '../../../forms/organiser.ts';
import { schoolFormLabels } from '../../../forms/team.ts';
import type { Lang } from '../../../rules/types.ts';
import { assessDraft } from '../../drafts/assess-draft.ts';
import { isSettlement, type DraftData } from '../../drafts/draft-data.ts';
import { formatKronor } from '../../../rules/format.ts';
import { loadDraft } from '../../http/draft-request.ts';
import { draftPath, fromCheckAnswers, inLang, memberPath, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { personLabel, staffingWords } from '../../result-words.ts';
import { shortfallWarnings } from '../../staffing-check.ts';
import { pageData } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.checkAnswers, en: words.en.checkAnswers };

/** The page where an API path's problem is fixed. */
function pageFor(data: DraftData, id: string, path: string): string {
  const [first, team, second, , member] = path.split('.');
  if (first === 'grantYear') return draftPath(id, 'bidragsar');
  if (first === 'organiser' || first === '') return draftPath(id, 'huvudman');
  if (first !== 'teams' || team === undefined) return draftPath(id, 'team');
  if (second !== 'members') return teamPath(id, Number(team));
  const memberId = member === undefined ? undefined : data.application.teams[Number(team)]?.members[Number(member)]?.id;
  return memberId === undefined ? teamPath(id, Number(team), 'personer') : memberPath(id, Number(team), memberId);
}

function rows(data: DraftData, id: string, lang: Lang) {
  const t = text[lang];
  const app = data.application;
  const change = (path: string) => inLang(fromCheckAnswers(path), lang);
  const organiser = app.organiser;
  const decisions = data.settlement?.decisions;
  return {
    // A settlement's decisions, team by team: missing until entered.
    decisions:
      decisions &&
      app.teams.map((team) => {
        const d = decisions[team.id];
        const value = d?.skolverketGrant === undefined ? t.missing : t.decided(formatKronor(d.skolverketGrant, lang), d.decidedOn ?? t.missing);
        return { key: team.name, value, href: change(draftPath(id, 'beslut')) };
      }),
    grantYear: [{ key: t.grantYear, value: app.grantYear ? String(app.grantYear) : t.missing, href: change(draftPath(id, 'bidragsar')) }],
    organiser: [
      { key: t.name, value: organiser?.name ?? t.missing, href: change(draftPath(id, 'huvudman')) },
      { key: t.orgNumber, value: organiser?.orgNumber ?? t.missing, href: change(draftPath(id, 'huvudman')) },
      {
        key: t.type,
        value: organiser ? organiserTypeLabels[lang][organiser.type as keyof (typeof organiserTypeLabels)['sv']] : t.missing,
        href: change(draftPath(id, 'huvudman')),
      },
    ],
    teams: app.teams.map((team, i) => {
      const teamHref = change(teamPath(id, i));
      const labels = memberLabels[lang];
      return {
        name: team.name,
        facts: [
          {
            key: t.schoolForms,
            value: team.schoolForms.map((f) => schoolFormLabels[lang][f as keyof (typeof schoolFormLabels)['sv']]).join(', '),
            href: teamHref,
          },
          { key: t.municipality, value: `${municipalityName(team.municipalityCode) ?? ''} (${team.municipalityCode})`, href: teamHref },
          { key: t.period, value: team.period ? `${team.period.from} – ${team.period.to}` : t.wholePeriod, href: teamHref },
          { key: t.status, value: t.statusValues[team.status], href: teamHref },
          { key: t.previous, value: showDecimal(team.previouslyGrantedFte, lang), href: teamHref },
          { key: t.contractEducation, value: team.contractEducation ? t.yes : t.no, href: teamHref },
        ],
        members: team.members.map((m) => ({
          key: personLabel(m),
          value: [
            labels.side[m.side as keyof typeof labels.side],
            `${showDecimal(m.fte, lang)} ${t.fte}`,
            `${m.start} – ${m.end ?? t.until}`,
            labels.education[m.education as keyof typeof labels.education] + (m.educationNote ? ` (${t.educationNote}: ${m.educationNote})` : ''),
            labels.origin[m.origin as keyof typeof labels.origin],
            `${showDecimal(m.monthlySalary, lang)} ${t.salary}`,
            employerCostUnknown(m) ? t.employerCostUnknown : showPercent(m.employerCostRate, lang),
            m.actualCost !== undefined && `${t.actualCost} ${showDecimal(m.actualCost, lang)} kr`,
          ]
            .filter(Boolean)
            .join(', '),
          href: change(memberPath(id, i, m.id)),
        })),
        peopleHref: inLang(teamPath(id, i, 'personer'), lang),
      };
    }),
  };
}

const checkAnswers: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/kontrollera', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const t = text[lang];
    const result = assessDraft(data, lang);
    const settlement = isSettlement(data);
    // A settlement also needs Skolverket's decision for every team.
    const undecided = settlement ? data.application.teams.filter((team) => data.settlement.decisions[team.id]?.skolverketGrant === undefined) : [];
    const problems = [
      ...undecided.map((team) => ({ message: t.decisionMissing(team.name), href: inLang(fromCheckAnswers(draftPath(draft.id, 'beslut')), lang) })),
      ...(result.ok
        ? []
        : 'issues' in result.problems.body
          ? result.problems.body.issues.map((issue) => ({ message: issue.message, href: inLang(fromCheckAnswers(pageFor(data, draft.id, issue.path)), lang) }))
          : [{ message: result.problems.body.message, href: inLang(fromCheckAnswers(draftPath(draft.id, 'bidragsar')), lang) }]),
    ];
    const path = draftPath(draft.id, 'kontrollera');
    return reply.view('check-answers.eta', {
      ...pageData(lang, path, settlement ? t.settlementTitle : t.title),
      text: t,
      backHref: inLang(draftPath(draft.id, 'team'), lang),
      rows: rows(data, draft.id, lang),
      problems,
      // Before the result: the days a side falls short, each with the link to the team's people.
      staffing: {
        text: staffingWords[lang],
        warnings: result.ok
          ? shortfallWarnings(result.assessment, lang).map((w) => ({
              ...w,
              href: inLang(fromCheckAnswers(teamPath(draft.id, w.team, 'personer')), lang),
              linkText: staffingWords[lang].changePeople(result.assessment.teams[w.team].name),
            }))
          : [],
      },
      resultHref: inLang(draftPath(draft.id, settlement ? 'redovisning' : 'resultat'), lang),
      resultLabel: settlement ? t.settlementResult : t.result,
      deleteHref: inLang(draftPath(draft.id, 'radera'), lang),
    });
  });
};

export default checkAnswers;
