import { WorkingDays } from './working-days';

describe('WorkingDays (Dutch public holidays from date-holidays)', () => {
  const days = new WorkingDays();

  it.each([
    ['2025-01-01', 'Nieuwjaarsdag'],
    ['2025-04-20', 'Pasen (a Sunday anyway)'],
    ['2025-04-21', 'Tweede paasdag'],
    ['2025-04-26', 'Koningsdag on Saturday, as 27 April 2025 is a Sunday'],
    ['2026-04-27', 'Koningsdag 2026 (a Monday)'],
    ['2025-05-29', 'Hemelvaartsdag'],
    ['2025-06-09', 'Tweede pinksterdag'],
    ['2025-12-25', 'Eerste kerstdag'],
    ['2025-12-26', 'Tweede kerstdag'],
    ['2026-05-14', 'Hemelvaartsdag 2026'],
    ['2026-05-25', 'Tweede pinksterdag 2026'],
  ])('%s is not a working day (%s)', (date) => {
    expect(days.isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2025-04-18', 'Goede Vrijdag: not a public holiday in the library'],
    ['2025-05-05', 'Bevrijdingsdag, even in the lustrum year 2025'],
    ['2026-05-05', 'Bevrijdingsdag 2026'],
    ['2025-12-24', 'Kerstavond'],
    ['2025-12-31', 'Oudejaarsdag'],
    ['2025-04-28', 'an ordinary Monday'],
  ])('%s is a working day (%s)', (date) => {
    expect(days.isWorkingDay(date)).toBe(true);
  });

  it('skips weekends', () => {
    expect(days.isWorkingDay('2025-03-08')).toBe(false);
    expect(days.isWorkingDay('2025-03-09')).toBe(false);
    expect(days.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
    expect(days.addWorkingDays('2025-03-10', -1)).toBe('2025-03-07');
  });

  it.each([
    ['2025-04-23', -3, '2025-04-17', 'over Easter: Tweede paasdag skipped, Goede Vrijdag counted'],
    ['2025-06-02', -3, '2025-05-27', 'over Hemelvaart'],
    ['2025-12-29', -3, '2025-12-22', 'over Christmas'],
    ['2026-04-29', -3, '2026-04-23', 'over Koningsdag on a Monday'],
    ['2025-05-07', -3, '2025-05-02', 'Bevrijdingsdag counts as a working day'],
    ['2025-12-31', 2, '2026-01-05', 'over New Year into the next year'],
  ])('from %s, %i working days is %s (%s)', (from, count, expected) => {
    expect(days.addWorkingDays(from, count)).toBe(expected);
  });

  it('moves a non-working day to the next working day', () => {
    expect(days.onOrAfter('2025-04-21')).toBe('2025-04-22');
    expect(days.onOrAfter('2025-04-22')).toBe('2025-04-22');
  });

  it('moves a non-working day to the working day before', () => {
    expect(days.onOrBefore('2026-12-26')).toBe('2026-12-24');
    expect(days.onOrBefore('2026-04-27')).toBe('2026-04-24');
    expect(days.onOrBefore('2026-04-28')).toBe('2026-04-28');
  });

  it('counts the working days between two dates, the inverse of addWorkingDays', () => {
    expect(days.between('2026-12-21', '2026-12-28')).toBe(4); // 21–24; Christmas and the weekend do not count
    expect(days.between('2026-12-28', '2026-12-21')).toBe(-4);
    expect(days.between('2026-12-21', '2026-12-21')).toBe(0);
    for (const n of [1, 2, 5, 10]) expect(days.between(days.addWorkingDays('2026-04-29', -n), '2026-04-29')).toBe(n);
  });
});
