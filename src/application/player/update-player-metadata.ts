import { inject, injectable } from 'inversify';
import { checkMetadata } from '../../domain/player/metadata.js';
import { normalizeAgentSymbol, type PlayerMetadata } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from './players.js';
import type { PlayerView } from './player-view.js';

/** Merges free-form metadata (role, notes...) into a player; a key set to null is removed. */
export class UpdatePlayerMetadata extends Command<PlayerView> {
  readonly agentSymbol: string;
  readonly metadata: PlayerMetadata;

  constructor(props: { agentSymbol: string; metadata: PlayerMetadata }) {
    super();
    this.agentSymbol = props.agentSymbol;
    this.metadata = props.metadata;
  }

  override validate(): void {
    normalizeAgentSymbol(this.agentSymbol);
    checkMetadata(this.metadata);
  }
}

@injectable()
export class UpdatePlayerMetadataHandler implements RequestHandler<UpdatePlayerMetadata> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: UpdatePlayerMetadata): Promise<PlayerView> {
    const player = this.players.resolve(request.agentSymbol);
    const event = player.updateMetadata(request.metadata, this.clock.now());
    this.players.save(player);
    currentUnitOfWork()?.record(event);
    return this.players.view(player);
  }
}
