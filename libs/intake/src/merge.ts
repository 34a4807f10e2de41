/** Whether two values of a field are the same (text compared without surrounding or doubled spaces). */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value ?? null;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * What the intake does with one field of a set when the open data brings `feed`, given what the
 * desk holds (`desk`) and what the open data said last time (`old`; undefined when it never said):
 * - `keep`: nothing to do (the same already, or only the desk changed it: the desk's change stands);
 * - `take`: the desk still holds what the open data said before, or nothing: take the new value;
 * - `conflict`: the desk changed it by hand and the open data changed it too, differently.
 */
export function mergeField(desk: unknown, old: unknown, feed: unknown): 'keep' | 'take' | 'conflict' {
  if (same(desk, feed)) return 'keep';
  if (isEmpty(feed)) return 'keep';
  if (isEmpty(desk)) return 'take';
  if (old !== undefined && same(desk, old)) return 'take';
  if (old !== undefined && same(feed, old)) return 'keep';
  return 'conflict';
}
