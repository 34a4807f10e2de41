/**
 * The departments (ministeries) and the posts of office holders each department supports, as the
 * desk keeps them: data an administrator manages (ministries.service.ts), valid from one date to
 * another, because every cabinet changes them. A minister without a department of their own
 * ("Minister voor Buitenlandse Handel en Ontwikkelingshulp") belongs to the department that
 * supports them. The functions here are pure: they read a directory loaded from the database.
 */

/** The shape of a ministry code ("BZ", "JenV", "AenM"); whether it exists is the directory's business. */
export const MINISTRY_CODE_PATTERN = /^[A-Za-z]{1,8}$/;

/** "YYYY-MM-DD" in Europe/Amsterdam; null: open-ended. */
type Day = string;

export interface ValidityPeriod {
  validFrom: Day | null;
  validUntil: Day | null;
}

export interface MinistryRecord extends ValidityPeriod {
  code: string;
  /** The department's name as written after "Minister van …". */
  name: string;
}

export interface PostRecord extends ValidityPeriod {
  id: string;
  /** The post as written in documents: "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking". */
  title: string;
  ministryCode: string;
}

export interface MinistryDirectory {
  ministries: readonly MinistryRecord[];
  posts: readonly PostRecord[];
}

/** Whether a period holds a day (both ends included). */
export function isValidOn(period: ValidityPeriod, day: Day): boolean {
  return (period.validFrom === null || period.validFrom <= day) && (period.validUntil === null || period.validUntil >= day);
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * What a post's title names, without the office: "Minister voor Medische Zorg" → "medische zorg",
 * "Staatssecretaris van Financiën" → "financiën". A title without "van"/"voor" ("Minister-President")
 * stays whole.
 */
export function portfolioOf(title: string): string {
  return normalise(title).replace(/^(de |het )?(minister|staatssecretaris|bewindspersoon)\s+(van|voor)\s+/, '');
}

/**
 * The department behind a post as written in a document on a given day: "de Minister van Justitie
 * en Veiligheid", "Staatssecretaris van Economische Zaken en Klimaat", "Minister voor Buitenlandse
 * Handel en Ontwikkelingssamenwerking", "minister Blok (Buitenlandse Zaken)", or just a
 * department's or portfolio's name. Only ministries and posts valid on that day count; the longest
 * name found wins, so "Binnenlandse Zaken en Koninkrijksrelaties" is not read as another "Zaken".
 * Returns null when no department is named.
 */
export function ministryForPost(directory: MinistryDirectory, post: string, on: Day): string | null {
  const text = normalise(post);
  let best: { code: string; length: number } | null = null;
  const consider = (code: string, name: string) => {
    const needle = normalise(name);
    if (needle && text.includes(needle) && (!best || needle.length > best.length)) best = { code, length: needle.length };
  };
  for (const ministry of directory.ministries) if (isValidOn(ministry, on)) consider(ministry.code, ministry.name);
  for (const held of directory.posts) if (isValidOn(held, on)) consider(held.ministryCode, portfolioOf(held.title));
  return (best as { code: string } | null)?.code ?? null;
}
