import { inject, injectable } from 'inversify';
import type { ContainerState } from '../../domain/containers/container.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { ContainerStore } from '../../ports/container-store.js';
import { TOKENS } from '../../ports/tokens.js';

/** Every daemon container, oldest first; read from the database, so it works with the daemon down. */
export class ListContainers extends Query<ContainerState[]> {
  constructor(_props: Record<string, never> = {}) {
    super();
  }
}

@injectable()
export class ListContainersHandler implements RequestHandler<ListContainers> {
  constructor(@inject(TOKENS.ContainerStore) private readonly containers: ContainerStore) {}

  async handle(): Promise<ContainerState[]> {
    return this.containers.list().map((c) => c.snapshot());
  }
}
