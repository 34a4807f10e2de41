import {
  PAGE_BREAK,
  collectHyphenatedWords,
  endsSentence,
  isSeparatorLine,
  joinLines,
  normaliseLines,
  removePageFurniture,
  stripHeadingMarks,
  stripMarkup,
} from './text-cleanup';

describe('normaliseLines', () => {
  it('reads CRLF and CR line endings, trims lines and turns NBSP into spaces', () => {
    expect(normaliseLines('Vraag 1 \r\nBent u\u00A0bekend?\rJa.')).toEqual(['Vraag 1', 'Bent u bekend?', 'Ja.']);
  });

  it('makes a line with only a non-breaking space blank', () => {
    expect(normaliseLines('a\n\u00A0\nb')).toEqual(['a', '', 'b']);
  });

  it('turns a form feed into a page-break line of its own', () => {
    expect(normaliseLines('einde pagina\fbegin')).toEqual(['einde pagina', PAGE_BREAK, 'begin']);
  });

  it('removes zero-width characters and the private-use characters the parser reserves', () => {
    expect(normaliseLines('Oei\u200Bgoeren\uE000')).toEqual(['Oeigoeren']);
  });
});

describe('removePageFurniture', () => {
  const pages = [
    'Aanhangsel Handelingen II 2020/21, nr. 2290 1',
    'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel',
    'Vraag 1',
    'Bent u bekend met het bericht?',
    '1',
    'ah-tk-20202021-2290 ISSN 0921-7371 ’s-Gravenhage 2021',
    'Aanhangsel Handelingen II 2020/21, nr. 2290 2',
    'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel',
    'Antwoord',
    'Ja.',
    'Pagina 2 van 5',
    'ah-tk-20202021-2290 ISSN 0921-7371 ’s-Gravenhage 2021',
  ];

  it('drops running heads that repeat (page numbers in them ignored), lone page numbers and "Pagina x van y"', () => {
    const { lines, removed } = removePageFurniture(pages);
    expect(lines.filter((line) => line !== PAGE_BREAK)).toEqual(['Vraag 1', 'Bent u bekend met het bericht?', 'Antwoord', 'Ja.']);
    expect(removed).toContain('Aanhangsel Handelingen II 2020/21, nr. 2290 1');
    expect(removed).toContain('Pagina 2 van 5');
  });

  it('leaves a page break where it dropped a line, so a cut paragraph can be rejoined', () => {
    const { lines } = removePageFurniture(['verklaring van', '3', 'de minister']);
    expect(lines).toEqual(['verklaring van', PAGE_BREAK, 'de minister']);
  });

  it('keeps a header-like line that occurs only once (it may be the document title)', () => {
    const { lines } = removePageFurniture(['Aanhangsel Handelingen II 2020/21, nr. 2290', 'Vragen van het lid X (CDA)']);
    expect(lines).toEqual(['Aanhangsel Handelingen II 2020/21, nr. 2290', 'Vragen van het lid X (CDA)']);
  });

  it('keeps a number directly above "Vragen van": the appendix number', () => {
    const { lines } = removePageFurniture(['85', '', 'Vragen van het lid X (CDA)']);
    expect(lines[0]).toBe('85');
  });

  it('keeps repeated lines that do not look like page furniture, such as "Antwoord"', () => {
    const { lines } = removePageFurniture(['Antwoord', 'Ja.', 'Antwoord', 'Nee.']);
    expect(lines).toEqual(['Antwoord', 'Ja.', 'Antwoord', 'Nee.']);
  });
});

describe('isSeparatorLine', () => {
  it.each(['---', '___', '* * *', '***', '———', '- - -', '====='])('%j is a separator', (line) => {
    expect(isSeparatorLine(line)).toBe(true);
  });

  it.each(['--', '- Bent u bekend?', 'EU-verordening', '*Toelichting*'])('%j is not', (line) => {
    expect(isSeparatorLine(line)).toBe(false);
  });
});

