import { encode } from 'next-auth/jwt';
import { sessionClaim } from '@/lib/auth/session';
import { authSecret } from '@/lib/auth/secret';

const request = (cookie: string) => new Request('http://portal.test/api/graphql', { headers: { cookie: `next-auth.session-token=${cookie}` } });

afterEach(() => jest.useRealTimers());

describe('the session claim of a request', () => {
  it('reads the login and the session from a valid cookie, again and again', async () => {
    const cookie = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: authSecret(), maxAge: 3600 });
    for (let i = 0; i < 3; i += 1) expect(await sessionClaim(request(cookie))).toEqual({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('refuses a cookie once it expired, even one read before', async () => {
    const cookie = await encode({ token: { sub: 'user-2', sid: 'session-2' }, secret: authSecret(), maxAge: 60 });
    expect(await sessionClaim(request(cookie))).toEqual({ userId: 'user-2', sessionId: 'session-2' });
    // Past its expiry and next-auth's 15 s of tolerance: only the clock is moved.
    jest.useFakeTimers({ now: Date.now() + 76_000, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate'] });
    expect(await sessionClaim(request(cookie))).toBeNull();
  });

  it('refuses a cookie signed with another secret, or altered', async () => {
    const foreign = await encode({ token: { sub: 'user-3' }, secret: 'another secret', maxAge: 3600 });
    expect(await sessionClaim(request(foreign))).toBeNull();
    const cookie = await encode({ token: { sub: 'user-3', sid: 'session-3' }, secret: authSecret(), maxAge: 3600 });
    expect(await sessionClaim(request(`${cookie.slice(0, -4)}AAAA`))).toBeNull();
  });
});
