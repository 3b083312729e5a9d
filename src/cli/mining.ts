import type { Command } from 'commander';
import type { ExtractionReport } from '../application/mining/extract-resources.js';
import type { HaulRunReport } from '../application/mining/haul-run.js';
import type { MineRunReport } from '../application/mining/mine-run.js';
import type { SurveyReport } from '../application/mining/survey-ship.js';
import { duration } from './route.js';
import { table } from './output.js';
import { withApp } from './session.js';
import { positiveNumber, wholeNumber } from './numbers.js';
import { submitInBackground } from './background.js';

/** `ship survey` and `ship extract`: one-shot mining actions. */
export function registerMiningShipCommands(ship: Command): void {
  ship
    .command('survey')
    .description('survey the asteroid the ship is at (waits out its cooldown); surveys are stored for every ship')
    .argument('<ship>', 'ship symbol')
    .action(async (symbol: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { SurveyShip } = await import('../application/mining/survey-ship.js');
        const report = await app.mediator.send(new SurveyShip({ shipSymbol: symbol, player: app.config.player }));
        out.result(report, describeSurvey);
      });
    });

  ship
    .command('extract')
    .description('extract once at the asteroid the ship is at (waits out its cooldown)')
    .argument('<ship>', 'ship symbol')
    .option('--survey <signature>', 'a stored survey, or "best": the one with the highest expected value here')
    .action(async (symbol: string, options: { survey?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ExtractResources } = await import('../application/mining/extract-resources.js');
        const report = await app.mediator.send(
          new ExtractResources({ shipSymbol: symbol, player: app.config.player, ...options }),
        );
        out.result(report, describeExtraction);
      });
    });
}

interface MineRunFlags {
  ship: string;
  at?: string;
  survey?: boolean;
  keep?: string;
  sell: string;
  deliver?: string;
  hauler?: string;
  maxTrips?: string;
  background?: boolean;
}

/** `mine run`: the mining loop, in the foreground or as a daemon container. */
export function registerMiningCommands(program: Command): void {
  const mine = program.command('mine').description('mine asteroids and sell what comes out');
  registerHaulCommand(mine);
  mine
    .command('run')
    .description('extract until the hold is full, jettison what is not worth its space, sell, repeat')
    .requiredOption('--ship <ship>', 'the mining ship')
    .option('--at <waypoint>', 'mine this asteroid (default: the one that pays best for the ship)')
    .option('--survey', 'survey when no stored survey is usable here')
    .option('--keep <goods>', 'never jettison these goods (comma-separated)')
    .option('--sell <where>', 'best (proceeds net of travel) or nearest', 'best')
    .option(
      '--deliver <contract>',
      'deliver the hold to an accepted contract (its good kept), sell the rest, fulfil and stop',
    )
    .option(
      '--hauler <ship>',
      'hand full holds to this ship when it waits at the asteroid (see `mine haul`); sell or deliver itself when it does not come',
    )
    .option('--max-trips <n>', 'stop after this many full holds')
    .option('--background', 'run in the daemon and return a container id at once')
    .action(async (options: MineRunFlags, command: Command) => {
      await withApp(command, async (app, out) => {
        const { MineRun } = await import('../application/mining/mine-run.js');
        let player = app.config.player;
        if (options.background) {
          const { Players } = await import('../application/player/players.js');
          player = app.container.get(Players).resolve(player).agentSymbol;
        }
        const request = new MineRun({
          shipSymbol: options.ship,
          player,
          survey: options.survey === true,
          keep: options.keep
            ? options.keep
                .split(',')
                .map((g) => g.trim())
                .filter(Boolean)
            : [],
          sell: options.sell,
          ...(options.at === undefined ? {} : { at: options.at }),
          ...(options.deliver === undefined ? {} : { deliver: options.deliver }),
          ...(options.hauler === undefined ? {} : { hauler: options.hauler }),
          ...(options.maxTrips === undefined ? {} : { maxTrips: wholeNumber(options.maxTrips, '--max-trips') }),
        });
        if (options.background) {
          await submitInBackground(app, out, request, player, 'mining running');
          return;
        }
        const stops = out.json
          ? []
          : [
              app.events.on('ResourcesExtracted', ({ payload: p }) =>
                out.line(`extracted ${p.units} ${p.good} at ${p.waypoint}${p.survey ? ` with ${p.survey}` : ''}`),
              ),
              app.events.on('CargoSold', ({ payload: p }) =>
                out.line(`sold ${p.units} ${p.good} at ${p.waypoint} for ${p.totalPrice.toLocaleString('en-US')}`),
              ),
              app.events.on('CargoJettisoned', ({ payload: p }) => out.line(`jettisoned ${p.units} ${p.good}`)),
              app.events.on('CargoTransferred', ({ payload: p }) =>
                out.line(`handed ${p.units} ${p.good} to ${p.to} at ${p.waypoint}`),
              ),
            ];
        try {
          out.result(await app.mediator.send(request), describeRun);
        } finally {
          for (const stop of stops) stop();
        }
      });
    });
}

