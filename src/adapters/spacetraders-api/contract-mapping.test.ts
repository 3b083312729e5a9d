import { describe, expect, it } from 'vitest';
import type { ContractDto } from '../../ports/spacetraders-api.js';
import { toContract } from './contract-mapping.js';

const dto: ContractDto = {
  id: 'cl1',
  factionSymbol: 'COSMIC',
  type: 'PROCUREMENT',
  terms: {
    deadline: '2026-12-08T00:00:00.000Z',
    payment: { onAccepted: 1_440, onFulfilled: 7_784 },
    deliver: [{ tradeSymbol: 'COPPER_ORE', destinationSymbol: 'X1-A1-B2', unitsRequired: 43, unitsFulfilled: 3 }],
  },
  accepted: true,
  fulfilled: false,
  expiration: '2026-12-02T00:00:00.000Z',
  deadlineToAccept: '2026-12-02T12:00:00.000Z',
};

describe('toContract', () => {
  it('maps the terms to deliveries and epoch-ms deadlines', () => {
    expect(toContract(dto)).toEqual({
      id: 'cl1',
      faction: 'COSMIC',
      type: 'PROCUREMENT',
      accepted: true,
      fulfilled: false,
      deadline: Date.parse('2026-12-08T00:00:00.000Z'),
      deadlineToAccept: Date.parse('2026-12-02T12:00:00.000Z'),
      payment: { onAccepted: 1_440, onFulfilled: 7_784 },
      deliver: [{ good: 'COPPER_ORE', destination: 'X1-A1-B2', required: 43, fulfilled: 3 }],
    });
  });

  it('takes the deprecated expiration when deadlineToAccept is absent, and no deliveries as none', () => {
    const { deadlineToAccept: _, ...older } = dto;
    const mapped = toContract({ ...older, terms: { ...dto.terms, deliver: undefined } });
    expect(mapped.deadlineToAccept).toBe(Date.parse('2026-12-02T00:00:00.000Z'));
    expect(mapped.deliver).toEqual([]);
  });
});
