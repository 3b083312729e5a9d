import { inject, injectable } from 'inversify';
import type { ContractEvaluation } from '../../domain/contracts/evaluation.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireShipSymbol } from '../ships/ship-symbol.js';
import { ContractPlanning } from './contract-planning.js';
import { requireContractId } from './contract-view.js';

/**
 * What a contract would earn done by one ship (the one given, else the player's ship with the largest
 * hold): payments still due, less goods at the best known stored prices (or mining time) and fuel,
 * over the time every trip takes.
 */
export class EvaluateContract extends Query<ContractEvaluation> {
  readonly contractId: string;
  readonly shipSymbol?: string;
  readonly player?: string;

  constructor(props: { contractId: string; shipSymbol?: string; player?: string }) {
    super();
    this.contractId = props.contractId;
    if (props.shipSymbol !== undefined) this.shipSymbol = props.shipSymbol;
    this.player = props.player;
  }

  override validate(): void {
    requireContractId(this.contractId);
    if (this.shipSymbol !== undefined) requireShipSymbol(this.shipSymbol);
  }
}

@injectable()
export class EvaluateContractHandler implements RequestHandler<EvaluateContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(ContractPlanning) private readonly planning: ContractPlanning,
  ) {}

  async handle(request: EvaluateContract): Promise<ContractEvaluation> {
    const player = this.players.resolve(request.player);
    const contract = await this.api.getContract(player.token, request.contractId);
    const ship = await this.ship(player, request.shipSymbol);
    return this.planning.evaluate(player, ship, contract);
  }

  private async ship(player: Player, symbol: string | undefined): Promise<Ship> {
    if (symbol !== undefined) return this.api.getShip(player.token, symbol.toUpperCase());
    const ships = await this.api.listShips(player.token);
    const hauler = ships.reduce<Ship | undefined>(
      (best, ship) => (!best || ship.cargo.capacity > best.cargo.capacity ? ship : best),
      undefined,
    );
    if (!hauler || hauler.cargo.capacity === 0)
      throw new NotFoundError(`${player.agentSymbol} has no ship with a hold`);
    return hauler;
  }
}
