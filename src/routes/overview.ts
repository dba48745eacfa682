/**
 * The kommun's overview, for its finance staff, by capability rather than by kommunkod: they
 * create an overview for a kommun and bidragsår and get two unguessable values, the overview's
 * key (its link opens it) and a submission code to send to the huvudmän. A coordinator shares a
 * draft into it with the code (src/routes/journey/share-overview.ts). The overview shows each
 * shared team in the kommun for the year: huvudman name, team, verdict, Skolverket's grant,
 * Socialstyrelsen's matched allocation (9–12 §§, decision D8), the part the kommun may use, the
 * repayment risk and a staffing suggestion (rules/staffing-suggestion.ts), from the summaries
 * stored when each draft was saved or shared. Never salaries, org numbers, people or draft ids.
 *
 *   GET  /oversikt/ny                     the form to create one (POST: create it, show key and code once)
 *   GET  /oversikt/{key}                  the overview (?lang=en in English)
 *   GET  /oversikt/{key}/oversikt.csv     the same table for Excel
 *   POST /oversikt/{key}/ny-lank          a new key (the old link stops working)
 *   POST /oversikt/{key}/ny-kod           a new submission code (the old code stops working)
 *   POST /oversikt/{key}/stang            revoke it: key and code stop working, shares removed
 *   GET  /kommun/…                        the old overview by kommunkod: a 404 page that explains the new way
 *
 * What it shows is in src/pages/overview.ts; the sums are rules/overview.ts's (totals split into
 * settled and pending, decision D18, and the decided grants to requisition, D22).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { municipalitiesByName, municipalityName } from '../../forms/municipalities.ts';
import { parseNewOverview } from '../../forms/overview.ts';
import type { FieldError } from '../../forms/page-form.ts';
import { knownGrantYears } from '../../rules/rule-sets.ts';
import type { Lang } from '../../rules/types.ts';
import type { OverviewRecord } from '../drafts/overviews.ts';
import { roundBeingPrepared } from '../grant-round.ts';
import { NotFoundError } from '../http/draft-request.ts';
import { inLang } from '../journey.ts';
import { langOf, showTime, todayInSweden } from '../lang.ts';
import { loadOverview, overviewPath } from '../overview.ts';
import { pageData, renderForm } from '../page.ts';
import { afterYearTable, countedOnceNotice, overviewCsv, overviewTable, requisitionView } from '../pages/overview.ts';
import { overviewSettlementWords } from '../settlement-words.ts';
import { words } from '../words/index.ts';

const overviewText = { sv: words.sv.overview, en: words.en.overview };
const newText = { sv: words.sv.overviewNew, en: words.en.overviewNew };

const absolute = (request: FastifyRequest, path: string) => `${request.protocol}://${request.host}${path}`;

/** The page that shows a new key and/or code once, with what each is for. */
function showLinks(request: FastifyRequest, reply: FastifyReply, record: OverviewRecord, shown: { key: boolean; code: boolean }) {
  const lang = langOf(request.query);
  const t = newText[lang];
  const title = shown.key && shown.code ? t.createdTitle : shown.key ? t.newKeyTitle : t.newCodeTitle;
  const page = overviewPath(record.key);
  return reply.view('overview-links.eta', {
    ...pageData(lang, page, title),
    text: t,
    forWhat: t.forWhat(municipalityName(record.municipalityCode) ?? '', record.grantYear),
    keyUrl: shown.key ? absolute(request, page) : undefined,
    code: shown.code ? record.submissionCode : undefined,
    openHref: inLang(page, lang),
  });
}

function renderNew(reply: FastifyReply, lang: Lang, values: { municipalityCode?: unknown; grantYear?: unknown } = {}, errors: FieldError[] = []) {
  return renderForm(reply, 'overview-new.eta', {
    lang,
    path: '/oversikt/ny',
    title: newText[lang].title,
    errors,
    text: newText[lang],
    action: inLang('/oversikt/ny', lang),
    backHref: inLang('/', lang),
    municipalities: municipalitiesByName,
    years: knownGrantYears(),
    value: { municipalityCode: String(values.municipalityCode ?? ''), grantYear: String(values.grantYear ?? roundBeingPrepared(todayInSweden())) },
  });
}

