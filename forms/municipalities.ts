import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A Swedish kommun as SCB codes it (kommunkod, four digits; länskod, two digits). */
export interface Municipality {
  code: string;
  name: string;
  countyCode: string;
}

interface Row {
  kommunkod: string;
  namn: string;
  lanskod: string;
}

/** All 290 kommuner, in the order of municipalities.csv (by kommunkod). Read once, at load. */
export const municipalities: ReadonlyArray<Readonly<Municipality>> = Object.freeze(
  (
    parse(readFileSync(new URL('./municipalities.csv', import.meta.url)), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as Row[]
  ).map((row) => Object.freeze({ code: row.kommunkod, name: row.namn, countyCode: row.lanskod })),
);

const byCode = new Map(municipalities.map((m) => [m.code, m]));

/** The kommuner by name, as a list to choose from (Swedish order: Å, Ä, Ö last). */
export const municipalitiesByName: ReadonlyArray<Readonly<Municipality>> = Object.freeze(
  [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
);

/** "Stockholm (0180)"; the code alone for an unknown one. */
export function municipalityLabel(code: string): string {
  const name = municipalityName(code);
  return name ? `${name} (${code})` : code;
}

/** The kommun's name for a kommunkod, e.g. "0180" → "Stockholm"; undefined for an unknown code. */
export function municipalityName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

export function isMunicipalityCode(code: string): boolean {
  return byCode.has(code);
}
