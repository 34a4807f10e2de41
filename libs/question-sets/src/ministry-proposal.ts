import { ministryForPost, type MinistryCode } from '@question-desk/ministries';

/** The lead ministry a set's posts point to: the first post that names a department. */
export function proposedLeadMinistry(posts: readonly (string | null | undefined)[]): MinistryCode | null {
  for (const post of posts) {
    const code = post ? ministryForPost(post) : null;
    if (code) return code;
  }
  return null;
}

/** The co-signing ministries these posts point to: their departments other than the lead, once each. */
export function proposedCoSigningMinistries(posts: readonly string[], lead: string | null): MinistryCode[] {
  const codes = posts.map(ministryForPost).filter((code): code is MinistryCode => code !== null && code !== lead);
  return [...new Set(codes)];
}