describe('joinLines', () => {
  const words = (...lines: string[]) => collectHyphenatedWords(lines);

  it('joins hard-wrapped lines with one space', () => {
    expect(joinLines(['Heeft u kennisgenomen van', 'het bericht?'], words())).toBe('Heeft u kennisgenomen van het bericht?');
  });

  it('drops a printer’s hyphen between two lower-case parts', () => {
    expect(joinLines(['grootschalige mensenrechten-', 'schendingen faciliteren'], words())).toBe('grootschalige mensenrechtenschendingen faciliteren');
  });

  it('keeps the hyphen when the document writes the word with a hyphen elsewhere', () => {
    const hyphenated = words('Klopt het dat Chinese tech-bedrijven investeren');
    expect(joinLines(['richting Chinese tech-', 'bedrijven die'], hyphenated)).toBe('richting Chinese tech-bedrijven die');
  });

  it.each([
    [['op deze EU-', 'controlelijst'], 'op deze EU-controlelijst'],
    [['de periode 2021-', '2027'], 'de periode 2021-2027'],
    [['een ‘zwarte lijst’-', 'methodiek'], 'een ‘zwarte lijst’-methodiek'],
    [['de provincie Noord-', 'Holland'], 'de provincie Noord-Holland'],
  ])('keeps the hyphen when the left part is no lower-case word or the right part no lower-case word: %j', (lines, joined) => {
    expect(joinLines(lines, words())).toBe(joined);
  });

  it('keeps a suspended hyphen and its space ("basis- en voortgezet")', () => {
    expect(joinLines(['voor basis-', 'en voortgezet onderwijs'], words())).toBe('voor basis- en voortgezet onderwijs');
  });

  it('treats a dash standing apart as a dash', () => {
    expect(joinLines(['de ILO conventies -', 'waaronder die over dwangarbeid'], words())).toBe('de ILO conventies - waaronder die over dwangarbeid');
  });

  it('joins a URL broken over lines without spaces, keeping its hyphens', () => {
    expect(
      joinLines(
        [
          'https://www.volkskrant.nl/nieuws-achtergrond/onderzoeksbureau-chinese-techbedrijven-',
          'bezig-met-etnisch-profileren-oeigoeren-zijn-doelwit~bc8f6317/?referrer=https%3A%2F',
          '%2Fwww.google.com%2F',
        ],
        words(),
      ),
    ).toBe(
      'https://www.volkskrant.nl/nieuws-achtergrond/onderzoeksbureau-chinese-techbedrijven-bezig-met-etnisch-profileren-oeigoeren-zijn-doelwit~bc8f6317/?referrer=https%3A%2F%2Fwww.google.com%2F',
    );
  });

  it('does not glue ordinary words to a URL that ended', () => {
    expect(joinLines(['zie https://www.rijksoverheid.nl.', 'Het kabinet'], words())).toBe('zie https://www.rijksoverheid.nl. Het kabinet');
  });

  it('joins at a soft hyphen without a space', () => {
    expect(joinLines(['mensenrechten\u00AD', 'schendingen'], words())).toBe('mensenrechtenschendingen');
  });
});

describe('endsSentence', () => {
  it.each(['Ja.', 'Waarom niet?', 'zoals: ', 'het bericht ‘Oeigoeren zijn doelwit.’', '(zie hierboven.)'])('%j ends a sentence', (text) => {
    expect(endsSentence(text)).toBe(true);
  });

  it.each(['Medewerkers van het ministerie van Buitenlandse', 'In het recent onderhandelde Comprehensive', 'dual-use goederen', ''])('%j does not', (text) => {
    expect(endsSentence(text)).toBe(false);
  });
});

describe('stripMarkup', () => {
  it('removes bold and italic markers', () => {
    expect(stripMarkup('het lid **Van Helvert** (CDA) over *Chinese surveillanceapparatuur*')).toBe(
      'het lid Van Helvert (CDA) over Chinese surveillanceapparatuur',
    );
    expect(stripMarkup('als onderdeel van _due diligence_, na te gaan')).toBe('als onderdeel van due diligence, na te gaan');
  });

  it('removes the angle brackets of an autolink', () => {
    expect(stripMarkup('<https://www.rtlnieuws.nl/tech/artikel/5202012>')).toBe('https://www.rtlnieuws.nl/tech/artikel/5202012');
  });

  it('keeps underscores inside URLs and a lone asterisk used as a sign', () => {
    expect(stripMarkup('https://example.nl/kamer_vragen_2021 en 2 * 3')).toBe('https://example.nl/kamer_vragen_2021 en 2 * 3');
  });

  it('removes HTML tags and decodes common entities', () => {
    expect(stripMarkup('EU&nbsp;<b>en</b> &amp; VN<br>')).toBe('EU en & VN ');
  });
});

describe('stripHeadingMarks', () => {
  it('removes the hashes of a markdown heading, also closing ones', () => {
    expect(stripHeadingMarks('### Vraag 3')).toBe('Vraag 3');
    expect(stripHeadingMarks('## 2290 ##')).toBe('2290');
    expect(stripHeadingMarks('#hashtag')).toBe('#hashtag');
  });
});
