import { ministryForPost, type MinistryDirectory } from '@question-desk/ministries';

/**
 * The lead ministry a set's posts point to on a day (the set's submission date): the first post
 * that names a department valid then.
 */
export function proposedLeadMinistry(directory: MinistryDirectory, posts: readonly (string | null | undefined)[], on: string): string | null {
  for (const post of posts) {
    const code = post ? ministryForPost(directory, post, on) : null;
    if (code) return code;
  }
  return null;
}

/** The co-signing ministries these posts point to on that day: their departments other than the lead, once each. */
export function proposedCoSigningMinistries(directory: MinistryDirectory, posts: readonly string[], lead: string | null, on: string): string[] {
  const codes = posts.map((post) => ministryForPost(directory, post, on)).filter((code): code is string => code !== null && code !== lead);
  return [...new Set(codes)];
}
