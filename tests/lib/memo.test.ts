import { memoPerObject } from '@/lib/memo';

describe('memoPerObject', () => {
  it('works a value out once per object and key', () => {
    const memo = memoPerObject<object, string | null, number>();
    const [a, b] = [{}, {}];
    let made = 0;
    const make = () => (made += 1);
    expect([memo(a, 'x', make), memo(a, 'x', make), memo(a, null, make), memo(b, 'x', make), memo(a, null, make)]).toEqual([1, 1, 2, 3, 2]);
    expect(made).toBe(3);
  });

  it('keeps at most maxKeys values per object, making the others for each call', () => {
    const memo = memoPerObject<object, string, number>({ maxKeys: 2 });
    const [a, b] = [{}, {}];
    let made = 0;
    const make = () => (made += 1);
    expect([memo(a, 'x', make), memo(a, 'y', make), memo(a, 'z', make), memo(a, 'z', make), memo(a, 'x', make), memo(b, 'z', make)]).toEqual([1, 2, 3, 4, 1, 5]);
    expect(made).toBe(5);
  });

  it('keeps nothing when making the value throws, so the next call tries again', () => {
    const memo = memoPerObject<object, string, number>();
    const key = {};
    expect(() => memo(key, 'x', () => { throw new Error('too big'); })).toThrow('too big');
    expect(memo(key, 'x', () => 7)).toBe(7);
  });
});
