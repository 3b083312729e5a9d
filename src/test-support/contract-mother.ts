import type { Contract, ContractDelivery } from '../domain/contracts/contract.js';

/**
 * An Object Mother: an accepted, open PROCUREMENT contract of 10 IRON to X1-A-1, due in a day, paying
 * 1,000 + 9,000, unless told otherwise (`delivery` changes the one delivery's terms).
 */
export function aContract(changes: Partial<Contract> = {}, delivery: Partial<ContractDelivery> = {}): Contract {
  return {
    id: 'c-1',
    faction: 'COSMIC',
    type: 'PROCUREMENT',
    accepted: true,
    fulfilled: false,
    deadline: Date.now() + 86_400_000,
    deadlineToAccept: null,
    payment: { onAccepted: 1_000, onFulfilled: 9_000 },
    deliver: [{ good: 'IRON', destination: 'X1-A-1', required: 10, fulfilled: 0, ...delivery }],
    ...changes,
  };
}