const oldText = { sv: words.sv.overviewOld, en: words.en.overviewOld };

const overview: FastifyPluginAsync = async (app) => {
  app.get('/oversikt/ny', async (request, reply) => renderNew(reply, langOf(request.query)));

  app.post('/oversikt/ny', async (request, reply) => {
    const lang = langOf(request.query);
    const form = parseNewOverview(request.body, lang);
    if (!form.ok) return renderNew(reply, lang, (request.body ?? {}) as object, form.errors);
    const record = await app.drafts.createOverview(form.value.municipalityCode, form.value.grantYear);
    return showLinks(request, reply, record, { key: true, code: true });
  });

  app.get<{ Params: { key: string } }>('/oversikt/:key', async (request, reply) => {
    const lang = langOf(request.query);
    const t = overviewText[lang];
    const { key } = request.params;
    const data = await loadOverview(app.drafts, key);
    if (!data) throw new NotFoundError();
    const action = (rest: string) => inLang(overviewPath(key, rest), lang);
    return reply.view('overview.eta', {
      ...pageData(lang, overviewPath(key), t.title(data.municipality, data.grantYear)),
      text: t,
      csrfToken: reply.generateCsrf(),
      uncounted: data.uncounted ? t.uncounted(data.uncounted) : undefined,
      countedOnce: countedOnceNotice(data.teams, false, t.counted_once),
      fromSettlement: countedOnceNotice(data.teams, true, overviewSettlementWords[lang].fromSettlement),
      requisition: requisitionView(data, lang),
      afterYear: afterYearTable(data, lang),
      table: data.teams.length ? overviewTable(data.teams, lang, t.caption(data.municipality, data.grantYear)) : undefined,
      csvHref: action('/oversikt.csv'),
      kept: t.kept(showTime(data.expiresAt)),
      actions: { key: action('/ny-lank'), code: action('/ny-kod'), revoke: action('/stang') },
      startHref: inLang('/', lang),
    });
  });

  app.get<{ Params: { key: string } }>('/oversikt/:key/oversikt.csv', async (request, reply) => {
    const data = await loadOverview(app.drafts, request.params.key);
    if (!data) throw new NotFoundError();
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oversikt-${data.municipalityCode}-${data.grantYear}.csv"`)
      .send(overviewCsv(data, langOf(request.query)));
  });

  for (const [path, what] of [
    ['/ny-lank', 'key'],
    ['/ny-kod', 'submissionCode'],
  ] as const) {
    app.post<{ Params: { key: string } }>(`/oversikt/:key${path}`, async (request, reply) => {
      const record = await app.drafts.renewOverview(request.params.key, what);
      if (!record) throw new NotFoundError();
      return showLinks(request, reply, record, { key: what === 'key', code: what === 'submissionCode' });
    });
  }

  app.post<{ Params: { key: string } }>('/oversikt/:key/stang', async (request, reply) => {
    const lang = langOf(request.query);
    if (!(await app.drafts.revokeOverview(request.params.key))) throw new NotFoundError();
    const t = overviewText[lang];
    return reply.view('message.eta', { ...pageData(lang, '/', t.revoke), text: t.revoked, link: { href: inLang('/', lang), label: t.start } });
  });

  // The overview by kommunkod is gone: say where it went, with the status of a page that is not here.
  const moved = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(request.query);
    const t = oldText[lang];
    return reply
      .status(404)
      .view('message.eta', { ...pageData(lang, '/kommun', t.title), text: t.text, link: { href: inLang('/oversikt/ny', lang), label: t.link } });
  };
  app.get('/kommun', moved);
  app.get('/kommun/*', moved);
};

export default overview;
