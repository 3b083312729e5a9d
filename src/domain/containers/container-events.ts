import { type DomainEvent, domainEvent } from '../events.js';

/** The container lifecycle as events: they go through the outbox like the commands' own. */
export const ContainerEvents = {
  started: (container: string, command: string, attempt: number, at: number): DomainEvent =>
    domainEvent('ContainerStarted', { container, command, attempt }, at),
  completed: (container: string, at: number): DomainEvent => domainEvent('ContainerCompleted', { container }, at),
  failed: (container: string, reason: string, at: number): DomainEvent =>
    domainEvent('ContainerFailed', { container, reason }, at),
  interrupted: (container: string, at: number): DomainEvent => domainEvent('ContainerInterrupted', { container }, at),
  stopped: (container: string, at: number): DomainEvent => domainEvent('ContainerStopped', { container }, at),
} as const;
