import type { Command } from 'commander';
import type { ContractEvaluation, PlanStep } from '../domain/contracts/evaluation.js';
import { duration } from './route.js';
import { withApp } from './session.js';

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
}

const credits = (n: number) => Math.round(n).toLocaleString('en-US');

export function describeEvaluation(e: ContractEvaluation): string {
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
