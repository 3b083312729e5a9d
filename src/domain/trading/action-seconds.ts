/*
 * What a ship's actions cost in time on top of its flights, at the live 2 requests a second: a trade
 * planner or a contract estimate that counts only flights divides by 0 s when the goods are bought
 * where they are delivered, or when the ship is already there.
 */

/** Seconds each transaction costs (a lot bought or sold, a delivery, an accept or fulfil) with the read after it. */
export const SECONDS_PER_LOT = 1;
/** Seconds a stop costs on top of travel: dock, read the market, orbit. */
export const SECONDS_PER_STOP = 3;
