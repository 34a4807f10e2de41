import {
  amsterdamDate,
  appendixNumberOf,
  caseFieldsOf,
  forThisDesk,
  publicationIdOf,
  readPage,
  checkZaak,
  surnameOf,
  type TkDocument,
  type TkZaak,
} from './tk-records';

const zaak = (changes: Partial<TkZaak> = {}): TkZaak => ({
  Id: '00000000-0000-4000-8000-000000000001',
  Nummer: '2019Z15244',
  Soort: 'Schriftelijke vragen',
  Onderwerp:
    'Vragen van het lid Sjoerdsma (D66) aan de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking over Zimbabwe (ingezonden 18 juli 2019).',
  Titel: null,
  GestartOp: '2019-07-18T00:00:00+02:00',
  Afgedaan: false,
  Vergaderjaar: '2018-2019',
  GewijzigdOp: null,
  ApiGewijzigdOp: '2019-07-18T10:00:00Z',
  Verwijderd: false,
  ZaakActor: [
    { Relatie: 'Gericht aan', ActorNaam: 'S.A.M. Kaag', ActorFractie: null, Functie: 'minister voor Buitenlandse Handel en Ontwikkelingssamenwerking' },
    { Relatie: 'Medeindiener', ActorNaam: 'K.H. Buitenweg', ActorFractie: 'GroenLinks', Functie: 'Tweede Kamerlid' },
    { Relatie: 'Indiener', ActorNaam: 'M. Sjoerdsma', ActorFractie: 'D66', Functie: 'Tweede Kamerlid' },
  ],
  ...changes,
});

describe('a Zaak in the desk terms', () => {
  it('gives submitters in order (indiener first), addressees as posts, the subject out of a whole title, the date in Amsterdam', () => {
    expect(caseFieldsOf(zaak())).toEqual({
      reference: '2019Z15244',
      subject: 'Zimbabwe',
      submittedOn: '2019-07-18',
      submitters: [
        { name: 'Sjoerdsma', party: 'D66' },
        { name: 'Buitenweg', party: 'GroenLinks' },
      ],
      addressees: ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'],
    });
    expect(caseFieldsOf(zaak({ Onderwerp: 'Het bericht over Zimbabwe' })).subject).toBe('Het bericht over Zimbabwe');
  });

  it('writes surnames as the desk does', () => {
    expect(surnameOf('J.J. van Helvert')).toBe('Van Helvert');
    expect(surnameOf('Th. van den Nieuwenhuijzen')).toBe('Van den Nieuwenhuijzen');
    expect(surnameOf('Sjoerdsma')).toBe('Sjoerdsma');
  });

  it('reads dates in Amsterdam: a late-evening UTC time is the next day there', () => {
    expect(amsterdamDate('2021-01-14T23:30:00Z')).toBe('2021-01-15');
    expect(amsterdamDate('2021-01-15T00:00:00')).toBe('2021-01-15');
    expect(amsterdamDate(null)).toBeNull();
  });

  it('takes in only cases addressed to the ministries this desk serves (DESK_MINISTRIES)', () => {
    const addressees = ['Minister van Justitie en Veiligheid', 'Staatssecretaris van Economische Zaken en Klimaat'];
    const directory = {
      ministries: [
        { code: 'JenV', name: 'Justitie en Veiligheid', validFrom: null, validUntil: null },
        { code: 'EZK', name: 'Economische Zaken en Klimaat', validFrom: null, validUntil: '2024-07-01' },
      ],
      posts: [],
    };
    expect(forThisDesk(directory, addressees, null, '2021-01-15')).toBe(true);
    expect(forThisDesk(directory, addressees, ['EZK'], '2021-01-15')).toBe(true);
    expect(forThisDesk(directory, addressees, ['BZ', 'Fin'], '2021-01-15')).toBe(false);
    // The posts valid on the day the questions were put count: EZK had ended by 2025.
    expect(forThisDesk(directory, addressees, ['EZK'], '2025-03-01')).toBe(false);
  });

  it("finds a document's publication id, from its version or as the Kamer's own tools derive it", () => {
    const answer: TkDocument = {
      Id: 'd',
      Soort: 'Antwoord schriftelijke vragen',
      DocumentNummer: '2021D13711',
      Datum: null,
      Aanhangselnummer: '202020212290',
      Vergaderjaar: '2020-2021',
      ApiGewijzigdOp: '2021-04-09T10:00:00Z',
      Verwijderd: false,
    };
    expect(publicationIdOf(answer, null)).toBe('ah-tk-20202021-2290');
    expect(appendixNumberOf(answer)).toBe('2290');
    expect(publicationIdOf({ ...answer, DocumentVersie: [{ ExterneIdentifier: 'ah-tk-20202021-2291', Versienummer: 2 }] }, null)).toBe('ah-tk-20202021-2291');
    expect(publicationIdOf({ ...answer, Soort: 'Schriftelijke vragen', Aanhangselnummer: null }, '2020Z25656')).toBe('kv-tk-2020Z25656');
  });

  it('refuses a page that is not OData, or a Zaak without its keys, in words', () => {
    expect(() => readPage('<html>', checkZaak)).toThrow(/not JSON/);
    expect(() => readPage('{"items": []}', checkZaak)).toThrow(/without a "value" list/);
    expect(() => readPage('{"value": [{"Id": "x"}]}', checkZaak)).toThrow(/a Zaak without Id, Nummer or ApiGewijzigdOp/);
    expect(readPage('{"value": [], "@odata.nextLink": "http://x/Zaak?$skip=250"}', checkZaak).nextLink).toBe('http://x/Zaak?$skip=250');
  });
});
