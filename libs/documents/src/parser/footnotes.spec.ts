import { FootnoteStyle, markFootnoteReferences, readFootnoteDefinition, scanFootnoteReferences, takeMarkers } from './footnotes';

const noReferences = { paren: new Set<string>(), glued: new Set<string>() };

/** Marks and takes the markers, as the parser does for one paragraph. */
function markersOf(text: string, defined: Record<string, FootnoteStyle>) {
  return takeMarkers(markFootnoteReferences(text, new Map(Object.entries(defined))));
}

describe('readFootnoteDefinition', () => {
  it.each([
    ['¹ <https://www.rtlnieuws.nl/tech>', '1', 'superscript', '<https://www.rtlnieuws.nl/tech>'],
    ['<sup>2</sup> Waarbij het gebruik van de term', '2', 'sup', 'Waarbij het gebruik van de term'],
    ['[^3]: Kamerstuk 21 501-20, nr. 1596', '3', 'markdown', 'Kamerstuk 21 501-20, nr. 1596'],
    ['1) https://www.volkskrant.nl/nieuws', '1', 'paren', 'https://www.volkskrant.nl/nieuws'],
    ['2 https://www.huawei.com/nl/news', '2', 'bare', 'https://www.huawei.com/nl/news'],
    ['[1 ] https://www.nos.nl/artikel', '1', 'bracket', 'https://www.nos.nl/artikel'],
  ])('reads %j', (line, marker, style, text) => {
    expect(readFootnoteDefinition(line, true, noReferences)).toEqual({ marker, style, text });
  });

  it('reads a worded bare definition only at a paragraph start and when the text refers to it', () => {
    const references = { paren: new Set<string>(), glued: new Set(['4']) };
    expect(readFootnoteDefinition('4 Kamerstuk 35 570 V, nr. 43', true, references)?.marker).toBe('4');
    expect(readFootnoteDefinition('4 Kamerstuk 35 570 V, nr. 43', false, references)).toBeNull();
    expect(readFootnoteDefinition('25 andere EU-lidstaten hebben', true, references)).toBeNull();
  });

  it('does not read a numbered list item as a footnote', () => {
    expect(readFootnoteDefinition('1) Bent u bekend met het bericht?', true, noReferences)).toBeNull();
    expect(readFootnoteDefinition('1. https://www.nos.nl', true, noReferences)).toBeNull();
  });
});

describe('scanFootnoteReferences', () => {
  it('finds "N)" after a space and digits glued to a sentence end', () => {
    const references = scanFootnoteReferences([
      'in de Volkskrant van 14 januari 2020? 1)',
      'van Oeigoeren testte?2',
      'website van Huawei Nederland.3 Het bedrijf',
    ]);
    expect([...references.paren]).toEqual(['1']);
    expect([...references.glued].sort()).toEqual(['2', '3']);
  });

  it('ignores numbers that are numbers: decimals, abbreviations, units, years', () => {
    const references = scanFootnoteReferences(['1,5 miljoen', 'Kamerstuk nr.12 en', '100 m2 grond', 'in 2021 en 2022.']);
    expect([...references.glued]).toEqual([]);
  });
});

describe('markFootnoteReferences and takeMarkers', () => {
  it('takes <sup>N</sup> markers, with the space before them', () => {
    expect(markersOf('op basis van ras<sup>2</sup>, afkomst', {})).toEqual({ text: 'op basis van ras, afkomst', markers: ['2'] });
  });

  it('takes superscripts only when that footnote is defined', () => {
    expect(markersOf('testte?¹', { '1': 'superscript' })).toEqual({ text: 'testte?', markers: ['1'] });
    expect(markersOf('100 m² grond', {})).toEqual({ text: '100 m² grond', markers: [] });
  });

  it('takes " 1)" only for footnotes defined in that style', () => {
    expect(markersOf('van 14 januari 2020? 1)', { '1': 'paren' })).toEqual({ text: 'van 14 januari 2020?', markers: ['1'] });
    expect(markersOf('namelijk 1) de kosten', { '1': 'bare' }).markers).toEqual([]);
  });

  it('takes glued digits only when that footnote is defined', () => {
    expect(markersOf('website van Huawei Nederland.2 Het bedrijf', { '2': 'bare' })).toEqual({
      text: 'website van Huawei Nederland. Het bedrijf',
      markers: ['2'],
    });
    expect(markersOf('website van Huawei Nederland.2 Het bedrijf', {}).markers).toEqual([]);
  });

  it('takes bracketed markers from PDF converters when defined', () => {
    expect(markersOf('het bericht [1 ] en het rapport[2].', { '1': 'bracket', '2': 'bracket' })).toEqual({
      text: 'het bericht en het rapport.',
      markers: ['1', '2'],
    });
    expect(markersOf('dat “de applicatie niet geïmplementeerd [is]”', {}).text).toBe('dat “de applicatie niet geïmplementeerd [is]”');
  });

  it('takes markdown footnote references', () => {
    expect(markersOf('het rapport[^bron] zegt', {})).toEqual({ text: 'het rapport zegt', markers: ['bron'] });
  });

  it('lists a marker once even when the text refers to it twice', () => {
    expect(markersOf('a<sup>1</sup> b<sup>1</sup>', {}).markers).toEqual(['1']);
  });
});
