import { describe, expect, it } from 'vitest';
import { renderFleetStatus, watchFrame } from './fleet-view.js';

const view = {
  ships: [
    {
      symbol: 'NOVA-1-1',
      role: 'contracts',
      job: { container: 'ab12cd34', command: 'RunContracts' },
      location: 'X1-A-1',
      status: 'DOCKED' as const,
      cargo: { units: 12, capacity: 40 },
      creditsPerHour: 6_600,
    },
    {
      symbol: 'NOVA-1-2',
      role: 'scout',
      job: null,
      location: 'X1-A-2',
      status: 'IN_TRANSIT' as const,
      cargo: { units: 0, capacity: 0 },
      creditsPerHour: 0,
    },
  ],
  totals: { ships: 2, creditsPerHour: 6_600, credits: 175_000 },
};

describe('fleet status rendering', () => {
  it('shows one row per ship and the totals', () => {
    const lines = renderFleetStatus(view).split('\n');
    expect(lines[0]).toMatch(/^SHIP\s+ROLE\s+JOB\s+LOCATION\s+STATUS\s+CARGO\s+CREDITS\/H$/);
    expect(lines[1]).toMatch(/^NOVA-1-1\s+contracts\s+RunContracts ab12cd34\s+X1-A-1\s+DOCKED\s+12\/40\s+6,600$/);
    expect(lines[2]).toMatch(/^NOVA-1-2\s+scout\s+idle\s+X1-A-2\s+IN_TRANSIT\s+0\/0\s+0$/);
    expect(lines[3]).toBe('2 ship(s), 6,600 credits/hour over the last hour, 175,000 credits');
  });

  it('redraws in place on a terminal, appends plain frames into a pipe', () => {
    const at = new Date('2026-12-01T14:00:05Z');
    expect(watchFrame('body', at, true)).toBe('\x1b[H\x1b[2Jfleet at 14:00:05 UTC (Ctrl-C to stop)\nbody\n');
    expect(watchFrame('body', at, false)).toBe('fleet at 14:00:05 UTC (Ctrl-C to stop)\nbody\n\n');
  });
});
