import { DomainRuleError } from '../errors.js';

/** One good a contract asks for: where it goes, how many units in all, how many are delivered. */
export interface ContractDelivery {
  good: string;
  destination: string;
  required: number;
  fulfilled: number;
}

/**
 * A contract with a faction, as the server last showed it. Timestamps are epoch ms; the server is the
 * truth, so nothing here is stored: every decision reads the contract again.
 */
export interface Contract {
  id: string;
  faction: string;
  type: string;
  accepted: boolean;
  fulfilled: boolean;
  /** The delivery deadline (epoch ms). */
  deadline: number;
  /** Until when the offer may be accepted (epoch ms); null when the server did not say. */
  deadlineToAccept: number | null;
  payment: { onAccepted: number; onFulfilled: number };
  deliver: ContractDelivery[];
}

/** Units of a delivery still to bring. */
export function unitsStillRequired(delivery: ContractDelivery): number {
  return Math.max(0, delivery.required - delivery.fulfilled);
}

/** Every delivery is complete: the contract may be fulfilled. */
export function termsMet(contract: Contract): boolean {
  return contract.deliver.every((d) => unitsStillRequired(d) === 0);
}

/** An offer not yet accepted whose time to accept has passed. */
export function offerExpired(contract: Contract, now: number): boolean {
  return !contract.accepted && contract.deadlineToAccept !== null && contract.deadlineToAccept <= now;
}

/** Still to be worked on: accepted and not fulfilled before its deadline, or an offer still open. */
export function isOpen(contract: Contract, now: number): boolean {
  if (contract.fulfilled) return false;
  if (contract.accepted) return contract.deadline > now;
  return !offerExpired(contract, now);
}

/**
 * The delivery a player means: the one for `good`, or the contract's only one (or the first with
 * units still required) when no good is named.
 */
export function deliveryFor(contract: Contract, good?: string): ContractDelivery {
  if (good !== undefined) {
    const wanted = good.toUpperCase();
    const found = contract.deliver.find((d) => d.good === wanted);
    if (!found)
      throw new DomainRuleError(
        `contract ${contract.id} does not ask for ${wanted} (it asks for ${goodsOf(contract)})`,
        'CONTRACT_GOOD',
      );
    return found;
  }
  const found = contract.deliver.find((d) => unitsStillRequired(d) > 0) ?? contract.deliver[0];
  if (!found) throw new DomainRuleError(`contract ${contract.id} asks for no goods`, 'CONTRACT_GOOD');
  return found;
}

/** What a contract asks for, as a player reads it: "40 IRON_ORE to X1-A1-B2". */
export function goodsOf(contract: Contract): string {
  return contract.deliver.map((d) => `${d.required} ${d.good} to ${d.destination}`).join(', ') || 'nothing';
}

/** Credits the contract still pays: both payments for an offer, the fulfil payment once accepted. */
export function paymentStillDue(contract: Contract): number {
  if (contract.fulfilled) return 0;
  return (contract.accepted ? 0 : contract.payment.onAccepted) + contract.payment.onFulfilled;
}
