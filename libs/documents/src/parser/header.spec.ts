import {
  isHeaderParagraph,
  readAnswerHeader,
  readAppendixNumber,
  readChamber,
  readHeader,
  readMembers,
  readPost,
  readPosts,
  readQuestionsTitle,
  readReference,
} from './header';

describe('readMembers', () => {
  it.each([
    ['het lid Van Helvert (CDA)', [['Van Helvert', 'CDA']]],
    [
      'de leden Van den Nieuwenhuijzen en Buitenweg (beiden GroenLinks)',
      [
        ['Van den Nieuwenhuijzen', 'GroenLinks'],
        ['Buitenweg', 'GroenLinks'],
      ],
    ],
    [
      'de leden Becker, Van Wijngaarden en De Groot (allen VVD)',
      [
        ['Becker', 'VVD'],
        ['Van Wijngaarden', 'VVD'],
        ['De Groot', 'VVD'],
      ],
    ],
    [
      'de leden Brekelmans (VVD) en Sjoerdsma (D66)',
      [
        ['Brekelmans', 'VVD'],
        ['Sjoerdsma', 'D66'],
      ],
    ],
    ['het lid Van der Graaf (ChristenUnie)', [['Van der Graaf', 'ChristenUnie']]],
    [
      "de leden 't Hoen (PvdD) en A.H. de Vries (SP)",
      [
        ["'t Hoen", 'PvdD'],
        ['A.H. de Vries', 'SP'],
      ],
    ],
    ['het lid Omtzigt', [['Omtzigt', null]]],
  ])('%j', (text, expected) => {
    expect(readMembers(text)).toEqual(expected.map(([name, party]) => ({ name, party })));
  });
});

describe('readPosts', () => {
  it.each([
    ['de Minister van Buitenlandse Zaken', ['Minister van Buitenlandse Zaken']],
    ['de ministers van Financiën en van Justitie en Veiligheid', ['Minister van Financiën', 'Minister van Justitie en Veiligheid']],
    [
      'de ministers voor Buitenlandse Handel en Ontwikkelingssamenwerking en van Justitie en Veiligheid en de staatssecretaris van Economische Zaken en Klimaat',
      [
        'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
        'Minister van Justitie en Veiligheid',
        'Staatssecretaris van Economische Zaken en Klimaat',
      ],
    ],
    ['de Minister-President', ['Minister-President']],
    ['de Staatssecretaris van Financiën', ['Staatssecretaris van Financiën']],
    [
      'de Minister van Landbouw, Natuur en Voedselkwaliteit en de Minister van Volksgezondheid, Welzijn en Sport',
      ['Minister van Landbouw, Natuur en Voedselkwaliteit', 'Minister van Volksgezondheid, Welzijn en Sport'],
    ],
    [
      'de ministers van Onderwijs, Cultuur en Wetenschap, van Sociale Zaken en Werkgelegenheid en voor Medische Zorg',
      ['Minister van Onderwijs, Cultuur en Wetenschap', 'Minister van Sociale Zaken en Werkgelegenheid', 'Minister voor Medische Zorg'],
    ],
    ['de staatssecretarissen van Financiën en van Justitie en Veiligheid', ['Staatssecretaris van Financiën', 'Staatssecretaris van Justitie en Veiligheid']],
    ['', []],
  ])('%j', (text, posts) => {
    expect(readPosts(text)).toEqual(posts);
  });
});

