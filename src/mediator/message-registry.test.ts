import { describe, expect, it } from 'vitest';
import { MessageRegistry } from './message-registry.js';
import { Command } from './request.js';

class NavigateTo extends Command<void> {
  readonly ship: string;
  readonly destination: string;
  constructor(props: { ship: string; destination: string }) {
    super();
    this.ship = props.ship;
    this.destination = props.destination;
  }
}

describe('MessageRegistry', () => {
  it('rebuilds a command from its type name and JSON payload', () => {
    const registry = new MessageRegistry().register(NavigateTo);
    const original = new NavigateTo({ ship: 'NOVA-1-1', destination: 'X1-A-B2' });
    const { type, payload } = registry.serialize(original);
    expect(type).toBe('NavigateTo');
    expect(payload).toEqual({ ship: 'NOVA-1-1', destination: 'X1-A-B2' });
    const rebuilt = registry.rebuild(type, JSON.parse(JSON.stringify(payload)));
    expect(rebuilt).toBeInstanceOf(NavigateTo);
    expect(rebuilt).toMatchObject({ ship: 'NOVA-1-1', destination: 'X1-A-B2', kind: 'command' });
    expect(rebuilt.requestId).not.toBe(original.requestId);
  });

  it('refuses an unknown type name and lists the known ones', () => {
    const registry = new MessageRegistry().register(NavigateTo);
    expect(() => registry.rebuild('SelfDestruct', {})).toThrow(
      'unknown command type "SelfDestruct" (known: NavigateTo)',
    );
  });
});
