import type { Contract } from '../../domain/contracts/contract.js';
import { ValidationError } from '../../domain/errors.js';

/** A contract as `contract list` and `contract show` print it (the JSON keys are a contract). */
export interface ContractView {
  id: string;
  faction: string;
  type: string;
  accepted: boolean;
  fulfilled: boolean;
  /** ISO timestamps. */
  deadline: string;
  deadlineToAccept: string | null;
  payment: { onAccepted: number; onFulfilled: number };
  deliver: Array<{ good: string; destination: string; required: number; fulfilled: number }>;
}

export function toContractView(contract: Contract): ContractView {
  return {
    id: contract.id,
    faction: contract.faction,
    type: contract.type,
    accepted: contract.accepted,
    fulfilled: contract.fulfilled,
    deadline: new Date(contract.deadline).toISOString(),
    deadlineToAccept: contract.deadlineToAccept === null ? null : new Date(contract.deadlineToAccept).toISOString(),
    payment: { ...contract.payment },
    deliver: contract.deliver.map((d) => ({ ...d })),
  };
}

const CONTRACT_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function requireContractId(id: string): void {
  if (typeof id !== 'string' || !CONTRACT_ID.test(id))
    throw new ValidationError(`invalid contract id "${id}" (see: spacetraders contract list)`);
}
