import type { Command } from 'commander';
import type { ScoutPlan } from '../domain/scouting/scout-plan.js';
import { ValidationError } from '../domain/errors.js';
import type { EventBus } from '../mediator/event-bus.js';
import { durationSeconds, wholeNumber } from './numbers.js';
import { duration } from './route.js';
import { withApp } from './session.js';
import { submitInBackground } from './background.js';

export function registerScoutCommands(program: Command): void {
  const scout = program.command('scout').description("keep a system's market and shipyard observations fresh");

  scout
    .command('plan')
    .description('how the ships would split every marketplace and shipyard of the system (a dry run)')
    .argument('<system>', 'system symbol, e.g. X1-AB12')
    .requiredOption('--ships <ships>', 'comma-separated ship symbols, e.g. NOVA-1-2,NOVA-1-3')
    .action(async (system: string, options: { ships: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { PlanScoutTours } = await import('../application/scouting/plan-scout-tours.js');
        const plan = await app.mediator.send(
          new PlanScoutTours({ system, ships: shipList(options.ships), player: app.config.player }),
        );
        out.result(plan, describePlan);
      });
    });

  scout
    .command('markets')
    .description('fly the ships round every marketplace and shipyard of the system, reading each')
    .argument('<system>', 'system symbol, e.g. X1-AB12')
    .requiredOption('--ships <ships>', 'comma-separated ship symbols, e.g. NOVA-1-2,NOVA-1-3')
    .option('--max-age <duration>', 'keep every observation younger than this: 90s, 15m, 2h…', '15m')
    .option('--rounds <n>', 'rounds to fly (default 1; in the daemon: until stopped)')
    .option('--background', 'run in the daemon, round after round until `container stop`, and return its id')
    .action(
      async (
        system: string,
        options: { ships: string; maxAge: string; rounds?: string; background?: boolean },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          const { ScoutMarkets } = await import('../application/scouting/scout-markets.js');
          const maxAgeSeconds = durationSeconds(options.maxAge, '--max-age');
          const rounds = options.rounds === undefined ? undefined : atLeastOne(options.rounds);
          let player = app.config.player;
          if (options.background) {
            // The daemon runs it later: fix the player now, whatever the default player becomes.
            const { Players } = await import('../application/player/players.js');
            player = app.container.get(Players).resolve(player).agentSymbol;
          }
          const request = new ScoutMarkets({
            system,
            ships: shipList(options.ships),
            maxAgeSeconds,
            rounds: options.background ? rounds : (rounds ?? 1),
            player,
          });
          if (options.background) {
            request.validate();
            await submitInBackground(app, out, request, player, 'scouting running');
            return;
          }
          const stop = out.json ? () => {} : followScouting(app.events, out.line);
          try {
            const result = await app.mediator.send(request);
            out.result(
              result,
              (r) =>
                `scouted ${r.system}: ${r.rounds} round(s), ${r.visits} visit(s); a round takes about ${duration(r.makespanSeconds)}`,
            );
          } finally {
            stop();
          }
        });
      },
    );
}

/** One line per planned round and per visit, as their events are committed; the max-age warning once. */
function followScouting(events: Pick<EventBus, 'on'>, line: (text: string) => void): () => void {
  let warned = false;
  const stops = [
    events.on('ScoutRoundPlanned', ({ payload: p }) => {
      const start =
        p.startsInSeconds > 0 ? `, starting in ${duration(p.startsInSeconds)} (all observations fresh enough)` : '';
      line(`round ${p.round}: ${p.ships} ship(s), ${p.stops} stop(s), about ${duration(p.makespanSeconds)}${start}`);
      if (p.makespanSeconds > p.maxAgeSeconds && !warned) {
        warned = true;
        line(
          `warning: a round takes ${duration(p.makespanSeconds)}, more than --max-age ${duration(p.maxAgeSeconds)}: observations will get older than that`,
        );
      }
    }),
    events.on('WaypointScouted', ({ payload: p }) => {
      const read = [
        p.goods === null ? '' : `market ${p.goods} goods`,
        p.shipTypes === null ? '' : `shipyard ${p.shipTypes} ship types`,
      ].filter(Boolean);
      line(`  ${p.ship} at ${p.waypoint}: ${read.join(', ')}`);
    }),
  ];
  return () => {
    for (const off of stops) off();
  };
}

function describePlan(plan: ScoutPlan): string {
  const lines = plan.tours.map(
    (t) => `${t.ship}  ${t.stops.length === 0 ? '(no stops)' : t.stops.join(' -> ')}  ${duration(t.seconds)}`,
  );
  return [...lines, `makespan: ${duration(plan.makespanSeconds)}`].join('\n');
}

function shipList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function atLeastOne(text: string): number {
  const n = wholeNumber(text, '--rounds');
  if (n < 1) throw new ValidationError(`--rounds must be at least 1, got "${text}"`);
  return n;
}
