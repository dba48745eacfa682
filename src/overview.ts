/**
 * The kommun's overview as its page, its CSV and the JSON API have it: the record its key opens,
 * the rows of the teams shared into it (as the store counts them) summed by rules/overview.ts,
 * and Socialstyrelsen's window for the requisition. What the overview shows and why:
 * src/routes/overview.ts.
 */
import { municipalityName } from '../forms/municipalities.ts';
import { type OverviewRequisition, type OverviewTeam, type OverviewTotals, sumOverview } from '../rules/overview.ts';
import type { DraftStore } from './drafts/store.ts';
import { type WindowData, windowOf } from './windows.ts';

export interface Overview {
  municipalityCode: string;
  municipality: string;
  grantYear: number;
  /** By huvudman, then team. */
  teams: OverviewTeam[];
  /**
   * Sums of the rows. `byTeamStatus` splits the teams from applications by status (D18);
   * `decided` is the part from teams with Skolverket's decision entered (settlements). The
   * parts add up to the totals.
   */
  totals: OverviewTotals;
  /** What the kommun requisitions from Socialstyrelsen: the decided grants of its teams (D22), and when. */
  requisition: OverviewRequisition & { window: WindowData | null };
  /** Shared drafts that could not be counted: incomplete, or with no team in the kommun for the year any more. */
  uncounted: number;
  expiresAt: string;
}

/** The overview its key opens, with its figures; undefined for an unknown, renewed or revoked key. */
export async function loadOverview(store: DraftStore, key: string): Promise<Overview | undefined> {
  const record = await store.openOverview(key);
  if (!record) return undefined;
  const figures = await store.overviewFigures(record);
  const { teams, totals, requisition } = sumOverview(figures.teams);
  return {
    municipalityCode: record.municipalityCode,
    municipality: municipalityName(record.municipalityCode) ?? '',
    grantYear: record.grantYear,
    teams,
    totals,
    requisition: { ...requisition, window: windowOf(record.grantYear, 'requisition') },
    uncounted: figures.uncounted,
    expiresAt: record.expiresAt,
  };
}

/** The paths of an overview, for the pages and the API's links. */
export const overviewPath = (key: string, rest = ''): string => `/oversikt/${key}${rest}`;
