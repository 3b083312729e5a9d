import { describe, expect, it } from 'vitest';
import { CriticalSection } from './critical-section.js';
import { LockTimeoutError } from './errors.js';

describe('CriticalSection', () => {
  it('gives a resource to one owner at a time and hands it on at release', async () => {
    const locks = new CriticalSection();
    const release = await locks.acquire('container-1', ['ship:A']);
    let secondGotIt = false;
    const second = locks.acquire('container-2', ['ship:A'], 1_000).then((r) => {
      secondGotIt = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(secondGotIt).toBe(false);
    expect(locks.holder('ship:A')).toBe('container-1');
    release();
    (await second)();
    expect(secondGotIt).toBe(true);
    expect(locks.holder('ship:A')).toBeUndefined();
  });

  it('is reentrant for the owner that holds the lock', async () => {
    const locks = new CriticalSection();
    const outer = await locks.acquire('c1', ['ship:A']);
    const inner = await locks.acquire('c1', ['ship:A'], 10);
    inner();
    expect(locks.holder('ship:A')).toBe('c1');
    outer();
    expect(locks.holder('ship:A')).toBeUndefined();
  });

  it('times out naming the holder, and keeps nothing it took on the way', async () => {
    const locks = new CriticalSection();
    await locks.acquire('c1', ['ship:B']);
    const attempt = locks.acquire('c2', ['ship:A', 'ship:B'], 30);
    await expect(attempt).rejects.toThrow(LockTimeoutError);
    await expect(attempt).rejects.toThrow('ship:B is held by c1');
    expect(locks.holder('ship:A')).toBeUndefined();
  });

  it('takes several resources in sorted order, so opposite orders cannot deadlock', async () => {
    const locks = new CriticalSection();
    const order: string[] = [];
    const one = locks.run('c1', ['ship:B', 'ship:A'], async () => {
      order.push('c1');
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const two = locks.run(
      'c2',
      ['ship:A', 'ship:B'],
      async () => {
        order.push('c2');
      },
      1_000,
    );
    await Promise.all([one, two]);
    expect(order).toEqual(['c1', 'c2']);
  });
});
