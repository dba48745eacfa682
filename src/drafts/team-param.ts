/** The :team and :member route parameters: "ny" for a new one, else an existing one (404 otherwise). */
import type { FastifyRequest } from 'fastify';
import type { DraftData } from './draft-data.ts';
import { NotFoundError } from './load.ts';

/** The team's index from its number in the path (1-based), or 'ny'. */
export function teamParam(request: FastifyRequest, data: DraftData, { allowNew = false } = {}): number | 'ny' {
  const { team } = request.params as { team: string };
  if (allowNew && team === 'ny') return 'ny';
  const index = /^[1-9]\d{0,2}$/.test(team) ? Number(team) - 1 : -1;
  if (index < 0 || index >= data.application.teams.length) throw new NotFoundError();
  return index;
}

export function existingTeam(request: FastifyRequest, data: DraftData): number {
  return teamParam(request, data) as number;
}

/** The member's position in the team, or 'ny'. */
export function memberParam(request: FastifyRequest, data: DraftData, team: number, { allowNew = false } = {}): number | 'ny' {
  const { member } = request.params as { member: string };
  if (allowNew && member === 'ny') return 'ny';
  const index = data.application.teams[team].members.findIndex((m) => m.id === member);
  if (index < 0) throw new NotFoundError();
  return index;
}
