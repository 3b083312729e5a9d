import { describe, expect, it } from 'vitest';
import type { WorkClass } from '../ports/work-class.js';
import { currentWorkClass, outsideRequest } from './context.js';
import { Mediator } from './mediator.js';
import { Command, Query } from './request.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each "API call" saw: the ambient class at the moment it was made. */
type Seen = Array<[string, WorkClass | undefined]>;

class ReadMarket extends Query<void> {
  constructor(readonly props: { label: string }) {
    super();
  }
}

class Scout extends Command<void> {
  static override readonly workClass = 'scouting' as const;
  constructor(readonly props: { label: string; rounds: number }) {
    super();
  }
}

class Trade extends Command<void> {
  static override readonly workClass = 'revenue' as const;
  constructor(readonly props: { label: string; rounds: number; scoutInline?: boolean; spawn?: boolean }) {
    super();
  }
}

/** A player's one-shot command: it declares no class. */
class ShowShip extends Command<void> {
  constructor(readonly props: { label: string }) {
    super();
  }
}

function setup() {
  const seen: Seen = [];
  const spawned: Promise<void>[] = [];
  const mediator = new Mediator();
  const call = (label: string) => void seen.push([label, currentWorkClass()]);
  mediator.register(ReadMarket, { handle: async (q: ReadMarket) => call(q.props.label) });
  mediator.register(ShowShip, {
    handle: async (c: ShowShip) => {
      call(c.props.label);
      await mediator.send(new ReadMarket({ label: `${c.props.label}/read` }));
    },
  });
  mediator.register(Scout, {
    handle: async (c: Scout) => {
      for (let i = 0; i < c.props.rounds; i++) {
        await tick(1);
        await mediator.send(new ReadMarket({ label: `${c.props.label}/read` }));
      }
    },
  });
  mediator.register(Trade, {
    handle: async (c: Trade) => {
      for (let i = 0; i < c.props.rounds; i++) {
        await tick(1);
        call(c.props.label);
        await mediator.send(new ReadMarket({ label: `${c.props.label}/read` }));
      }
      if (c.props.scoutInline) await mediator.send(new Scout({ label: `${c.props.label}/scout`, rounds: 1 }));
      call(`${c.props.label}/after`);
      // The coordinator starting a container: the container runner sends its command outside any request.
      if (c.props.spawn) spawned.push(outsideRequest(() => mediator.send(new ShowShip({ label: 'spawned' }))));
    },
  });
  return { mediator, seen, spawned };
}

describe('the ambient work class', () => {
  it('holds for every nested send, and a nested command that declares its own class changes it for its part only', async () => {
    const { mediator, seen } = setup();
    await mediator.send(new Trade({ label: 'trade', rounds: 1, scoutInline: true }));
    expect(seen).toEqual([
      ['trade', 'revenue'],
      ['trade/read', 'revenue'],
      ['trade/scout/read', 'scouting'],
      ['trade/after', 'revenue'],
    ]);
  });

  it('is none for a command that declares none, and for a container started from inside another', async () => {
    const { mediator, seen, spawned } = setup();
    await mediator.send(new ShowShip({ label: 'show' }));
    await mediator.send(new Trade({ label: 'fleet', rounds: 0, spawn: true }));
    await Promise.all(spawned);
    expect(seen).toEqual([
      ['show', undefined],
      ['show/read', undefined],
      ['fleet/after', 'revenue'],
      ['spawned', undefined],
      ['spawned/read', undefined],
    ]);
    expect(currentWorkClass()).toBeUndefined();
  });

  it('does not leak between containers running at once', async () => {
    const { mediator, seen } = setup();
    // Interleaved at every await: a scout, two traders and a player's command, all at once.
    await Promise.all([
      outsideRequest(() => mediator.send(new Scout({ label: 'probe', rounds: 5 }))),
      outsideRequest(() => mediator.send(new Trade({ label: 'hauler', rounds: 5 }))),
      outsideRequest(() => mediator.send(new Trade({ label: 'frigate', rounds: 5, scoutInline: true }))),
      outsideRequest(() => mediator.send(new ShowShip({ label: 'player' }))),
    ]);
    const labels = seen.map(([label]) => label);
    expect(labels.indexOf('hauler')).toBeLessThan(labels.lastIndexOf('probe/read')); // they did interleave
    for (const [label, work] of seen) {
      const expected = label.startsWith('player')
        ? undefined
        : label.startsWith('probe') || label.includes('/scout')
          ? 'scouting'
          : 'revenue';
      expect([label, work]).toEqual([label, expected]);
    }
    expect(seen.filter(([, work]) => work === 'scouting')).toHaveLength(6);
  });
});
