import { inject, injectable } from 'inversify';
import type { ContainerState } from '../../domain/containers/container.js';
import { NotFoundError } from '../../domain/errors.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { ContainerStore } from '../../ports/container-store.js';
import { TOKENS } from '../../ports/tokens.js';

/** One container in full. */
export class InspectContainer extends Query<ContainerState> {
  readonly id: string;

  constructor(props: { id: string }) {
    super();
    this.id = props.id;
  }
}

@injectable()
export class InspectContainerHandler implements RequestHandler<InspectContainer> {
  constructor(@inject(TOKENS.ContainerStore) private readonly containers: ContainerStore) {}

  async handle(request: InspectContainer): Promise<ContainerState> {
    const container = this.containers.find(request.id);
    if (!container) throw new NotFoundError(`no container ${request.id} (see: spacetraders container list)`);
    return container.snapshot();
  }
}
