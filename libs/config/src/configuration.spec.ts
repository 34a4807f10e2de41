import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigurationError, configPart, readConfig, readDotEnv, wholeNumber } from './configuration';

describe('readConfig', () => {
  const part = configPart({
    variables: { SIZE: wholeNumber(1, 9, 'a whole number from 1 to 9').default(3), NAME: z.string().min(3, 'must be at least 3 letters').optional() },
    read: (e, desk) => ({ size: e.SIZE, where: desk.publicUrl }) as object,
  });

  it("reads the desk-wide settings and each part's own variables, told all at once", () => {
    expect(readConfig([part], { PORT: '8080' })).toMatchObject({ port: 8080, size: 3, where: 'http://localhost:8080' });
    expect(() => readConfig([part], { PORT: 'x', SIZE: '10', NAME: 'ab' })).toThrow(
      new ConfigurationError([
        'Configuration: PORT must be a port number from 1 to 65535 (got "x")',
        'Configuration: SIZE must be a whole number from 1 to 9 (got "10")',
        'Configuration: NAME must be at least 3 letters (got "ab")',
      ]),
    );
  });

  it('refuses two parts that read the same variable', () => {
    expect(() => readConfig([part, part], {})).toThrow('More than one part of the configuration reads SIZE, NAME');
  });

  it('reads .env into the environment once, for every process, without overriding what the environment sets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'QD_SPEC_FROM_FILE=file\nQD_SPEC_SET_BOTH=file\n');
    process.env.QD_SPEC_SET_BOTH = 'environment';
    try {
      readDotEnv(file);
      expect(process.env.QD_SPEC_FROM_FILE).toBe('file');
      expect(process.env.QD_SPEC_SET_BOTH).toBe('environment');
    } finally {
      delete process.env.QD_SPEC_FROM_FILE;
      delete process.env.QD_SPEC_SET_BOTH;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
