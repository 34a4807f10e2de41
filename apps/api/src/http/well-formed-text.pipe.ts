import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one piece of text a client sent, or null when the database can store it. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which text cannot hold; remove it';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (half of a UTF-16 pair, such as \\ud800); send valid Unicode text';
  return null;
}

/** Every problem in the strings (and field names) of a body or query, each named by its path. */
export function textProblems(value: unknown, path: string, problems: string[] = []): string[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems.push(`${path} ${problem}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textProblems(item, `${path}[${i}]`, problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const named = path ? `${path}.${key}` : key;
      const keyProblem = textProblem(key);
      if (keyProblem) problems.push(`the field name ${JSON.stringify(key)} ${keyProblem}`);
      else textProblems(item, named, problems);
    }
  }
  return problems;
}

const WHERE: Partial<Record<ArgumentMetadata['type'], string>> = { body: 'the body', query: 'the query', param: 'the path' };

/**
 * One rule for every way text comes in (JSON bodies, query strings, path parameters):
 * no NUL characters and no lone surrogates, which PostgreSQL refuses. Runs before validation, so a
 * client gets a 400 naming the field instead of a database error.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const where = WHERE[metadata.type];
    // A document (a text body) is checked where it is read: the import route says "not UTF-8 text".
    if (!where || (metadata.type === 'body' && typeof value === 'string')) return value;
    const problems = textProblems(value, metadata.data ?? (typeof value === 'string' ? where : ''));
    if (problems.length) throw new BadRequestException(problems.slice(0, 20));
    return value;
  }
}
