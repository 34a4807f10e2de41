import type { DeskConfigService } from '@question-desk/config';
import { sessionKeyOf, ViewerCache } from './viewer-cache';
import type { Viewer } from './viewer';

const ANNE: Viewer = { id: 'a', email: 'anne@example.org', name: 'Anne', roles: ['desk'], ministry: null };
const BOB: Viewer = { id: 'b', email: 'bob@example.org', name: 'Bob', roles: ['drafter'], ministry: { code: 'BZ', name: 'Buitenlandse Zaken' } };

function cacheFor(viewerCacheMs: number): ViewerCache {
  return new ViewerCache({ values: { viewerCacheMs } } as DeskConfigService);
}

describe('the viewer cache of an API process', () => {
  afterEach(() => jest.useRealTimers());

  it('knows a session by a hash of its token, never the token itself', () => {
    expect(sessionKeyOf('header.claims.signature')).not.toContain('claims');
    expect(sessionKeyOf('a')).toBe(sessionKeyOf('a'));
    expect(sessionKeyOf('a')).not.toBe(sessionKeyOf('b'));
  });

  it('forgets a session after VIEWER_CACHE_MS, and never keeps it past its token', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = cacheFor(1000);
    cache.remember('s1', ANNE, 1_000_000 + 60_000);
    cache.remember('s2', BOB, 1_000_000 + 300);
    jest.advanceTimersByTime(299);
    expect(cache.get('s1')).toBe(ANNE);
    expect(cache.get('s2')).toBe(BOB);
    jest.advanceTimersByTime(1);
    expect(cache.get('s2')).toBeUndefined();
    jest.advanceTimersByTime(700);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('forgets a signed-out session and every session of a changed account at once', () => {
    const cache = cacheFor(1000);
    const far = Date.now() + 60_000;
    cache.remember('anne-laptop', ANNE, far);
    cache.remember('anne-phone', ANNE, far);
    cache.remember('bob', BOB, far);
    cache.forgetSession('bob');
    expect(cache.get('bob')).toBeUndefined();
    cache.forgetAccount('a');
    expect(cache.get('anne-laptop')).toBeUndefined();
    expect(cache.get('anne-phone')).toBeUndefined();
  });

  it('remembers nothing with VIEWER_CACHE_MS=0, and at most 10,000 sessions', () => {
    const off = cacheFor(0);
    off.remember('s', ANNE, Date.now() + 60_000);
    expect(off.get('s')).toBeUndefined();
    const cache = cacheFor(1000);
    for (let i = 0; i <= 10_000; i++) cache.remember(`s${i}`, ANNE, Date.now() + 60_000);
    expect(cache.get('s0')).toBeUndefined();
    expect(cache.get('s10000')).toBe(ANNE);
  });
});
