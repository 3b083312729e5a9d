import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipTrade, TradeCommand, type TradeReport } from './ship-trade.js';
import { requireGoodSymbol, requireLimit, requireUnits } from './trade-input.js';

/** Sells units of a good (or all the ship carries) at the ship's market, in lots, taking at least `limit` a unit. */
export class SellCargo extends TradeCommand {
  /** Absent: everything of the good in the hold. */
  readonly units?: number;

  constructor(props: {
    shipSymbol: string;
    good: string;
    units?: number;
    limit?: number;
    player?: string;
    tradeId?: string;
  }) {
    super(props);
    if (props.units !== undefined) this.units = props.units;
  }

  override validate(): void {
    super.validate();
    requireGoodSymbol(this.good);
    if (this.units !== undefined) requireUnits(this.units);
    requireLimit(this.limit, '--min-price');
  }
}

@injectable()
export class SellCargoHandler implements RequestHandler<SellCargo> {
  constructor(@inject(ShipTrade) private readonly trade: ShipTrade) {}

  handle(request: SellCargo): Promise<TradeReport> {
    const good = request.good.toUpperCase();
    return this.trade.run(request, {
      side: 'SELL',
      good,
      limit: request.limit,
      units: (ship, _good, done) => {
        const held = ship.unitsOf(good);
        const units = request.units === undefined ? held : request.units - done;
        if (units === 0 && done > 0) return 0;
        if (held === 0) throw new DomainRuleError(`${ship.symbol} carries no ${good}`, 'CARGO');
        if (units > held)
          throw new DomainRuleError(`${ship.symbol} carries only ${held} ${good}, asked to sell ${units}`, 'CARGO');
        return units;
      },
    });
  }
}
