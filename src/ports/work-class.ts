/**
 * What a request to the game server is for, when the bot knows: `revenue` (contracts, trading,
 * mining, the fleet coordinator) or `scouting` (reading markets for later). The rate limiter serves
 * revenue before scouting when both wait. A command declares its class once (`static workClass`) and
 * every request sent while it runs, nested commands included, belongs to it; one-shot commands a
 * player types declare none and keep their own urgency.
 */
export type WorkClass = 'revenue' | 'scouting';

/** The work class of the code running now (ambient, per async context), or undefined when none was declared. */
export type CurrentWorkClass = () => WorkClass | undefined;
