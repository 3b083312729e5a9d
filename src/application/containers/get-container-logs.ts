import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { LOG_LEVEL_RANK, type ContainerLogLine, type ContainerStore } from '../../ports/container-store.js';
import { TOKENS } from '../../ports/tokens.js';

/** A container's log lines after a given line, at a level and above. */
export class GetContainerLogs extends Query<ContainerLogLine[]> {
  readonly id: string;
  readonly afterId: number;
  readonly level?: string;

  constructor(props: { id: string; afterId?: number; level?: string }) {
    super();
    this.id = props.id;
    this.afterId = props.afterId ?? 0;
    this.level = props.level?.toLowerCase();
  }

  override validate(): void {
    if (this.level !== undefined && !(this.level in LOG_LEVEL_RANK))
      throw new ValidationError(`unknown level "${this.level}" (use ${Object.keys(LOG_LEVEL_RANK).join(', ')})`);
  }
}

@injectable()
export class GetContainerLogsHandler implements RequestHandler<GetContainerLogs> {
  constructor(@inject(TOKENS.ContainerStore) private readonly containers: ContainerStore) {}

  async handle(request: GetContainerLogs): Promise<ContainerLogLine[]> {
    if (!this.containers.find(request.id))
      throw new NotFoundError(`no container ${request.id} (see: spacetraders container list)`);
    return this.containers.logs(request.id, { afterId: request.afterId, minLevel: request.level });
  }
}
