import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import type { RequestHandler } from '../../mediator/request.js';
import { requireGoodSymbol, requireLimit, requireUnits } from './trade-input.js';
import { ShipTrade, TradeCommand, type TradeReport } from './ship-trade.js';

/** Buys units of a good at the ship's market, in lots, paying at most `limit` a unit (`--max-price`). */
export class BuyCargo extends TradeCommand {
  readonly units: number;

  constructor(props: {
    shipSymbol: string;
    good: string;
    units: number;
    limit?: number;
    player?: string;
    tradeId?: string;
  }) {
    super(props);
    this.units = props.units;
  }

  override validate(): void {
    super.validate();
    requireGoodSymbol(this.good);
    requireUnits(this.units);
    requireLimit(this.limit, '--max-price');
  }
}

@injectable()
export class BuyCargoHandler implements RequestHandler<BuyCargo> {
  constructor(@inject(ShipTrade) private readonly trade: ShipTrade) {}

  handle(request: BuyCargo): Promise<TradeReport> {
    const good = request.good.toUpperCase();
    return this.trade.run(request, {
      side: 'BUY',
      good,
      limit: request.limit,
      units: (ship, _good, done) => {
        const units = request.units - done;
        if (units > ship.cargoSpace)
          throw new DomainRuleError(
            `not enough cargo space: ${ship.symbol} has room for ${ship.cargoSpace} units, asked for ${units}`,
            'CARGO_SPACE',
          );
        return units;
      },
    });
  }
}
