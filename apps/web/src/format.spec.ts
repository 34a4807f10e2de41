import { clockTimeIn, daysText, daysUntil, formatDate, questionNumbersText, retryAfterSeconds, submittersText, todayIso } from './format';

describe('formatDate', () => {
  it('writes an ISO calendar date as a Dutch date, without any time-zone shift', () => {
    expect(formatDate('2020-12-22')).toBe('22 december 2020');
    expect(formatDate('2021-01-01')).toBe('1 januari 2021');
  });

  it('takes the calendar date of a timestamp as written', () => {
    expect(formatDate('2021-03-31T23:30:00+14:00')).toBe('31 maart 2021');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(null)).toBe('—');
  });
});

describe('daysText', () => {
  it('counts the days left and the days overdue in words', () => {
    expect(daysText(5)).toBe('nog 5 dagen');
    expect(daysText(1)).toBe('nog 1 dag');
    expect(daysText(0)).toBe('vandaag');
    expect(daysText(-1)).toBe('1 dag te laat');
    expect(daysText(-12)).toBe('12 dagen te laat');
    expect(daysText(null)).toBeNull();
  });
});

describe('questionNumbersText', () => {
  it('names one question or several', () => {
    expect(questionNumbersText([1])).toBe('vraag 1');
    expect(questionNumbersText([3, 4, 5])).toBe('vragen 3, 4 en 5');
  });
});

describe('sign-in blocks', () => {
  const now = new Date('2026-12-01T14:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 14:15:00 GMT', now)).toBe(900);
    expect(retryAfterSeconds(null, now)).toBeNull();
  });

  it('says the time to try again in Amsterdam time', () => {
    expect(clockTimeIn(900, now)).toBe('15:15');
  });
});

it('today is the Amsterdam calendar date', () => {
  expect(todayIso(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
});

it('lists the submitters with their party', () => {
  expect(submittersText([{ name: 'Van Helvert', party: 'CDA' }, { name: 'Sjoerdsma', party: null }])).toBe('Van Helvert (CDA), Sjoerdsma');
});

it('counts calendar days until a date, across a month and a year', () => {
  expect(daysUntil('2027-01-02', '2026-12-31')).toBe(2);
  expect(daysUntil('2019-07-29', '2019-08-08')).toBe(-10);
});
