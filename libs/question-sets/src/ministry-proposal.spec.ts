import type { MinistryDirectory } from '@question-desk/ministries';
import { proposedCoSigningMinistries, proposedLeadMinistry } from './ministry-proposal';

const directory: MinistryDirectory = {
  ministries: [
    { code: 'BZ', name: 'Buitenlandse Zaken', validFrom: null, validUntil: null },
    { code: 'Fin', name: 'Financiën', validFrom: null, validUntil: null },
    { code: 'JenV', name: 'Justitie en Veiligheid', validFrom: null, validUntil: null },
    { code: 'EZK', name: 'Economische Zaken en Klimaat', validFrom: null, validUntil: '2024-07-01' },
    { code: 'KGG', name: 'Klimaat en Groene Groei', validFrom: '2024-07-02', validUntil: null },
    { code: 'AenM', name: 'Asiel en Migratie', validFrom: '2024-07-02', validUntil: null },
  ],
  posts: [
    { id: '1', title: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', ministryCode: 'BZ', validFrom: null, validUntil: null },
    { id: '2', title: 'Minister voor Rechtsbescherming', ministryCode: 'JenV', validFrom: null, validUntil: null },
    { id: '3', title: 'Minister voor Migratie', ministryCode: 'JenV', validFrom: null, validUntil: '2024-07-01' },
  ],
};

describe('proposing ministries from the posts of a set', () => {
  const addressees = [
    'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
    'Minister van Justitie en Veiligheid',
    'Staatssecretaris van Economische Zaken en Klimaat',
  ];

  it('leads with the department of the first post that names one', () => {
    expect(proposedLeadMinistry(directory, addressees, '2020-12-22')).toBe('BZ');
    expect(proposedLeadMinistry(directory, [null, 'de Voorzitter', 'Minister van Financiën'], '2020-12-22')).toBe('Fin');
    expect(proposedLeadMinistry(directory, ['de Voorzitter'], '2020-12-22')).toBeNull();
  });

  it('co-signs with the other departments, once each, never the lead', () => {
    expect(proposedCoSigningMinistries(directory, addressees, 'BZ', '2020-12-22')).toEqual(['JenV', 'EZK']);
    expect(proposedCoSigningMinistries(directory, ['Minister van Justitie en Veiligheid', 'Minister voor Rechtsbescherming'], null, '2020-12-22')).toEqual([
      'JenV',
    ]);
  });

  it('uses the posts valid on the submission date: migration went from JenV to Asiel en Migratie in July 2024', () => {
    expect(proposedLeadMinistry(directory, ['Minister voor Migratie'], '2023-02-01')).toBe('JenV');
    expect(proposedLeadMinistry(directory, ['Minister van Asiel en Migratie'], '2024-09-01')).toBe('AenM');
    // An ended ministry is proposed no more, a new one not before it began.
    expect(proposedCoSigningMinistries(directory, addressees, 'BZ', '2025-01-10')).toEqual(['JenV']);
    expect(proposedLeadMinistry(directory, ['Minister voor Klimaat en Groene Groei'], '2023-02-01')).toBeNull();
  });
});
