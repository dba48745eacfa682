/**
 * Drafts through the JSON API, so a system can hand an application over to the pages: POST /api/v1/drafts stores an application, possibly incomplete, as a
 * new draft; GET and PUT /api/v1/drafts/{id} read and replace it (PUT with `If-Match: <version>`
 * refuses to overwrite someone else's save with 409). Sharing a draft with a kommun's overview
 * is in overviews.ts. The draft is checked fully only when assessed;
 * here the body must merely be a JSON object, with `teams` an array of objects if present.
 * What it leaves out of a team or member is stored with the API's default (or empty), so GET
 * returns the application with those filled in.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { asDraftData, emptyDraft, type DraftApplication, type DraftData } from '../../drafts/draft-data.ts';
import { VersionConflictError, type Draft } from '../../drafts/store.ts';
import { draftPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import type { Lang } from '../../../rules/types.ts';

type Issue = { path: string; message: string };

const messages = {
  sv: {
    object: 'Utkastet ska vara ett JSON-objekt.',
    teams: 'teams ska vara en lista med team (JSON-objekt).',
    team: 'Teamet ska vara ett JSON-objekt.',
    members: 'members ska vara en lista med personer (JSON-objekt).',
    ifMatch: 'If-Match ska vara utkastets version, ett heltal.',
  },
  en: {
    object: 'The draft must be a JSON object.',
    teams: 'teams must be a list of teams (JSON objects).',
    team: 'The team must be a JSON object.',
    members: 'members must be a list of people (JSON objects).',
    ifMatch: "If-Match must be the draft's version, an integer.",
  },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as a draft's application, or the problems with it. */
function toApplication(body: unknown, lang: Lang): { application: DraftApplication } | { issues: Issue[] } {
  const m = messages[lang];
  if (!isObject(body)) return { issues: [{ path: '', message: m.object }] };
  if (body.teams === undefined) return { application: { ...body, teams: [] } as DraftApplication };
  if (!Array.isArray(body.teams)) return { issues: [{ path: 'teams', message: m.teams }] };
  const issues: Issue[] = [];
  body.teams.forEach((team: unknown, t) => {
    if (!isObject(team)) issues.push({ path: `teams.${t}`, message: m.team });
    else if (team.members !== undefined && (!Array.isArray(team.members) || !team.members.every(isObject))) {
      issues.push({ path: `teams.${t}.members`, message: m.members });
    }
  });
  return issues.length ? { issues } : { application: body as unknown as DraftApplication };
}

/**
 * The API's defaults for what the body leaves out (as parseApplication has them), and empty
 * answers for what is still missing, so the pages can show and edit an API-made draft.
 * A member without an id gets the next p-number.
 */
function withDefaults(application: DraftApplication): DraftApplication {
  let next = nextMemberAfter(application);
  const teams = application.teams.map((team) => ({
    name: '', schoolForms: [], municipalityCode: '', period: null, status: 'new', previouslyGrantedFte: '0', contractEducation: false,
    ...(team as object),
    members: ((team as { members?: object[] }).members ?? []).map((member) => ({
      side: '', role: '', engagement: '', fte: '', start: '', end: null, education: '', educationNote: '', origin: '',
      monthlySalary: '', employerCostRate: '0', otherFundingShare: '0',
      ...member,
      id: typeof (member as { id?: unknown }).id === 'string' ? (member as { id: string }).id : `p${next++}`,
    })),
  }));
  return { ...application, teams };
}

/** The pages number new members p1, p2, …: start after any such id the application already has. */
function nextMemberAfter(application: DraftApplication): number {
  let highest = 0;
  for (const team of application.teams) {
    for (const member of (team as { members?: unknown[] }).members ?? []) {
      const match = /^p(\d{1,6})$/.exec(String((member as { id?: unknown }).id));
      if (match) highest = Math.max(highest, Number(match[1]));
    }
  }
  return highest + 1;
}

function view(draft: Draft) {
  return {
    id: draft.id,
    version: draft.version,
    application: asDraftData(draft.data).application,
    updatedAt: draft.updatedAt,
    expiresAt: draft.expiresAt,
  };
}

const links = (id: string) => ({ self: `/api/v1/drafts/${id}`, page: draftPath(id, 'kontrollera') });
const notFound = (reply: FastifyReply) => reply.status(404).send({ error: 'not_found' });
const invalid = (reply: FastifyReply, issues: Issue[]) => reply.status(400).send({ error: 'invalid_draft', issues });

const drafts: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/drafts', async (request, reply) => {
    const parsed = toApplication(request.body, langOf(request.query));
    if ('issues' in parsed) return invalid(reply, parsed.issues);
    const application = withDefaults(parsed.application);
    const data: DraftData = { ...emptyDraft(), application, nextMember: nextMemberAfter(application) };
    const draft = await app.drafts.create(data);
    return reply.status(201).header('location', links(draft.id).self).send({ id: draft.id, version: draft.version, links: links(draft.id) });
  });

  app.get<{ Params: { id: string } }>('/api/v1/drafts/:id', async (request, reply) => {
    const draft = await app.drafts.get(request.params.id);
    return draft ? view(draft) : notFound(reply);
  });

  app.put<{ Params: { id: string } }>('/api/v1/drafts/:id', async (request, reply) => {
    const lang = langOf(request.query);
    const ifMatch = request.headers['if-match'];
    let expectedVersion: number | undefined;
    if (ifMatch !== undefined) {
      // A version, bare or as an entity tag: 3, "3", W/"3".
      const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(ifMatch).trim());
      if (!match) return invalid(reply, [{ path: 'If-Match', message: messages[lang].ifMatch }]);
      expectedVersion = Number(match[1]);
    }
    const parsed = toApplication(request.body, lang);
    if ('issues' in parsed) return invalid(reply, parsed.issues);
    const current = await app.drafts.get(request.params.id);
    if (!current) return notFound(reply);
    const previous = asDraftData(current.data);
    const application = withDefaults(parsed.application);
    const data: DraftData = {
      application,
      nextMember: Math.max(previous.nextMember, nextMemberAfter(application)),
      lastResult: previous.lastResult,
    };
    try {
      const saved = await app.drafts.save(current.id, data, { expectedVersion });
      return saved ? view(saved) : notFound(reply);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      return reply.status(409).send({ error: 'version_conflict', expectedVersion: error.expectedVersion, version: error.actualVersion });
    }
  });
};

export default drafts;
