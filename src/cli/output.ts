/** How a command's result reaches the player: a JSON document with --json, else plain text. */
export interface Output {
  readonly json: boolean;
  result<T>(value: T, text: (value: T) => string): void;
  line(text: string): void;
}

export function createOutput(
  json: boolean,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Output {
  return {
    json,
    result(value, text) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text(value)}\n`);
    },
    line(text) {
      if (!json) write(`${text}\n`);
    },
  };
}

/** Left-aligned columns for list output. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(headers), ...rows.map(format)].join('\n');
}
