/**
 * The stop signal of the work running now (ambient, per async context), or undefined outside a job.
 * The daemon aborts it when the player stops the job or the daemon stops: a request waiting for an
 * answer, for its rate slot or for its next retry gives up at once with the signal's reason.
 */
export type CurrentCancellation = () => AbortSignal | undefined;
