import { DocumentNotReadable } from '../parsed-document';
import { dateAfter, formatDutchDate, parseDutchDate } from './dutch-dates';

describe('parseDutchDate', () => {
  it.each([
    ['15 januari 2021', '2021-01-15'],
    ['13 april \n2021', '2021-04-13'],
    ['1 maart 2021', '2021-03-01'],
    ['22 December 2020', '2020-12-22'],
    ['  9 april 2021 ', '2021-04-09'],
    ['vrijdag 9 april 2021', '2021-04-09'],
    ['29 februari 2024', '2024-02-29'],
    ['31 december 1999', '1999-12-31'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDutchDate(text)).toBe(iso);
  });

  it.each(['', 'januari 2021', '15 jan 2021', '15-01-2021', 'ingezonden 15 januari 2021', '15 januari 21'])(
    'returns null for %j, which is not a written date',
    (text) => {
      expect(parseDutchDate(text)).toBeNull();
    },
  );

  it.each([
    ['31 februari 2021', "'31 februari 2021' is not a date"],
    ['29 februari 2021', "'29 februari 2021' is not a date"],
    ['31 april 2021', "'31 april 2021' is not a date"],
    ['0 mei 2021', "'0 mei 2021' is not a date"],
    ['29 februari 1900', "'29 februari 1900' is not a date"],
  ])('rejects the impossible date %j', (text, problem) => {
    expect(() => parseDutchDate(text)).toThrow(DocumentNotReadable);
    try {
      parseDutchDate(text);
    } catch (error) {
      expect((error as DocumentNotReadable).problems).toEqual([problem]);
    }
  });
});

describe('dateAfter', () => {
  it('reads the date after a keyword, also when wrapped', () => {
    expect(dateAfter('Vragen … (ingezonden 22 december\n2020).', 'ingezonden')).toBe('2020-12-22');
    expect(dateAfter('Antwoord van minister Blok (ontvangen 13 april 2021)', 'ontvangen')).toBe('2021-04-13');
  });

  it('returns null when the keyword has no date after it', () => {
    expect(dateAfter('ingezonden op een onbekende dag', 'ingezonden')).toBeNull();
    expect(dateAfter('ontvangen 13 april 2021', 'ingezonden')).toBeNull();
  });

  it('does not take a date after a word that merely ends in the keyword', () => {
    expect(dateAfter('nietingezonden 1 maart 2021', 'ingezonden')).toBeNull();
  });
});

describe('formatDutchDate', () => {
  it.each([
    ['2021-04-13', '13 april 2021'],
    ['2021-01-05', '5 januari 2021'],
    ['2020-12-22', '22 december 2020'],
    ['2024-02-29', '29 februari 2024'],
  ])('writes %s as %j, which parseDutchDate reads back', (iso, text) => {
    expect(formatDutchDate(iso)).toBe(text);
    expect(parseDutchDate(text)).toBe(iso);
  });

  it.each(['2021-02-29', '2021-13-01', '2021-00-10', '13 april 2021', ''])('refuses %j, which is no calendar date', (text) => {
    expect(() => formatDutchDate(text)).toThrow(RangeError);
  });
});
