/**
 * The application as a Fastify plugin: the server and the tests build it the same way.
 * Plugins for every response first (security headers, rate limits, errors, drafts, OpenAPI),
 * then the JSON routes and the pages, each in a scope of its own with only the plugins it uses
 * (a page's cookies, CSRF check and views cost every API request time for nothing), one route
 * file per page or API resource.
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceInfo } from './config.ts';
import drafts, { type DraftsOptions } from './plugins/drafts.ts';
import pdf from './plugins/pdf.ts';
import workerPool from './plugins/worker-pool.ts';
import assessmentPdf from './routes/api/assessment-pdf.ts';
import about from './routes/about.ts';
import accessibility from './routes/accessibility.ts';
import checkAnswers from './routes/journey/check-answers.ts';
import deleteDraft from './routes/journey/delete-draft.ts';
import grantYear from './routes/journey/grant-year.ts';
import handoff from './routes/journey/handoff.ts';
import handoffSection from './routes/handoff-section.ts';
import importSummary from './routes/journey/import-summary.ts';
import member from './routes/journey/member.ts';
import members from './routes/journey/members.ts';
import importMembers from './routes/journey/import-members.ts';
import estimate from './routes/estimate.ts';
import openDraft from './routes/journey/open-draft.ts';
import organiser from './routes/journey/organiser.ts';
import removeMember from './routes/journey/remove-member.ts';
import removeTeam from './routes/journey/remove-team.ts';
import result from './routes/journey/result.ts';
import shareOverview from './routes/journey/share-overview.ts';
import startDraft from './routes/journey/start-draft.ts';
import team from './routes/journey/team.ts';
import teams from './routes/journey/teams.ts';
import errors, { answerNotFound } from './plugins/errors.ts';
import forms from './plugins/forms.ts';
import formErrors from './plugins/form-errors.ts';
import rateLimits, { type RateLimits } from './plugins/rate-limits.ts';
import securityHeaders from './plugins/security-headers.ts';
import assessments from './routes/api/assessments.ts';
import settlements from './routes/api/settlements.ts';
import draftsApi from './routes/api/drafts.ts';
import overviewsApi from './routes/api/overviews.ts';
import ruleSets from './routes/api/rule-sets.ts';
import health from './routes/health.ts';
import openapi from './routes/openapi.ts';
import overview from './routes/overview.ts';
import rules from './routes/rules.ts';
import start from './routes/start.ts';
import views from './plugins/views.ts';
import wayBack from './plugins/way-back.ts';
import settlementOffer from './plugins/settlement-offer.ts';
import startSettlement from './routes/settlement/start.ts';
import decisions from './routes/settlement/decisions.ts';
import settlementResult from './routes/settlement/result.ts';
import settlementPdf from './routes/settlement/pdf.ts';

/** Requests larger than this get 413: room for 20 teams of 50 members with long notes. */
export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** Where drafts are kept: the embedded database's directory, or a PostgreSQL server. */
  drafts: DraftsOptions;
  /** Requests per minute per client; the server passes the configured ones, tests and benchmarks none. */
  rateLimits?: RateLimits;
  /** Who runs the service (the settings SERVICE_*); unset, the pages say it has not been given. */
  service?: ServiceInfo;
}

const app: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  // For every response: security headers, rate limits (classed as each route is added), errors.
  await fastify.register(securityHeaders);
  await fastify.register(rateLimits, options.rateLimits ?? {});
  await fastify.register(errors);
  await fastify.register(drafts, options.drafts);
  // Measures the event loop for /readyz; without limits it adds no hook to any request.
  await fastify.register(underPressure, { eventLoopUtilizationMode: 'interval' });
  await fastify.register(workerPool);
  await fastify.register(pdf);
  // Before any route, so that every JSON route's schema is in /openapi.json.
  await fastify.register(openapi);

  // The JSON routes, in a scope of their own: no views, cookies, CSRF or form parsers run for them.
  await fastify.register(async (json) => {
    await json.register(health);
    await json.register(assessments);
    await json.register(assessmentPdf);
    await json.register(settlements);
    await json.register(ruleSets);
    await json.register(draftsApi);
    await json.register(overviewsApi);
  });

  // The pages: views with the way back to a draft, cookies and CSRF, urlencoded and multipart forms.
  await fastify.register(async (pages) => {
    await pages.register(views);
    await pages.register(wayBack);
    await pages.register(formErrors);
    await pages.register(settlementOffer);
    await pages.register(forms);
    pages.setNotFoundHandler(answerNotFound);
    await pages.register(start);
    await pages.register(rules);
    await pages.register(accessibility, { service: options.service ?? {} });
    await pages.register(about, { service: options.service ?? {} });
    await pages.register(estimate);
    // For the kommun's finance staff: an overview by link, of the drafts shared into it.
    await pages.register(overview);
    // The guided check, in the order of src/journey.ts.
    await pages.register(startDraft);
    await pages.register(openDraft);
    await pages.register(importSummary);
    await pages.register(grantYear);
    await pages.register(organiser);
    await pages.register(teams);
    await pages.register(team);
    await pages.register(removeTeam);
    await pages.register(members);
    await pages.register(importMembers);
    await pages.register(member);
    await pages.register(removeMember);
    // Hand-off: the coordinator shares one side of a team with a link (no account) and sees the history.
    await pages.register(handoff);
    await pages.register(handoffSection);
    await pages.register(startSettlement);
    await pages.register(decisions);
    await pages.register(settlementResult);
    await pages.register(settlementPdf);
    await pages.register(checkAnswers);
    await pages.register(result);
    await pages.register(shareOverview);
    await pages.register(deleteDraft);
  });
};

export default app;
