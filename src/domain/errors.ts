/**
 * Errors the bot can explain to a player. Every error that reaches the CLI carries a one-line
 * message and an exit code: 2 for input the player can correct, 1 for everything else.
 */
export class AppError extends Error {
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly code: string = 'ERROR',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is malformed (bad symbol, missing argument): nothing was attempted. */
export class ValidationError extends AppError {
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message, 'VALIDATION');
  }
}

/** Something the player named does not exist (player, ship, waypoint...). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}

/** A game rule forbids the action in the current state (wrong nav status, no fuel...). */
export class DomainRuleError extends AppError {
  constructor(message: string, code = 'RULE') {
    super(message, code);
  }
}

/** The action conflicts with something that already exists (duplicate agent...). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}
