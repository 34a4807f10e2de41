import { isValidOn, ministryForPost, portfolioOf, type MinistryDirectory } from './ministries';

/** A directory as an administrator might keep it: the 2024 cabinet split EZK and moved housing to VRO. */
const directory: MinistryDirectory = {
  ministries: [
    { code: 'AZ', name: 'Algemene Zaken', validFrom: null, validUntil: null },
    { code: 'BZ', name: 'Buitenlandse Zaken', validFrom: null, validUntil: null },
    { code: 'BZK', name: 'Binnenlandse Zaken en Koninkrijksrelaties', validFrom: null, validUntil: null },
    { code: 'EZK', name: 'Economische Zaken en Klimaat', validFrom: null, validUntil: '2024-07-01' },
    { code: 'EZ', name: 'Economische Zaken', validFrom: '2024-07-02', validUntil: null },
    { code: 'KGG', name: 'Klimaat en Groene Groei', validFrom: '2024-07-02', validUntil: null },
    { code: 'VRO', name: 'Volkshuisvesting en Ruimtelijke Ordening', validFrom: '2024-07-02', validUntil: null },
    { code: 'JenV', name: 'Justitie en Veiligheid', validFrom: null, validUntil: null },
    { code: 'VWS', name: 'Volksgezondheid, Welzijn en Sport', validFrom: null, validUntil: null },
  ],
  posts: [
    { id: '1', title: 'Minister-President', ministryCode: 'AZ', validFrom: null, validUntil: null },
    { id: '2', title: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', ministryCode: 'BZ', validFrom: null, validUntil: '2024-07-01' },
    { id: '3', title: 'Minister voor Buitenlandse Handel en Ontwikkelingshulp', ministryCode: 'BZ', validFrom: '2024-07-02', validUntil: null },
    { id: '4', title: 'Minister voor Volkshuisvesting en Ruimtelijke Ordening', ministryCode: 'BZK', validFrom: '2022-01-10', validUntil: '2024-07-01' },
    { id: '5', title: 'Minister van Economische Zaken', ministryCode: 'EZK', validFrom: null, validUntil: '2024-07-01' },
    { id: '6', title: 'Minister voor Rechtsbescherming', ministryCode: 'JenV', validFrom: null, validUntil: null },
    { id: '7', title: 'Minister voor Medische Zorg', ministryCode: 'VWS', validFrom: null, validUntil: null },
  ],
};

describe('ministryForPost', () => {
  it.each([
    ['Minister van Buitenlandse Zaken', '2020-12-22', 'BZ'],
    ['de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', '2020-12-22', 'BZ'],
    ['Minister voor Buitenlandse Handel en Ontwikkelingshulp', '2025-03-01', 'BZ'],
    ['Minister voor Rechtsbescherming', '2020-12-22', 'JenV'],
    ['Staatssecretaris van Economische Zaken en Klimaat', '2020-12-22', 'EZK'],
    ['Minister-President', '2020-12-22', 'AZ'],
    ['minister **Blok** (Buitenlandse Zaken)', '2020-12-22', 'BZ'],
    ['Minister voor Medische Zorg', '2020-12-22', 'VWS'],
  ])('%s on %s → %s', (post, on, code) => {
    expect(ministryForPost(directory, post, on)).toBe(code);
  });

  it('reads a post by the ministries and posts of the day: housing was BZK until July 2024, VRO after', () => {
    expect(ministryForPost(directory, 'Minister voor Volkshuisvesting en Ruimtelijke Ordening', '2023-05-01')).toBe('BZK');
    expect(ministryForPost(directory, 'Minister van Volkshuisvesting en Ruimtelijke Ordening', '2024-07-02')).toBe('VRO');
    expect(ministryForPost(directory, 'Minister van Economische Zaken', '2024-07-01')).toBe('EZK');
    expect(ministryForPost(directory, 'Minister van Economische Zaken', '2024-07-02')).toBe('EZ');
    expect(ministryForPost(directory, 'Minister van Klimaat en Groene Groei', '2023-01-01')).toBeNull();
  });

  it('prefers the longest name, so "Binnenlandse Zaken en Koninkrijksrelaties" is not read as another "Zaken"', () => {
    expect(ministryForPost(directory, 'Minister van Binnenlandse Zaken en Koninkrijksrelaties', '2020-01-01')).toBe('BZK');
  });

  it('returns null when no department is named', () => {
    expect(ministryForPost(directory, 'de Voorzitter', '2020-01-01')).toBeNull();
  });
});

describe('portfolioOf and isValidOn', () => {
  it('takes the office off a title', () => {
    expect(portfolioOf('Staatssecretaris van Financiën')).toBe('financiën');
    expect(portfolioOf('de Minister voor Medische Zorg')).toBe('medische zorg');
    expect(portfolioOf('Minister-President')).toBe('minister-president');
  });

  it('counts both ends of a period', () => {
    const period = { validFrom: '2024-07-02', validUntil: '2025-01-31' };
    expect(['2024-07-01', '2024-07-02', '2025-01-31', '2025-02-01'].map((day) => isValidOn(period, day))).toEqual([false, true, true, false]);
    expect(isValidOn({ validFrom: null, validUntil: null }, '1900-01-01')).toBe(true);
  });
});
