import { mergeField } from './merge';

describe('what the intake does with a field the open data changed', () => {
  it('takes the new value where the desk kept what the open data said before, or had nothing', () => {
    expect(mergeField('Oud onderwerp', 'Oud onderwerp', 'Nieuw onderwerp')).toBe('take');
    expect(mergeField(null, undefined, 'Onderwerp')).toBe('take');
    expect(mergeField([], ['Minister van Financiën'], ['Minister van Financiën'])).toBe('take');
  });

  it('keeps a hand edit when the open data did not change, and changes nothing for the same value', () => {
    expect(mergeField('Door de desk verbeterd', 'Oud onderwerp', 'Oud onderwerp')).toBe('keep');
    expect(mergeField('Zelfde  tekst ', 'Oud', 'Zelfde tekst')).toBe('keep');
  });

  it('calls it a conflict when both the desk and the open data changed it, differently', () => {
    expect(mergeField('Door de desk verbeterd', 'Oud onderwerp', 'Nieuw onderwerp')).toBe('conflict');
    expect(mergeField('2020-12-21', undefined, '2020-12-22')).toBe('conflict');
  });

  it('never empties a field because the open data left it out', () => {
    expect(mergeField('Onderwerp', 'Onderwerp', null)).toBe('keep');
  });
});
