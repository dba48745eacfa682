/**
 * An application as far as the user has come, in the public API's shape, so it can be
 * assessed, downloaded and sent to the API as it is: what the forms read answers into and what
 * the store keeps (src/drafts/draft-data.ts builds a draft on it). Every value is the string the
 * API takes; nothing is checked until it is parsed (application.ts).
 */

export interface DraftMember {
  id: string;
  side: string;
  role: string;
  engagement: string;
  fte: string;
  start: string;
  end: string | null;
  education: string;
  educationNote: string;
  origin: string;
  monthlySalary: string;
  employerCostRate: string;
  otherFundingShare: string;
  /** Settlements only (decision D19): the member's actual personnel cost in the team's period from the ledger, kronor. */
  actualCost?: string;
}

export interface DraftTeam {
  /** t1, t2, … (or an id the API was given): never changed or reused in the draft; hand-off links name it. */
  id: string;
  name: string;
  schoolForms: string[];
  municipalityCode: string;
  period: { from: string; to: string } | null;
  status: string;
  previouslyGrantedFte: string;
  contractEducation: boolean;
  members: DraftMember[];
}

export interface DraftApplication {
  grantYear?: number;
  organiser?: { name: string; orgNumber: string; type: string };
  teams: DraftTeam[];
}

/** An application as it arrives (API, import, estimate): teams and members may still lack ids. */
export interface DraftApplicationInput extends Omit<DraftApplication, 'teams'> {
  teams: Array<Omit<DraftTeam, 'id' | 'members'> & { id?: string; members: Array<Omit<DraftMember, 'id'> & { id?: string }> }>;
}