describe('readPost', () => {
  it('reads a person with a department in parentheses, "van" unless the document names the post with "voor"', () => {
    expect(readPost('minister Blok (Buitenlandse Zaken)', null)).toEqual({ title: 'Minister', name: 'Blok', post: 'Minister van Buitenlandse Zaken' });
    expect(
      readPost('Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking)', null, ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking']),
    ).toEqual({ title: 'Minister', name: 'Kaag', post: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking' });
  });

  it('reads a staatssecretaris and the Minister-President by name', () => {
    expect(readPost('staatssecretaris Van Huffelen (Financiën)', null)).toMatchObject({ name: 'Van Huffelen', post: 'Staatssecretaris van Financiën' });
    expect(readPost('minister-president Rutte (Algemene Zaken)', null)).toMatchObject({ name: 'Rutte', post: 'Minister-President' });
  });

  it('returns null when no title is written or inherited', () => {
    expect(readPost('Buitenlandse Zaken', null)).toBeNull();
  });
});

describe('readQuestionsTitle', () => {
  it('reads members, addressees and subject, the addressees ending at " over "', () => {
    expect(
      readQuestionsTitle(
        'Vragen van de leden Van den Nieuwenhuijzen en Buitenweg (beiden GroenLinks) aan de ministers voor Buitenlandse Handel en Ontwikkelingssamenwerking en van Justitie en Veiligheid en de staatssecretaris van Economische Zaken en Klimaat over het bericht dat Huawei in technologie investeert voor de etnische profilering van Oeigoeren',
      ),
    ).toEqual({
      submitters: [
        { name: 'Van den Nieuwenhuijzen', party: 'GroenLinks' },
        { name: 'Buitenweg', party: 'GroenLinks' },
      ],
      addressees: [
        'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
        'Minister van Justitie en Veiligheid',
        'Staatssecretaris van Economische Zaken en Klimaat',
      ],
      subject: 'het bericht dat Huawei in technologie investeert voor de etnische profilering van Oeigoeren',
    });
  });

  it('ends the subject at "(ingezonden"', () => {
    expect(
      readQuestionsTitle(
        'Vragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken over Chinese surveillanceapparatuur (ingezonden 22 december 2020).',
      )?.subject,
    ).toBe('Chinese surveillanceapparatuur');
  });

  it('reads the phrase inside a postponement notice, without addressees', () => {
    expect(
      readQuestionsTitle(
        'De vragen van het lid Van Helvert (CDA) over Chinese surveillanceapparatuur (2020Z25656, ingezonden 22 december 2020) kunnen niet binnen de gebruikelijke termijn worden beantwoord.',
      ),
    ).toEqual({ submitters: [{ name: 'Van Helvert', party: 'CDA' }], addressees: [], subject: 'Chinese surveillanceapparatuur' });
  });

  it('returns null for the Aanhangsel title line', () => {
    expect(readQuestionsTitle('Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden')).toBeNull();
  });
});

describe('readAnswerHeader', () => {
  it('reads name, post and date, the date wrapped over lines', () => {
    expect(readAnswerHeader('Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april \n2021)', [])).toEqual({
      answeredBy: 'Blok',
      answeredByPost: 'Minister van Buitenlandse Zaken',
      answeredOn: '2021-04-13',
      coSigners: [],
    });
  });

  it('reads co-signers after "mede namens"', () => {
    expect(
      readAnswerHeader(
        'Antwoord van Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens Minister van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat (ontvangen 9 april 2021).',
        ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'],
      ),
    ).toEqual({
      answeredBy: 'Kaag',
      answeredByPost: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
      answeredOn: '2021-04-09',
      coSigners: ['Minister van Justitie en Veiligheid', 'Staatssecretaris van Economische Zaken en Klimaat'],
    });
  });

  it('reads a post written in full, without a name', () => {
    expect(readAnswerHeader('Antwoord van de Staatssecretaris van Financiën (ontvangen 1 maart 2021)', [])).toEqual({
      answeredBy: null,
      answeredByPost: 'Staatssecretaris van Financiën',
      answeredOn: '2021-03-01',
      coSigners: [],
    });
  });
});

describe('reference, appendix number and chamber', () => {
  it('takes the first reference of the header', () => {
    expect(readReference('2019Z15244\nVragen … (vraagnummer 2019Z15131)')).toBe('2019Z15244');
    expect(readReference('Vragen zonder nummer')).toBeNull();
  });

  it.each([
    [['2290', 'Vragen van …'], [], '2290'],
    [['Aanhangsel Handelingen II 2020/21, nr. 2290'], [], '2290'],
    [['Vragen van …'], ['ah-tk-20202021-2290 ISSN 0921-7371 ’s-Gravenhage 2021'], '2290'],
    [['2020Z25656', 'Vragen van …'], [], null],
  ])('appendix number of %j with running heads %j is %j', (header, furniture, appendix) => {
    expect(readAppendixNumber(header, furniture)).toBe(appendix);
  });

  it.each([
    [['Eerste Kamer der Staten-Generaal', 'Vragen van het lid X (VVD)'], [], 'EK'],
    [['Vragen van het lid X (VVD)'], ['EK vergaderjaar 2020-2021 Aanhangsel'], 'EK'],
    [['Vragen van het lid X (VVD)'], ['Aanhangsel Handelingen I 2020/21, nr. 12 1'], 'EK'],
    [['Vragen van het lid X (VVD)'], ['Aanhangsel Handelingen II 2020/21, nr. 12 1'], 'TK'],
    [['Tweede Kamer der Staten-Generaal'], [], 'TK'],
  ])('chamber of %j with running heads %j is %s', (header, furniture, chamber) => {
    expect(readChamber(header, furniture)).toBe(chamber);
  });
});

describe('isHeaderParagraph', () => {
  it.each([
    '(ingezonden 15 januari 2021)',
    'Vragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken',
    'Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)',
    '2020Z25656',
    '2290',
    'Mededeling uitstel',
  ])('%j is header material', (text) => {
    expect(isHeaderParagraph(text)).toBe(true);
  });

  it.each(['Heeft u kennisgenomen van het bericht?', 'Ja.'])('%j is not', (text) => {
    expect(isHeaderParagraph(text)).toBe(false);
  });
});

describe('readHeader', () => {
  it('combines the header paragraphs', () => {
    expect(
      readHeader(
        [
          '2020Z25656',
          'Vragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken over Chinese surveillanceapparatuur (ingezonden 22 december 2020).',
        ],
        [],
      ),
    ).toEqual({
      reference: '2020Z25656',
      appendixNumber: null,
      chamber: 'TK',
      submitters: [{ name: 'Van Helvert', party: 'CDA' }],
      addressees: ['Minister van Buitenlandse Zaken'],
      subject: 'Chinese surveillanceapparatuur',
      submittedOn: '2020-12-22',
      answer: null,
    });
  });
});
