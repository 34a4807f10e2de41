import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it("lets the desk's own bodies through", () => {
    expect(jsonDepthExceeds(bytes('{"version":1,"answers":[{"questionNumbers":[1],"text":"x"}]}'), 4)).toBe(false);
  });

  it('stops at the first level past the limit', () => {
    expect(jsonDepthExceeds(bytes('['.repeat(33) + ']'.repeat(33)), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes('['.repeat(32) + ']'.repeat(32)), 32)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":'.repeat(40)), 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify({ text: '[[[[[[ \\" {{{{ "' + '['.repeat(100) })), 2)).toBe(false);
  });

  it('reads a megabyte of brackets in a few milliseconds', () => {
    const huge = bytes('['.repeat(500_000) + ']'.repeat(500_000));
    const started = performance.now();
    expect(jsonDepthExceeds(huge)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
