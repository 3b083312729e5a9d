/**
 * Mediator dispatch overhead: the same request and handler sent (a) by a direct handler call,
 * (b) through our Mediator with the three behaviors, (c) through mediatr-ts with the same three
 * behaviors. Samples of the three are interleaved in one run, so machine noise hits all alike.
 */
import 'reflect-metadata';
import {
  Mediator as MediatrTs,
  RequestData,
  pipelineBehavior,
  type PipelineBehavior as MediatrBehavior,
} from 'mediatr-ts';
import { LoggingBehavior } from '../application/behaviors/logging-behavior.js';
import { TransactionBehavior } from '../application/behaviors/transaction-behavior.js';
import { ValidationBehavior } from '../application/behaviors/validation-behavior.js';
import { createPinoLogger } from '../adapters/pino/pino-logger.js';
import { ValidationError } from '../domain/errors.js';
import { requestLogFields } from '../mediator/context.js';
import { EventBus } from '../mediator/event-bus.js';
import { Mediator } from '../mediator/mediator.js';
import { OutboxDispatcher } from '../mediator/outbox-dispatcher.js';
import { Command } from '../mediator/request.js';
import { UnitOfWork } from '../mediator/unit-of-work.js';
import type { UnitOfWorkStore } from '../ports/unit-of-work.js';
import { fixed, median } from './stats.js';

/** "Logging to a null sink": the real logging behavior, its info lines filtered out as in the CLI. */
const logger = createPinoLogger({ level: 'warn', context: requestLogFields });
const noopStore: UnitOfWorkStore = { transaction: (fn) => fn(), appendEvents: () => [] };
const noopOutbox = { pending: () => [], markDispatched: () => {} };

class AddShip extends Command<number> {
  constructor(readonly props: { units: number }) {
    super();
  }
  override validate(): void {
    if (this.props.units < 0) throw new ValidationError('units must not be negative');
  }
}
const handler = { handle: async (request: AddShip) => request.props.units + 1 };

class AddShipData extends RequestData<number> {
  constructor(readonly units: number) {
    super();
  }
  validate(): void {
    if (this.units < 0) throw new ValidationError('units must not be negative');
  }
}

const infoEnabled = logger.isLevelEnabled('info');

// The same three behaviors, written for mediatr-ts's pipeline with the same shortcuts as ours.
@pipelineBehavior()
class MediatrLogging implements MediatrBehavior {
  async handle(request: unknown, next: () => unknown): Promise<unknown> {
    const started = infoEnabled ? performance.now() : 0;
    const result = await next();
    if (infoEnabled)
      logger.info(
        { request: (request as object).constructor.name, outcome: 'ok', durationMs: performance.now() - started },
        'request handled',
      );
    return result;
  }
}

@pipelineBehavior()
class MediatrValidation implements MediatrBehavior {
  async handle(request: unknown, next: () => unknown): Promise<unknown> {
    (request as AddShipData).validate();
    return next();
  }
}

@pipelineBehavior()
class MediatrTransaction implements MediatrBehavior {
  async handle(_request: unknown, next: () => unknown): Promise<unknown> {
    const unitOfWork = new UnitOfWork(noopStore);
    const result = await next();
    unitOfWork.commit();
    return result;
  }
}

class AddShipDataHandler {
  handle(request: AddShipData): Promise<number> {
    return Promise.resolve(request.units + 1);
  }
}

async function timePerOp(iterations: number, send: (i: number) => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await send(i);
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

export async function run(): Promise<string[]> {
  const ours = new Mediator([
    new LoggingBehavior(logger),
    new ValidationBehavior(),
    new TransactionBehavior(noopStore, new OutboxDispatcher(new EventBus(), noopOutbox)),
  ]);
  ours.register(AddShip, handler);
  const theirs = new MediatrTs();
  theirs.pipelineBehaviors.setOrder([MediatrLogging, MediatrValidation, MediatrTransaction]);
  theirs.registerHandler(AddShipData, AddShipDataHandler);

  const variants: Record<string, (i: number) => Promise<number>> = {
    direct: (i) => handler.handle(new AddShip({ units: i })),
    ours: (i) => ours.send(new AddShip({ units: i })),
    'mediatr-ts': (i) => theirs.send(new AddShipData(i)),
  };
  // Same answer from all three before timing anything.
  for (const send of Object.values(variants))
    if ((await send(41)) !== 42) throw new Error('benchmark variants disagree');

  const iterations = 20_000;
  const samples: Record<string, number[]> = { direct: [], ours: [], 'mediatr-ts': [] };
  for (const send of Object.values(variants)) await timePerOp(iterations, send); // warm-up
  for (let round = 0; round < 9; round++) {
    for (const [name, send] of Object.entries(variants)) samples[name]!.push(await timePerOp(iterations, send));
  }
  const direct = median(samples.direct!);
  const oursUs = median(samples.ours!);
  const theirsUs = median(samples['mediatr-ts']!);
  const overhead = oursUs - direct;
  const theirOverhead = theirsUs - direct;
  return [
    'mediator dispatch (median µs per send, 9 interleaved samples of 20,000 sends)',
    `  direct handler call:          ${fixed(direct, 3)} µs`,
    `  our mediator, 3 behaviors:    ${fixed(oursUs, 3)} µs  (overhead ${fixed(overhead, 3)} µs; target <= 1 µs)`,
    `  mediatr-ts, same 3 behaviors: ${fixed(theirsUs, 3)} µs  (overhead ${fixed(theirOverhead, 3)} µs)`,
    `  overhead ratio ours / mediatr-ts: ${fixed(overhead / theirOverhead, 3)}  (target <= 0.2)`,
  ];
}
