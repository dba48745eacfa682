/**
 * Builds API-shaped applications from short descriptions, filling in a valid default for
 * every field not given, so a case says only what it is about. Used by the rule cases, the
 * property tests and the benchmarks.
 */

type Json = Record<string, unknown>;

export interface ApplicationSketch {
  grantYear?: number;
  organiser?: Json;
  teams?: Array<Json & { members?: Json[] }>;
}

const defaultEducation = { school: 'psychosocial_degree', social_services: 'socionomexamen' } as const;

/** One school-side and one social-services member, each full-time for the whole year. */
const defaultMembers: Json[] = [{ side: 'school' }, { side: 'social_services' }];

export function buildApplication(sketch: ApplicationSketch = {}): Json {
  const grantYear = sketch.grantYear ?? 2026;
  let memberNumber = 0;
  const teams = (sketch.teams ?? [{}]).map((team, index) => ({
    name: `Team ${index + 1}`,
    schoolForms: ['grundskola'],
    municipalityCode: '0180',
    ...team,
    members: (team.members ?? defaultMembers).map((member) => {
      memberNumber += 1;
      const side = (member.side ?? 'school') as keyof typeof defaultEducation;
      return {
        id: `m${memberNumber}`,
        side,
        role: side === 'school' ? 'Skolkurator' : 'Skolsocionom',
        engagement: 'employment',
        fte: '1.00',
        start: `${grantYear - 1}-08-01`,
        end: null,
        education: defaultEducation[side],
        origin: 'new',
        monthlySalary: '40000',
        ...member,
      };
    }),
  }));
  return {
    grantYear,
    organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal', ...sketch.organiser },
    teams,
  };
}

/**
 * True when `actual` contains everything `expected` says: objects key by key, arrays element
 * by element with the same length, anything else strictly equal. Returns the first difference.
 */
export function findMismatch(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const mismatch = findMismatch(actual[i], expected[i], `${path}[${i}]`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const mismatch = findMismatch((actual as Json)[key], value, path ? `${path}.${key}` : key);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** A copy of `value` with the value at a random path (chosen by `steps`) replaced by `replacement`. */
export function mutate(value: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[steps[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[key] = mutate(copy[key], steps.slice(1), replacement);
  return copy;
}
