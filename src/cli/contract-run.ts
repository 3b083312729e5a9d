import type { Command } from 'commander';
import type { ContractEvaluation, PlanStep } from '../domain/contracts/evaluation.js';
import { wholeNumber } from './numbers.js';
import { duration } from './route.js';
import { withApp } from './session.js';
import { submitInBackground } from './background.js';

/** `contract evaluate` and `contract run`. */
export function registerContractWorkflowCommands(contract: Command): void {
  contract
    .command('evaluate')
    .description('what a contract would earn: payments less goods and fuel, its time and credits per hour')
    .argument('<id>', 'contract id')
    .option('--ship <ship>', 'the ship that would do it (default: your ship with the largest hold)')
    .action(async (id: string, options: { ship?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { EvaluateContract } = await import('../application/contracts/evaluate-contract.js');
        const evaluation = await app.mediator.send(
          new EvaluateContract({
            contractId: id,
            player: app.config.player,
            ...(options.ship === undefined ? {} : { shipSymbol: options.ship }),
          }),
        );
        out.result(evaluation, describeEvaluation);
      });
    });

  contract
    .command('run')
    .description(
      'the whole workflow for one ship: take or negotiate, evaluate, accept, buy or mine, deliver, fulfil; repeat',
    )
    .requiredOption('--ship <ship>', 'the ship that does the work')
    .option('--count <n>', 'contracts to fulfil', '1')
    .option('--min-profit <credits>', 'accept only a contract expected to earn at least this', '0')
    .option('--background', 'run in the daemon and return a container id at once')
    .action(
      async (options: { ship: string; count: string; minProfit: string; background?: boolean }, command: Command) => {
        await withApp(command, async (app, out) => {
          const { RunContracts } = await import('../application/contracts/run-contracts.js');
          const { Players } = await import('../application/player/players.js');
          // Fixed now, whatever the default player becomes before the daemon runs it.
          const player = app.container.get(Players).resolve(app.config.player).agentSymbol;
          const request = new RunContracts({
            shipSymbol: options.ship,
            count: wholeNumber(options.count, '--count'),
            minProfit: wholeNumber(options.minProfit, '--min-profit'),
            player,
          });
          if (options.background) {
            await submitInBackground(app, out, request, player, 'contract run');
            return;
          }
          const report = await app.mediator.send(request);
          out.result(report, (r) =>
            [
              ...r.fulfilled.map((id) => `${r.ship} fulfilled contract ${id}`),
              ...(r.stoppedBecause ? [`stopped: ${r.stoppedBecause}`] : []),
            ].join('\n'),
          );
        });
      },
    );
}

const credits = (n: number) => Math.round(n).toLocaleString('en-US');

function describeEvaluation(e: ContractEvaluation): string {
  return [
    `contract ${e.id}: ${e.source === 'buy' ? `buy at ${e.sourceWaypoint}` : `mine at ${e.sourceWaypoint}`}`,
    `revenue ${credits(e.revenue)} - goods ${credits(e.goodsCost)} - fuel ${credits(e.fuelCost)} = profit ${credits(e.profit)}`,
    `time ${duration(e.seconds)}: ${credits(e.creditsPerHour)} credits/hour`,
    ...e.plan.map((step, i) => `${String(i + 1).padStart(2)}. ${describeStep(step)}`),
  ].join('\n');
}

function describeStep(step: PlanStep): string {
  switch (step.step) {
    case 'accept':
      return `accept (+${credits(step.credits)})`;
    case 'fly':
      return `fly to ${step.to} (${duration(step.seconds)}, fuel ${credits(step.fuelCost)})`;
    case 'buy':
      return `buy ${step.units} ${step.good} at ${step.waypoint} (${credits(step.cost)})`;
    case 'mine':
      return `mine ${step.units} ${step.good} at ${step.waypoint} (~${duration(step.seconds)})`;
    case 'deliver':
      return `deliver ${step.units} ${step.good} at ${step.waypoint}`;
    case 'fulfill':
      return `fulfil (+${credits(step.credits)})`;
  }
}
