import type { Contract } from '../../domain/contracts/contract.js';
import type { ContractDto } from '../../ports/spacetraders-api.js';

/** The domain contract for a contract as the API describes it. */
export function toContract(dto: ContractDto): Contract {
  const toAccept = dto.deadlineToAccept ?? dto.expiration;
  const deadlineToAccept = toAccept ? Date.parse(toAccept) : Number.NaN;
  return {
    id: dto.id,
    faction: dto.factionSymbol,
    type: dto.type,
    accepted: dto.accepted,
    fulfilled: dto.fulfilled,
    deadline: Date.parse(dto.terms.deadline),
    deadlineToAccept: Number.isFinite(deadlineToAccept) ? deadlineToAccept : null,
    payment: { onAccepted: dto.terms.payment.onAccepted, onFulfilled: dto.terms.payment.onFulfilled },
    deliver: (dto.terms.deliver ?? []).map((d) => ({
      good: d.tradeSymbol,
      destination: d.destinationSymbol,
      required: d.unitsRequired,
      fulfilled: d.unitsFulfilled,
    })),
  };
}
