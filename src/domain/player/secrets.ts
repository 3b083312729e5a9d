/** What stands in for a secret wherever one would have been shown. */
const REDACTED = '[redacted]';

/** Shorter values are not tokens (and scrubbing them would mangle ordinary words). */
const MIN_SECRET_LENGTH = 8;

/**
 * Every secret the process has come to know — agent tokens as they are loaded or obtained, the
 * account token — so that each way out of the process (CLI output and errors, log lines, stored
 * events) can scrub them from any text, whatever field or message they hide in.
 */
export class SecretRegistry {
  private secrets: string[] = [];

  /** Remember secrets (empty and too-short values are ignored). */
  readonly add = (...values: ReadonlyArray<string | null | undefined>): void => {
    for (const value of values) {
      const secret = value?.trim();
      if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.includes(secret)) continue;
      // Longest first, so a secret that contains another is replaced whole.
      this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
    }
  };

  /** The text with every known secret replaced by `[redacted]`. */
  readonly scrub = (text: string): string => {
    let scrubbed = text;
    for (const secret of this.secrets) {
      if (scrubbed.includes(secret)) scrubbed = scrubbed.replaceAll(secret, REDACTED);
    }
    return scrubbed;
  };
}

/** The secrets of this process: fed where tokens enter it, applied where text leaves it. */
export const processSecrets = new SecretRegistry();
