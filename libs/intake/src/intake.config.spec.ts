import { readConfig } from '@question-desk/config';
import { intakeConfig } from './intake.config';

const read = (env: Record<string, string>) => readConfig([intakeConfig], env).intake;

describe('the intake settings', () => {
  it('are on in production and off elsewhere unless TK_INTAKE=on, every 15 minutes, all ministries', () => {
    expect(read({ NODE_ENV: 'production' })).toMatchObject({ enabled: true, everyMs: 15 * 60_000, deskMinistries: null });
    expect(read({ NODE_ENV: 'development' }).enabled).toBe(false);
    expect(read({ NODE_ENV: 'development', TK_INTAKE: 'on' }).enabled).toBe(true);
    expect(read({ NODE_ENV: 'production', TK_INTAKE: 'off' }).enabled).toBe(false);
    expect(read({}).odataUrl).toBe('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0');
  });

  it('take DESK_MINISTRIES as codes and say which are not codes (which ministries exist is data, GET /api/ministries)', () => {
    expect(read({ DESK_MINISTRIES: 'BZ, JenV' }).deskMinistries).toEqual(['BZ', 'JenV']);
    expect(() => read({ DESK_MINISTRIES: 'BZ,Foo Bar' })).toThrow(/DESK_MINISTRIES must be all, or ministry codes .*not a code: Foo Bar/);
    expect(() => read({ TK_INTAKE: 'yes' })).toThrow(/TK_INTAKE must be on or off/);
    expect(() => read({ TK_INTAKE_EVERY: '10s' })).toThrow(/TK_INTAKE_EVERY must be a duration/);
  });
});