function describeSurvey(r: SurveyReport): string {
  const lines = [
    `${r.ship} surveyed ${r.waypoint}: ${r.surveys.length} survey(s); cooldown ${duration(r.cooldownSeconds)}`,
  ];
  if (r.surveys.length > 0)
    lines.push(
      table(
        ['SIGNATURE', 'SIZE', 'EXPIRES', 'VALUE/UNIT', 'DEPOSITS'],
        r.surveys.map((s) => [s.signature, s.size, s.expiration, String(s.expectedValue), s.deposits.join(' ')]),
      ),
    );
  return lines.join('\n');
}

function describeExtraction(r: ExtractionReport): string {
  return `${r.ship} extracted ${r.units} ${r.good} at ${r.waypoint}${r.survey ? ` with survey ${r.survey}` : ''}; hold ${r.cargo.units}/${r.cargo.capacity}; cooldown ${duration(r.cooldownSeconds)}`;
}

function describeRun(r: MineRunReport): string {
  const handed = r.unitsTransferred > 0 ? `, ${r.unitsTransferred} handed to the hauler` : '';
  return `${r.ship} mined at ${r.asteroid}: ${r.trips} trip(s), ${r.extractions} extraction(s), ${r.unitsExtracted} units extracted, ${r.unitsJettisoned} jettisoned${handed}, ${r.unitsSold} sold for ${r.credits.toLocaleString('en-US')} credits`;
}

interface HaulFlags {
  ship: string;
  at: string;
  sell: string;
  deliver?: string;
  idle?: string;
  maxTrips?: string;
  background?: boolean;
}

/** `mine haul`: a hauler waiting at an asteroid for the holds of `mine run --hauler` miners. */
function registerHaulCommand(mine: Command): void {
  mine
    .command('haul')
    .description("wait at an asteroid for miners' holds (mine run --hauler), sell or deliver them when full, come back")
    .requiredOption('--ship <ship>', 'the hauling ship')
    .requiredOption('--at <waypoint>', 'the asteroid the miners work')
    .option('--sell <where>', 'best (proceeds net of travel) or nearest', 'best')
    .option('--deliver <contract>', "deliver the contract's good, sell the rest; stop once it is fulfilled")
    .option('--idle <seconds>', 'leave with a part load after this long with nothing new aboard (default 900)')
    .option('--max-trips <n>', 'stop after this many trips to market')
    .option('--background', 'run in the daemon and return a container id at once')
    .action(async (options: HaulFlags, command: Command) => {
      await withApp(command, async (app, out) => {
        const { HaulRun } = await import('../application/mining/haul-run.js');
        let player = app.config.player;
        if (options.background) {
          const { Players } = await import('../application/player/players.js');
          player = app.container.get(Players).resolve(player).agentSymbol;
        }
        const request = new HaulRun({
          shipSymbol: options.ship,
          player,
          at: options.at,
          sell: options.sell,
          ...(options.deliver === undefined ? {} : { deliver: options.deliver }),
          ...(options.idle === undefined ? {} : { idleSeconds: positiveNumber(options.idle, '--idle') }),
          ...(options.maxTrips === undefined ? {} : { maxTrips: wholeNumber(options.maxTrips, '--max-trips') }),
        });
        if (options.background) {
          await submitInBackground(app, out, request, player, 'hauling running');
          return;
        }
        const stops = out.json
          ? []
          : [
              app.events.on('CargoSold', ({ payload: p }) =>
                out.line(`sold ${p.units} ${p.good} at ${p.waypoint} for ${p.totalPrice.toLocaleString('en-US')}`),
              ),
            ];
        try {
          out.result(await app.mediator.send(request), describeHaul);
        } finally {
          for (const stop of stops) stop();
        }
      });
    });
}

function describeHaul(r: HaulRunReport): string {
  return `${r.ship} hauled from ${r.asteroid}: ${r.trips} trip(s), ${r.unitsReceived} units received, ${r.unitsSold} sold for ${r.credits.toLocaleString('en-US')} credits, ${r.unitsJettisoned} jettisoned`;
}
