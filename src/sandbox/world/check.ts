/**
 * A small structural checker for JSON the sandbox is handed (a world state, a survey, admin input):
 * each check appends "where: what is wrong" to a list of problems instead of throwing, so a rejection
 * names every place at once and nothing is changed before the whole value is known to be sound.
 */
export type Check = (value: unknown, where: string, problems: string[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : JSON.stringify(value);

function is(test: (value: unknown) => boolean, expected: string): Check {
  return (value, where, problems) => {
    if (!test(value)) problems.push(`${where} must be ${expected}, not ${describe(value)}`);
  };
}

export const text = is((v) => typeof v === 'string', 'a string');
export const symbol = is((v) => typeof v === 'string' && v !== '', 'a non-empty string');
export const bool = is((v) => typeof v === 'boolean', 'true or false');
/** A finite number (JSON's 1e309 parses to Infinity, which no rule of the game can use). */
export const num = is((v) => typeof v === 'number' && Number.isFinite(v), 'a finite number');
export const count = is((v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number >= 0');
export const amount = is((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a number >= 0');
export const positive = is((v) => typeof v === 'number' && Number.isFinite(v) && v > 0, 'a number > 0');
export const timestamp = is((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO timestamp');
export const day = is(
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  'a date YYYY-MM-DD',
);
export const anything: Check = () => {};

export function between(min: number, max: number, integer = false): Check {
  return is(
    (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)),
    `a${integer ? ' whole' : ''} number from ${min} to ${max}`,
  );
}

export function oneOf(values: readonly string[]): Check {
  return is((v) => typeof v === 'string' && values.includes(v), `one of ${values.join(', ')}`);
}

export function optional(check: Check): Check {
  return (value, where, problems) => {
    if (value !== undefined) check(value, where, problems);
  };
}

export function list(item: Check, nonEmpty = false): Check {
  return (value, where, problems) => {
    if (!Array.isArray(value)) return void problems.push(`${where} must be a list, not ${describe(value)}`);
    if (nonEmpty && value.length === 0) problems.push(`${where} must not be empty`);
    for (const [i, entry] of value.entries()) item(entry, `${where}[${i}]`, problems);
  };
}

/** An object of `fields` (others are allowed and left alone). */
export function shape(fields: Record<string, Check>): Check {
  return (value, where, problems) => {
    if (!isObject(value)) return void problems.push(`${where} must be an object, not ${describe(value)}`);
    for (const [name, check] of Object.entries(fields)) check(value[name], `${where}.${name}`, problems);
  };
}

/** An object used as a map from keys to `entry`. */
export function record(entry: Check): Check {
  return (value, where, problems) => {
    if (!isObject(value)) return void problems.push(`${where} must be an object, not ${describe(value)}`);
    for (const [key, item] of Object.entries(value)) entry(item, `${where}.${key}`, problems);
  };
}

/** The problems `check` finds in `value` (named from `root`); none means it is sound. */
export function problemsOf(check: Check, value: unknown, root: string): string[] {
  const problems: string[] = [];
  check(value, root, problems);
  return problems;
}

/** The first few problems as one line, for an error message. */
export function summary(problems: string[], most = 5): string {
  const shown = problems.slice(0, most).join('; ');
  return problems.length > most ? `${shown}; and ${problems.length - most} more` : shown;
}
