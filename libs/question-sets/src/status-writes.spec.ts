import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SetChanges } from './question-set.store';
import { allowsFrom, nextStatus } from './workflow';

/** Every .ts file of the libraries and apps that runs in the desk (no tests, no migrations). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' || name === 'node_modules' || name === 'web' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('every change of a set status goes through the workflow table (issue 11)', () => {
  const root = join(__dirname, '..', '..', '..');
  const files = [...sources(join(root, 'libs')), ...sources(join(root, 'apps'))];

  it('QuestionSetStore.update takes a status only from nextStatus: one written by hand does not compile', () => {
    const fromTheTable: SetChanges = { status: nextStatus('withdraw', { status: 'drafting', coSigners: 0, unsignedAfter: 0 }) };
    // @ts-expect-error a status that did not come from the table (npm run typecheck fails if this compiles)
    const byHand: SetChanges = { status: 'answered' };
    expect(fromTheTable.status).toBe('withdrawn');
    expect(byHand.status).toBe('answered');
  });

  it('writes no status of a set in SQL, nor through TypeORM around the store', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = [
        ...text.matchAll(/UPDATE\s+question_set\s+(?:\w+\s+)?SET\b[^`;]*?\bstatus\s*=/gi),
        ...text.matchAll(/\.(?:update|save|insert|upsert)\(\s*QuestionSet\b(?![A-Za-z])/g),
      ];
      return found.map((match) => `${relative(root, file)}: ${match[0].replace(/\s+/g, ' ').slice(0, 80)}`);
    });
    // The store's own update is the one way in.
    expect(offenders).toEqual([
      'libs/question-sets/src/question-set.store.ts: .update(QuestionSet', // update(): SetChanges
    ]);
  });

  it('lets imported answers close an open set only: never a withdrawn or an answered one', () => {
    expect(allowsFrom('import-answers', 'withdrawn')).toBe(false);
    expect(allowsFrom('import-answers', 'answered')).toBe(false);
    expect(allowsFrom('import-answers', 'drafting')).toBe(true);
  });
});
