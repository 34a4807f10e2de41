import { LocalDate } from '@js-joda/core';
import { addDays, addWeeks, amsterdamDateOf, dayOfWeek, daysBetween, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2021-02-28', '2020-02-29', '2000-02-29', '2021-12-31'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    '2021-02-29',
    '1900-02-29',
    '2021-02-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-1-5',
    '15-01-2021',
    '2021-01-01\n',
    ' 2021-01-01',
    '2021/01/01',
    '2021-01-0x',
    '２０２１-01-01',
    '',
    'tomorrow',
  ])('rejects %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it('reads years before 100 as themselves (Date.UTC would make 0099 into 1999)', () => {
    expect(isCalendarDate('0004-02-29')).toBe(true);
    expect(isCalendarDate('0099-02-29')).toBe(false);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('counts days as js-joda does, every day from 1899 to 2101', () => {
    const first = LocalDate.of(1899, 1, 1);
    const wrong: string[] = [];
    for (let n = 0, day = first; !day.isAfter(LocalDate.of(2101, 12, 31)); n++, day = day.plusDays(1)) {
      if (!isCalendarDate(day.toString()) || daysBetween(first.toString(), day.toString()) !== n) wrong.push(day.toString());
    }
    expect(wrong).toEqual([]);
  });

  it("puts every date of the desk's years on the day js-joda does, from the year 1 to 2999", () => {
    const wrong: string[] = [];
    for (let day = LocalDate.of(1, 1, 1); day.year() < 3000; day = day.plusDays(13)) {
      if (daysBetween('1970-01-01', day.toString()) !== day.toEpochDay()) wrong.push(day.toString());
    }
    expect(wrong).toEqual([]);
  });

  it('counts across month ends and leap days', () => {
    expect(addDays('2021-01-31', 1)).toBe('2021-02-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addWeeks('2020-02-15', 3)).toBe('2020-03-07');
    expect(addWeeks('2021-02-15', 3)).toBe('2021-03-08');
    expect(daysBetween('2021-01-12', '2021-04-13')).toBe(91);
    expect(daysBetween('2021-04-13', '2021-01-12')).toBe(-91);
  });

  it('is not moved by summer time: 21 days over the last Sunday of March are 21 calendar days', () => {
    expect(addWeeks('2021-03-20', 3)).toBe('2021-04-10');
    expect(addWeeks('2021-10-20', 3)).toBe('2021-11-10');
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2020-12-22')).toBe(2); // Tuesday
    expect(dayOfWeek('2021-01-17')).toBe(7); // Sunday
  });

  describe.each(['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Amsterdam'])('on a server whose time zone is %s', (zone) => {
    const original = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = original;
    });

    it.each([
      // Amsterdam is UTC+1 in winter: 23:30 UTC is already the next day there.
      ['2021-01-11T23:30:00Z', '2021-01-12'],
      ['2021-01-11T22:59:59Z', '2021-01-11'],
      // UTC+2 in summer.
      ['2021-07-17T22:00:00Z', '2021-07-18'],
      ['2021-07-17T21:59:59Z', '2021-07-17'],
      // The night summer time starts (02:00 → 03:00) and ends (03:00 → 02:00).
      ['2021-03-28T00:30:00Z', '2021-03-28'],
      ['2021-10-30T22:30:00Z', '2021-10-31'],
      // 10:00 at Kiritimati (UTC+14) on 1 March is still 28 February in Amsterdam.
      ['2021-02-28T20:00:00Z', '2021-02-28'],
    ])('the Amsterdam date at %s is %s', (instant, expected) => {
      expect(amsterdamDateOf(new Date(instant))).toBe(expected);
    });

    it('turns to the next day at midnight in Amsterdam, second by second, though it keeps the last minute', () => {
      const dates = [];
      for (let t = Date.parse('2021-01-11T22:58:00Z'); t <= Date.parse('2021-01-11T23:01:00Z'); t += 500) dates.push(amsterdamDateOf(new Date(t)));
      expect(dates.indexOf('2021-01-12')).toBe(240); // 23:00:00Z, after 2 minutes of half seconds
      expect(dates.slice(240).every((date) => date === '2021-01-12')).toBe(true);
      expect(amsterdamDateOf(new Date('1937-06-30T23:50:00Z'))).toBe('1937-07-01'); // Amsterdam time then: UTC+01:19:32 in summer
    });
  });
});
