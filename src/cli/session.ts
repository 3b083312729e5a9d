import type { Command as CommanderCommand } from 'commander';
import type { App } from '../composition-root.js';
import { type ConfigFlags, loadDefaults, resolveConfig } from '../config/config.js';
import type { Config } from '../ports/config.js';
import { processSecrets } from '../domain/player/secrets.js';
import { reportError } from './errors.js';
import { createOutput, type Output } from './output.js';

interface GlobalOptions extends ConfigFlags {
  json?: boolean;
}

function globalOptions(command: CommanderCommand): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function configFor(command: CommanderCommand, extra: ConfigFlags = {}): Config {
  return resolveConfig(loadDefaults(), process.env, { ...globalOptions(command), ...extra });
}

/**
 * Runs a command's action with the application wired from the resolved configuration. The
 * composition root (SQLite, HTTP client, logger) is imported here, lazily, so `--help` stays fast.
 * Any error becomes one line on stderr and a non-zero exit code.
 */
export async function withApp(
  command: CommanderCommand,
  action: (app: App, out: Output) => Promise<void>,
  extra: ConfigFlags = {},
): Promise<void> {
  const out = createOutput(Boolean(globalOptions(command).json));
  let app: App | undefined;
  try {
    const config = configFor(command, extra);
    processSecrets.add(config.accountToken);
    const { createApp } = await import('../composition-root.js');
    app = createApp(config);
    await action(app, out);
  } catch (error) {
    process.exitCode = reportError(error, undefined, logLevelOf(command));
  } finally {
    app?.close();
  }
}

/** Runs an action that needs no application (config show, sandbox), with the same error handling. */
export async function withoutApp(command: CommanderCommand, action: (out: Output) => Promise<void>): Promise<void> {
  const out = createOutput(Boolean(globalOptions(command).json));
  try {
    await action(out);
  } catch (error) {
    process.exitCode = reportError(error, undefined, logLevelOf(command));
  }
}

/** The log level the player asked for (flag, then environment), even when the configuration failed. */
function logLevelOf(command: CommanderCommand): string | undefined {
  return globalOptions(command).logLevel ?? process.env.LOG_LEVEL;
}
