import { Command } from '../../mediator/request.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';

/** A read of what one waypoint offers (its market, its shipyard), for the player given or the default one. */
export abstract class WaypointRead<T> extends Command<T> {
  readonly waypoint: string;
  readonly player?: string;

  constructor(props: { waypoint: string; player?: string }) {
    super();
    this.waypoint = props.waypoint;
    this.player = props.player;
  }

  override validate(): void {
    requireWaypointSymbol(this.waypoint);
  }
}
