import { inject, injectable } from 'inversify';
import { deliveryFor, termsMet, unitsStillRequired } from '../../domain/contracts/contract.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { DeliverContract } from '../contracts/deliver-contract.js';
import { FulfillContract } from '../contracts/fulfill-contract.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { ShipAction } from '../ships/ship-action.js';
import type { HoldUnloader, UnloadContext, UnloadResult } from './hold-unloader.js';
import { SellHold } from './sell-hold.js';

/**
 * `mine run --deliver CONTRACT`: flies the hold to the contract's destination and delivers its good (up
 * to what is still required, through DeliverContract), sells the rest where best (SellHold), and fulfils
 * the contract once every unit is delivered — then the run is finished. Decided from the contract and
 * the hold as the server shows them, so a restart neither delivers nor fulfils twice.
 */
@injectable()
export class DeliverHold {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(SellHold) private readonly selling: SellHold,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  to(contractId: string): HoldUnloader {
    return { unload: (context) => this.unload(context, contractId) };
  }

  private async unload(context: UnloadContext, contractId: string): Promise<UnloadResult> {
    const { player } = context;
    let ship = context.ship;
    let contract = await this.api.getContract(player.token, contractId);
    const delivery = deliveryFor(contract);
    if (!contract.fulfilled && unitsStillRequired(delivery) > 0 && ship.unitsOf(delivery.good) > 0) {
      this.logger.info({ contract: contractId }, `taking ${delivery.good} to ${delivery.destination}`);
      await this.mediator.send(
        new NavigateShip({ shipSymbol: ship.symbol, destination: delivery.destination, player: player.agentSymbol }),
      );
      const delivered = await this.mediator.send(
        new DeliverContract({ contractId, shipSymbol: ship.symbol, good: delivery.good, player: player.agentSymbol }),
      );
      await currentUnitOfWork()?.checkpoint();
      this.logger.info(
        { contract: contractId },
        `delivered ${delivered.units} ${delivered.good}; ${delivered.stillRequired} still required`,
      );
      contract = await this.api.getContract(player.token, contractId);
    }
    if (!contract.fulfilled && termsMet(contract)) {
      await this.fulfil(player, contractId);
      contract = await this.api.getContract(player.token, contractId);
    }
    ship = await this.reload(player, ship.symbol);
    const sold = await this.selling.as('best').unload({ ...context, ship });
    return { ...sold, finished: contract.fulfilled };
  }

  private async fulfil(player: Player, contractId: string): Promise<void> {
    await this.mediator.send(new FulfillContract({ contractId, player: player.agentSymbol }));
    await currentUnitOfWork()?.checkpoint();
    this.logger.info({ contract: contractId }, `fulfilled contract ${contractId}`);
  }

  private async reload(player: Player, shipSymbol: string) {
    return (await this.action.load({ shipSymbol, player: player.agentSymbol })).ship;
  }
}
