/**
 * The departments (ministeries) the desk works with, and the posts of office holders that each
 * department supports. A minister without a department of their own ("Minister voor …") belongs to
 * the department that supports them. This table is the one place that knows this.
 */
export const MINISTRY_CODES = ['AZ', 'BZ', 'BZK', 'Def', 'EZK', 'Fin', 'IenW', 'JenV', 'LNV', 'OCW', 'SZW', 'VWS'] as const;
export type MinistryCode = (typeof MINISTRY_CODES)[number];

export interface MinistryDefinition {
  code: MinistryCode;
  /** The department's name as written after "Minister van …". */
  name: string;
  /** Earlier or shortened names that still appear in documents. */
  formerNames: string[];
  /** Posts without a department of their own supported by this one, written after "Minister voor …". */
  portfolios: string[];
}

export const MINISTRIES: readonly MinistryDefinition[] = [
  { code: 'AZ', name: 'Algemene Zaken', formerNames: [], portfolios: [] },
  {
    code: 'BZ',
    name: 'Buitenlandse Zaken',
    formerNames: [],
    portfolios: ['Buitenlandse Handel en Ontwikkelingssamenwerking', 'Ontwikkelingssamenwerking', 'Europese Zaken'],
  },
  {
    code: 'BZK',
    name: 'Binnenlandse Zaken en Koninkrijksrelaties',
    formerNames: ['Binnenlandse Zaken'],
    portfolios: ['Volkshuisvesting en Ruimtelijke Ordening', 'Wonen en Rijksdienst', 'Milieu en Wonen'],
  },
  { code: 'Def', name: 'Defensie', formerNames: [], portfolios: [] },
  {
    code: 'EZK',
    name: 'Economische Zaken en Klimaat',
    formerNames: ['Economische Zaken', 'Economische Zaken, Landbouw en Innovatie'],
    portfolios: ['Klimaat en Energie'],
  },
  { code: 'Fin', name: 'Financiën', formerNames: [], portfolios: [] },
  {
    code: 'IenW',
    name: 'Infrastructuur en Waterstaat',
    formerNames: ['Infrastructuur en Milieu', 'Verkeer en Waterstaat'],
    portfolios: [],
  },
  {
    code: 'JenV',
    name: 'Justitie en Veiligheid',
    formerNames: ['Veiligheid en Justitie', 'Justitie'],
    portfolios: ['Rechtsbescherming', 'Migratie', 'Vreemdelingenzaken en Integratie'],
  },
  {
    code: 'LNV',
    name: 'Landbouw, Natuur en Voedselkwaliteit',
    formerNames: ['Landbouw, Visserij, Voedselzekerheid en Natuur'],
    portfolios: ['Natuur en Stikstof'],
  },
  {
    code: 'OCW',
    name: 'Onderwijs, Cultuur en Wetenschap',
    formerNames: [],
    portfolios: ['Basis- en Voortgezet Onderwijs en Media', 'Primair en Voortgezet Onderwijs'],
  },
  {
    code: 'SZW',
    name: 'Sociale Zaken en Werkgelegenheid',
    formerNames: [],
    portfolios: ['Armoedebeleid, Participatie en Pensioenen'],
  },
  {
    code: 'VWS',
    name: 'Volksgezondheid, Welzijn en Sport',
    formerNames: [],
    portfolios: ['Medische Zorg', 'Medische Zorg en Sport', 'Langdurige Zorg en Sport'],
  },
];

export function isMinistryCode(value: string): value is MinistryCode {
  return (MINISTRY_CODES as readonly string[]).includes(value);
}

export function ministryName(code: MinistryCode): string {
  return MINISTRIES.find((m) => m.code === code)!.name;
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The department behind a post as written in a document: "de Minister van Justitie en Veiligheid",
 * "Staatssecretaris van Economische Zaken en Klimaat", "Minister voor Buitenlandse Handel en
 * Ontwikkelingssamenwerking", "minister Blok (Buitenlandse Zaken)", or just a department or
 * portfolio name. Returns null when no department is named.
 */
export function ministryForPost(post: string): MinistryCode | null {
  const text = normalise(post);
  if (/minister-president/.test(text)) return 'AZ';
  let best: { code: MinistryCode; length: number } | null = null;
  for (const ministry of MINISTRIES) {
    for (const name of [ministry.name, ...ministry.formerNames, ...ministry.portfolios]) {
      const needle = normalise(name);
      if (text.includes(needle) && (!best || needle.length > best.length)) {
        best = { code: ministry.code, length: needle.length };
      }
    }
  }
  return best?.code ?? null;
}
