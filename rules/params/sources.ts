/**
 * Where each parameter comes from. Confidence: P = primary (the ordinance, the agencies' own
 * pages), G = a government press release, S = a secondary paraphrase (a strong lead, shown to
 * users as the agency's guidance, never as the ordinance's wording).
 */
export interface Source {
  title: string;
  url: string;
  confidence: 'P' | 'G' | 'S';
}

export const sources = {
  ordinance: {
    title: 'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team',
    url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/forordning-2023179-om-statsbidrag-for_sfs-2023-179/',
    confidence: 'P',
  },
  reprint: {
    title: 'Förordning (2023:179) i lydelse enligt SFS 2023:946 (omtryck, tillämpas från bidragsår 2024)',
    url: 'https://lagen.nu/2023:179',
    confidence: 'S',
  },
  skolverket2023: {
    title: 'Skolverket: Statsbidrag för personalkostnader för skolsociala team 2023',
    url: 'https://www.skolverket.se/skolutveckling/statsbidrag/statsbidrag-for-personalkostnader-for-skolsociala-team-2023',
    confidence: 'P',
  },
  skolverket2026: {
    title: 'Skolverket: Statsbidrag för personalkostnader för skolsociala team 2026',
    url: 'https://www.skolverket.se/styrning-och-ansvar/statsbidrag/hitta-statsbidrag/statsbidrag-for-personalkostnader-for-skolsociala-team-2026',
    confidence: 'S',
  },
  socialstyrelsen2024: {
    title: 'Socialstyrelsen: Skolsociala team 2024',
    url: 'https://statsbidrag.socialstyrelsen.se/kommuner/skolsociala-team-2024/',
    confidence: 'P',
  },
  socialstyrelsen2026: {
    title: 'Socialstyrelsen: Anvisningar för statsbidrag till skolsociala team 2026',
    url: 'https://statsbidrag.socialstyrelsen.se/globalassets/dokument/anvisningar/statsbidrag-anvisningar-skolsociala-team-2026.pdf',
    confidence: 'S',
  },
  government2025: {
    title: 'Regeringen: Starkt förebyggande arbete och tryggare skyddsnät (december 2025)',
    url: 'https://www.regeringen.se/pressmeddelanden/2025/12/starkt-forebyggande-arbete-och-tryggare-skyddsnat/',
    confidence: 'G',
  },
} as const satisfies Record<string, Source>;
