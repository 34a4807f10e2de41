import { proposedCoSigningMinistries, proposedLeadMinistry } from './ministry-proposal';

describe('proposing ministries from the posts of a set', () => {
  const addressees = [
    'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
    'Minister van Justitie en Veiligheid',
    'Staatssecretaris van Economische Zaken en Klimaat',
  ];

  it('leads with the department of the first post that names one', () => {
    expect(proposedLeadMinistry(addressees)).toBe('BZ');
    expect(proposedLeadMinistry([null, 'de Voorzitter', 'Minister van Financiën'])).toBe('Fin');
    expect(proposedLeadMinistry(['de Voorzitter'])).toBeNull();
  });

  it('co-signs with the other departments, once each, never the lead', () => {
    expect(proposedCoSigningMinistries(addressees, 'BZ')).toEqual(['JenV', 'EZK']);
    expect(proposedCoSigningMinistries(['Minister van Justitie en Veiligheid', 'Minister voor Rechtsbescherming'], null)).toEqual(['JenV']);
  });
});
