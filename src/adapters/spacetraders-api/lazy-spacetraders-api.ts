import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';

/**
 * The API client, loaded on its first call: commands that never talk to the server (player list,
 * events, config) do not pay for loading the HTTP stack.
 */
export function lazySpaceTradersApi(load: () => Promise<SpaceTradersApi>): SpaceTradersApi {
  let client: Promise<SpaceTradersApi> | undefined;
  return new Proxy({} as SpaceTradersApi, {
    get(_target, method: string | symbol) {
      if (typeof method !== 'string' || method === 'then') return undefined;
      return async (...args: unknown[]) => {
        client ??= load();
        const api = (await client) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        return api[method]!(...args);
      };
    },
  });
}
