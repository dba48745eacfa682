/**
 * The application as a Fastify plugin: the server and the tests build it the same way.
 * Plugins first (security headers, views, error handling, forms, drafts), then one route file
 * per page or API resource.
 */
import type { FastifyPluginAsync } from 'fastify';
import underPressure from '@fastify/under-pressure';
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
import errors from './plugins/errors.ts';
import forms from './plugins/forms.ts';
import formErrors from './plugins/form-errors.ts';
import rateLimits, { type RateLimits } from './plugins/rate-limits.ts';
import securityHeaders from './plugins/security-headers.ts';
import assessments from './routes/api/assessments.ts';
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
  await fastify.register(securityHeaders);
  // Before any route, so that every route is classed as it is added.
  await fastify.register(rateLimits, options.rateLimits ?? {});
  await fastify.register(views);
  await fastify.register(wayBack);
  await fastify.register(errors);
  await fastify.register(forms);
  await fastify.register(drafts, options.drafts);
  await fastify.register(formErrors);
  // Measures the event loop for /readyz only: no limits here, so it turns no request away.
  await fastify.register(underPressure, { eventLoopUtilizationMode: 'interval' });
  await fastify.register(workerPool);
  await fastify.register(pdf);
  await fastify.register(health);
  await fastify.register(assessments);
  await fastify.register(assessmentPdf);
  await fastify.register(ruleSets);
  await fastify.register(draftsApi);
  await fastify.register(overviewsApi);
  await fastify.register(openapi);
  await fastify.register(start);
  await fastify.register(rules);
  await fastify.register(accessibility, { service: options.service ?? {} });
  await fastify.register(about, { service: options.service ?? {} });
  await fastify.register(estimate);
  // For the kommun's finance staff: an overview by link, of the drafts shared into it.
  await fastify.register(overview);
  // The guided check, in the order of src/journey.ts.
  await fastify.register(startDraft);
  await fastify.register(openDraft);
  await fastify.register(importSummary);
  await fastify.register(grantYear);
  await fastify.register(organiser);
  await fastify.register(teams);
  await fastify.register(team);
  await fastify.register(removeTeam);
  await fastify.register(members);
  await fastify.register(importMembers);
  await fastify.register(member);
  await fastify.register(removeMember);
  // Hand-off: the coordinator shares one side of a team with a link (no account) and sees the history.
  await fastify.register(handoff);
  await fastify.register(handoffSection);
  await fastify.register(checkAnswers);
  await fastify.register(result);
  await fastify.register(shareOverview);
  await fastify.register(deleteDraft);
};

export default app;
