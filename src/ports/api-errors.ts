import { AppError } from '../domain/errors.js';

/**
 * A failure reported by the SpaceTraders API, typed by its error code (never by HTTP status).
 * Messages are one line in player terms and never contain a token.
 */
export class ApiError extends AppError {
  constructor(
    readonly apiCode: number,
    readonly status: number,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    // Code 0: no answer from the server at all (connection refused, timed out).
    super(apiCode > 0 ? `error ${apiCode}: ${message}` : message, `API_${apiCode}`);
  }
}

export class InsufficientFuelError extends ApiError {
  readonly fuelRequired = Number(this.data.fuelRequired);
  readonly fuelAvailable = Number(this.data.fuelAvailable);
}
class ShipInTransitError extends ApiError {
  readonly secondsToArrival = Number(this.data.secondsToArrival ?? 0);
}
export class NotInOrbitError extends ApiError {}
class NotDockedError extends ApiError {}
class AlreadyAtDestinationError extends ApiError {}
class CooldownError extends ApiError {
  readonly remainingSeconds = Number(
    (this.data.cooldown as { remainingSeconds?: number } | undefined)?.remainingSeconds ?? 0,
  );
}
class InsufficientCreditsError extends ApiError {}
class RateLimitedError extends ApiError {}
/** The server was reset: the agent token is from an earlier reset and must be replaced. */
export class TokenResetError extends ApiError {}
class UnauthorizedError extends ApiError {}
class ApiNotFoundError extends ApiError {}
/** The server could not be reached or answered 5xx after every retry. */
export class ServerUnavailableError extends ApiError {}
/**
 * A move or a spend was sent, its answer was lost, and reading the state back failed too: it may or
 * may not have been applied. Nothing about it may be recorded as fact; the player checks the state.
 * An outage like any other for a restart policy: a command that is restarted must read the state
 * before it acts again (a navigation does).
 */
export class OutcomeUnknownError extends ServerUnavailableError {
  constructor(message: string) {
    super(0, 0, message);
  }
}

/** Builds the typed error for an error body `{error:{code,message,data}}`. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; data?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'number' ? error.code : status;
  const message = typeof error?.message === 'string' ? oneLine(error.message) : `HTTP ${status}`;
  const data = (error?.data && typeof error.data === 'object' ? error.data : {}) as Record<string, unknown>;
  switch (code) {
    case 4203:
      return new InsufficientFuelError(
        code,
        status,
        `ship ${data.shipSymbol ?? '?'} needs ${data.fuelRequired ?? '?'} fuel, has ${data.fuelAvailable ?? '?'}`,
        data,
      );
    case 4214:
    case 4200:
      return new ShipInTransitError(
        code,
        status,
        data.secondsToArrival !== undefined
          ? `ship is in transit to ${data.destinationSymbol ?? '?'}, arriving in ${data.secondsToArrival} s`
          : message,
        data,
      );
    case 4236:
      return new NotInOrbitError(
        code,
        status,
        `ship is not in orbit at ${data.waypointSymbol ?? 'its waypoint'}`,
        data,
      );
    case 4244:
      return new NotDockedError(code, status, `ship is not docked at ${data.waypointSymbol ?? 'its waypoint'}`, data);
    case 4204:
      return new AlreadyAtDestinationError(
        code,
        status,
        `ship is already at ${data.destinationSymbol ?? 'the destination'}`,
        data,
      );
    case 4000:
      return new CooldownError(code, status, message, data);
    case 4600:
    case 4216:
      return new InsufficientCreditsError(code, status, message, data);
    case 429:
      return new RateLimitedError(code, status, message, data);
    case 404:
      return new ApiNotFoundError(code, status, message, data);
    default:
      if (status === 401 || code === 401) {
        return /reset_date/i.test(message)
          ? new TokenResetError(
              code,
              status,
              'the server was reset since this token was issued: register the agent again (spacetraders player register --reregister)',
              data,
            )
          : new UnauthorizedError(code, status, message, data);
      }
      if (status >= 500) return new ServerUnavailableError(code, status, message, data);
      return new ApiError(code, status, message, data);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
