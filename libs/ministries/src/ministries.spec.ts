import { ministryForPost, MINISTRIES, MINISTRY_CODES } from './ministries';

describe('ministryForPost', () => {
  it.each([
    ['Minister van Buitenlandse Zaken', 'BZ'],
    ['de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', 'BZ'],
    ['Minister van Justitie en Veiligheid', 'JenV'],
    ['Minister voor Rechtsbescherming', 'JenV'],
    ['Staatssecretaris van Economische Zaken en Klimaat', 'EZK'],
    ['Minister van Landbouw, Natuur en Voedselkwaliteit', 'LNV'],
    ['Minister-President', 'AZ'],
    ['minister **Blok** (Buitenlandse Zaken)', 'BZ'],
    ['Minister voor Medische Zorg', 'VWS'],
    ['Minister van Financiën', 'Fin'],
  ])('%s → %s', (post, code) => {
    expect(ministryForPost(post)).toBe(code);
  });

  it('prefers the longest name, so "Binnenlandse Zaken en Koninkrijksrelaties" is not read as another "Zaken"', () => {
    expect(ministryForPost('Minister van Binnenlandse Zaken en Koninkrijksrelaties')).toBe('BZK');
    expect(ministryForPost('Minister van Economische Zaken')).toBe('EZK');
  });

  it('returns null when no department is named', () => {
    expect(ministryForPost('de Voorzitter')).toBeNull();
  });

  it('lists every code of the contract exactly once', () => {
    expect(MINISTRIES.map((m) => m.code).sort()).toEqual([...MINISTRY_CODES].sort());
  });
});
