import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registerConfigCommands } from './config.js';
import { registerContainerCommands } from './container.js';
import { registerContractCommands } from './contract.js';
import { registerContractWorkflowCommands } from './contract-run.js';
import { registerDaemonCommands } from './daemon.js';
import { registerEventsCommands } from './events.js';
import { registerFleetCommands } from './fleet.js';
import { registerLedgerCommands } from './ledger.js';
import { registerMarketCommands } from './market.js';
import { registerMiningCommands } from './mining.js';
import { endQuietlyWhenOutputCloses } from './output.js';
import { registerPlayerCommands } from './player.js';
import { registerRouteCommands } from './route.js';
import { registerSandboxCommands } from './sandbox.js';
import { registerScoutCommands } from './scout.js';
import { registerShipCommands } from './ship.js';
import { registerShipyardCommands } from './shipyard.js';
import { registerSystemCommands } from './system.js';
import { registerTradeCommands } from './trade.js';

/** Builds the `spacetraders` program: global options, then one group of commands per file. */
export function buildProgram(): Command {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const program = new Command('spacetraders')
    .description('a command-line bot for the SpaceTraders v2 API')
    .version(version)
    .option('--api-url <url>', 'API base URL (default $SPACETRADERS_API_URL or the real server)')
    .option('--db <path>', 'SQLite database file (default $SPACETRADERS_DB or the user data dir)')
    .option('--player <agent>', 'act as this agent (default $SPACETRADERS_PLAYER or the default player)')
    .option('--json', 'print results as JSON')
    .option('--log-level <level>', 'trace|debug|info|warn|error|silent (default $LOG_LEVEL or warn)')
    .showSuggestionAfterError()
    .exitOverride();
  registerPlayerCommands(program);
  registerShipCommands(program);
  registerRouteCommands(program);
  registerSystemCommands(program);
  registerMarketCommands(program);
  registerMiningCommands(program);
  registerShipyardCommands(program);
  registerContractWorkflowCommands(registerContractCommands(program));
  registerLedgerCommands(program);
  registerScoutCommands(program);
  registerDaemonCommands(program);
  registerContainerCommands(program);
  registerConfigCommands(program);
  registerEventsCommands(program);
  registerSandboxCommands(program);
  registerTradeCommands(program);
  registerFleetCommands(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  endQuietlyWhenOutputCloses();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Commander has printed its one-line message (or the help/version) already.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  }
}
