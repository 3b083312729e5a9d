import { deliveryFor, unitsStillRequired } from '../../domain/contracts/contract.js';
import { DomainRuleError } from '../../domain/errors.js';
import type { Player } from '../../domain/player/player.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';

/**
 * The good a contract wants and how many units it still needs, for `mine run --deliver`: refused unless
 * accepted and open — except that, with `fulfilledIsDone`, a contract fulfilled meanwhile (by a hauler,
 * say) answers `fulfilled: true` and nothing still required.
 */
export async function contractToMineFor(
  api: SpaceTradersApi,
  player: Player,
  contractId: string,
  fulfilledIsDone = false,
): Promise<{ good: string; stillRequired: number; fulfilled: boolean }> {
  const contract = await api.getContract(player.token, contractId);
  const delivery = deliveryFor(contract);
  if (contract.fulfilled && fulfilledIsDone) return { good: delivery.good, stillRequired: 0, fulfilled: true };
  if (contract.fulfilled) throw new DomainRuleError(`contract ${contractId} is already fulfilled`, 'CONTRACT_STATE');
  if (!contract.accepted)
    throw new DomainRuleError(
      `contract ${contractId} is not accepted: run \`spacetraders contract accept ${contractId}\``,
      'CONTRACT_STATE',
    );
  return { good: delivery.good, stillRequired: unitsStillRequired(delivery), fulfilled: false };
}
