import type { App } from '../composition-root.js';
import type { Command } from '../mediator/request.js';
import type { Output } from './output.js';

/**
 * `--background`: stores the request for the daemon and prints the container that runs it, e.g.
 * "mining running in the daemon as container 7 (see: …)". `what` names the job in that line.
 */
export async function submitInBackground(
  app: App,
  out: Output,
  request: Command<unknown>,
  player: string | null | undefined,
  what: string,
): Promise<void> {
  const { submitToDaemon } = await import('./daemon-client.js');
  const id = await submitToDaemon(app.config.dbPath, app.messages, request, player ?? null);
  out.result(
    { containerId: id },
    (r) =>
      `${what} in the daemon as container ${r.containerId} (see: spacetraders container logs ${r.containerId} --follow)`,
  );
}
