import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AccountsService, isRole } from '@question-desk/accounts';
import { SYSTEM_ACTOR } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { DocumentImportService, QuestionSetsService, type ImportResult } from '@question-desk/question-sets';

interface DemoAccount {
  email: string;
  name: string;
  roles: string[];
  ministry: string | null;
}

/** One line a desk officer can read: what a document did. */
export function describeImport(file: string, result: ImportResult): string {
  const set = result.questionSet;
  const name = set.reference ?? (set.appendixNumber ? `appendix ${set.appendixNumber}` : set.id);
  const verb = !result.changed ? 'already imported, unchanged' : result.created ? 'created' : 'completed';
  const counts = `${set.questions?.length ?? 0} questions, ${set.answers?.length ?? 0} answers`;
  const warnings = result.warnings.length
    ? `; ${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'}: ${result.warnings.join(' | ')}`
    : '';
  return `${file}: ${verb} ${name} — ${set.subject ?? '(no subject)'} (${result.kind}; ${counts}; status ${set.status}, deadline ${set.deadline ?? 'unknown'})${warnings}`;
}

/** The demo data: the sample documents and the demo accounts. Never in production. */
@Injectable()
export class DemoSeed {
  constructor(
    private readonly accounts: AccountsService,
    private readonly questionSets: QuestionSetsService,
    private readonly documents: DocumentImportService,
    private readonly config: DeskConfigService,
  ) {}

  /** True when the desk holds no accounts and no question sets yet. */
  async isEmpty(): Promise<boolean> {
    return !(await this.accounts.existsAny()) && !(await this.questionSets.existsAny());
  }

  hasDemoAccounts(): Promise<boolean> {
    return this.accounts.exists('desk@example.org');
  }

  async run(seedsDirectory: string, report: (line: string) => void): Promise<void> {
    if (this.config.values.environment === 'production') {
      throw new Error('The demo seed never runs in production (NODE_ENV=production).');
    }
    const accounts = JSON.parse(await readFile(join(seedsDirectory, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
    for (const account of accounts) {
      await this.accounts.create({
        email: account.email,
        name: account.name,
        password: this.config.values.demoPassword,
        roles: account.roles.filter(isRole),
        ministryCode: account.ministry,
      });
      report(`demo account ${account.email} (${account.roles.join(', ')}${account.ministry ? `, ${account.ministry}` : ''})`);
    }
    const files = (await readdir(seedsDirectory)).filter((f) => f.endsWith('.txt')).sort();
    for (const [index, file] of files.entries()) {
      const text = await readFile(join(seedsDirectory, file), 'utf8');
      const result = await this.documents.importDocument(text, SYSTEM_ACTOR);
      report(`[${index + 1}/${files.length}] ${describeImport(file, result)}`);
    }
  }
}
