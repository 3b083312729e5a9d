import type { Command } from 'commander';
import type { ContractPaid } from '../application/contracts/accept-contract.js';
import type { ContractView } from '../application/contracts/contract-view.js';
import { wholeNumber } from './numbers.js';
import { table } from './output.js';
import { withApp } from './session.js';

/** `contract list|show|accept|deliver|fulfill|negotiate` (evaluate and run: contract-run.ts). */
export function registerContractCommands(program: Command): Command {
  const contract = program.command('contract').description('procurement contracts: see, accept, deliver, fulfil');

  contract
    .command('list')
    .description('your contracts as the server shows them now')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListContracts } = await import('../application/contracts/list-contracts.js');
        const list = await app.mediator.send(new ListContracts({ player: app.config.player }));
        out.result(list, (contracts) =>
          contracts.length === 0
            ? 'no contracts (negotiate one: spacetraders contract negotiate --ship SHIP)'
            : table(
                ['ID', 'FACTION', 'STATUS', 'DELIVER', 'PAYMENT', 'DEADLINE'],
                contracts.map((c) => [
                  c.id,
                  c.faction,
                  status(c),
                  c.deliver.map((d) => `${d.fulfilled}/${d.required} ${d.good} to ${d.destination}`).join(', '),
                  `${credits(c.payment.onAccepted)} + ${credits(c.payment.onFulfilled)}`,
                  c.accepted ? c.deadline : `accept by ${c.deadlineToAccept ?? '?'}`,
                ]),
              ),
        );
      });
    });

  contract
    .command('show')
    .description('one contract in detail')
    .argument('<id>', 'contract id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetContract } = await import('../application/contracts/get-contract.js');
        out.result(await app.mediator.send(new GetContract({ contractId: id, player: app.config.player })), describe);
      });
    });

  contract
    .command('accept')
    .description('accept a contract offer (the accept payment is paid at once)')
    .argument('<id>', 'contract id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { AcceptContract } = await import('../application/contracts/accept-contract.js');
        const paid = await app.mediator.send(new AcceptContract({ contractId: id, player: app.config.player }));
        out.result(paid, (p) => paidText(p, 'accepted'));
      });
    });

  contract
    .command('deliver')
    .description('deliver cargo at the contract destination (docks there; never flies)')
    .argument('<id>', 'contract id')
    .requiredOption('--ship <ship>', 'the ship carrying the goods')
    .option('--good <good>', "the good to deliver (default: the contract's)")
    .option('--units <n>', 'units to deliver (default: what the hold has, up to what is still required)')
    .action(async (id: string, options: { ship: string; good?: string; units?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { DeliverContract } = await import('../application/contracts/deliver-contract.js');
        const report = await app.mediator.send(
          new DeliverContract({
            contractId: id,
            shipSymbol: options.ship,
            player: app.config.player,
            ...(options.good === undefined ? {} : { good: options.good }),
            ...(options.units === undefined ? {} : { units: wholeNumber(options.units, '--units') }),
          }),
        );
        out.result(
          report,
          (r) =>
            `${r.ship} delivered ${r.units} ${r.good} at ${r.waypoint} on contract ${r.contract.id}; ${r.stillRequired} still required; hold: ${r.cargo.units}/${r.cargo.capacity}`,
        );
      });
    });

  contract
    .command('fulfill')
    .alias('fulfil')
    .description('fulfil a contract whose deliveries are complete (the fulfil payment is paid)')
    .argument('<id>', 'contract id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { FulfillContract } = await import('../application/contracts/fulfill-contract.js');
        const paid = await app.mediator.send(new FulfillContract({ contractId: id, player: app.config.player }));
        out.result(paid, (p) => paidText(p, 'fulfilled'));
      });
    });

  contract
    .command('negotiate')
    .description("ask the faction at the ship's waypoint for a new contract")
    .requiredOption('--ship <ship>', 'a ship at a faction waypoint')
    .action(async (options: { ship: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { NegotiateContract } = await import('../application/contracts/negotiate-contract.js');
        const view = await app.mediator.send(
          new NegotiateContract({ shipSymbol: options.ship, player: app.config.player }),
        );
        out.result(view, (c) => `negotiated contract ${c.id}\n${describe(c)}`);
      });
    });
  return contract;
}

const credits = (n: number) => n.toLocaleString('en-US');

function status(c: ContractView): string {
  return c.fulfilled ? 'FULFILLED' : c.accepted ? 'ACCEPTED' : 'OFFERED';
}

function paidText(p: ContractPaid, verb: string): string {
  return `contract ${p.contract.id} ${verb}: +${credits(p.payment)} credits; ${credits(p.credits)} credits now`;
}

function describe(c: ContractView): string {
  return [
    `contract:  ${c.id} (${c.type}, ${c.faction})`,
    `status:    ${status(c)}`,
    `payment:   ${credits(c.payment.onAccepted)} on accept, ${credits(c.payment.onFulfilled)} on fulfil`,
    `deadline:  ${c.deadline}${c.accepted ? '' : ` (accept by ${c.deadlineToAccept ?? '?'})`}`,
    ...c.deliver.map((d) => `deliver:   ${d.fulfilled}/${d.required} ${d.good} to ${d.destination}`),
  ].join('\n');
}
