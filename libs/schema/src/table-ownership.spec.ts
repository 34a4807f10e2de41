import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each capability owns its tables: no library's code (its migrations aside, which are history)
 * reads or writes a table another library creates. What others need, the owner exports: a query
 * function, or a view it creates (question_set_facts, desk_person).
 */
const LIBS = join(__dirname, '..', '..');

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const libraries = readdirSync(LIBS).filter((name) => statSync(join(LIBS, name, 'src')).isDirectory());
const owned = new Map<string, string>(); // table → library
for (const library of libraries) {
  for (const file of files(join(LIBS, library, 'src')).filter((f) => f.includes('/migrations/'))) {
    for (const [, table] of readFileSync(file, 'utf8').matchAll(/CREATE TABLE ([a-z_]+)/g)) owned.set(table, library);
  }
}

// Where SQL names a table: after FROM, JOIN, INTO, UPDATE, TABLE; or TypeORM's string entity names.
const SQL_REFERENCE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g;

describe('table ownership', () => {
  it('knows the tables of the desk', () => {
    expect([...owned.keys()]).toEqual(expect.arrayContaining(['question_set', 'app_user', 'audit_event', 'reminder', 'ministry']));
  });

  it.each(libraries)('libs/%s names no table of another library', (library) => {
    const trespasses: string[] = [];
    for (const file of files(join(LIBS, library, 'src')).filter((f) => !f.includes('/migrations/') && !f.endsWith('.spec.ts'))) {
      for (const [, table] of readFileSync(file, 'utf8').matchAll(SQL_REFERENCE)) {
        const owner = owned.get(table);
        if (owner && owner !== library) trespasses.push(`${relative(LIBS, file)}: ${table} (libs/${owner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });
});
