import type { Schemas } from '../../ports/spacetraders-api.js';

/** Every faction symbol the API accepts (the spec's FactionSymbol enum). */
export const FACTION_SYMBOLS: readonly string[] = [
  'COSMIC',
  'VOID',
  'GALACTIC',
  'QUANTUM',
  'DOMINION',
  'ASTRO',
  'CORSAIRS',
  'OBSIDIAN',
  'AEGIS',
  'UNITED',
  'SOLITARY',
  'COBALT',
  'OMEGA',
  'ECHO',
  'LORDS',
  'CULT',
  'ANCIENTS',
  'SHADOW',
  'ETHEREAL',
] satisfies readonly Schemas['FactionSymbol'][];
