import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Random } from '../../domain/random.js';
import type { WaypointState } from './world.js';

type S = components['schemas'];

/** Waypoint types a mining laser or a surveyor works at. */
export const MINABLE = new Set<string>(['ASTEROID', 'ASTEROID_FIELD', 'ENGINEERED_ASTEROID', 'ASTEROID_BASE']);

/*
 * What an asteroid yields, by its deposit trait (ECONOMY.md §3 "Traits → goods", from eseidel's
 * extraction_score.dart). A good listed twice is twice as likely: the real server publishes no odds, the
 * weights are the sandbox's, leaning on the one measured spread (a SURVEYOR_II's deposits at a mineral
 * asteroid, eSim: ICE_WATER 28.5%, QUARTZ_SAND, AMMONIA_ICE and SILICON_CRYSTALS ~14% each).
 */
export const DEPOSIT_TRAITS: Readonly<Record<string, readonly string[]>> = {
  COMMON_METAL_DEPOSITS: [
    'IRON_ORE',
    'IRON_ORE',
    'COPPER_ORE',
    'COPPER_ORE',
    'ALUMINUM_ORE',
    'ALUMINUM_ORE',
    'ICE_WATER',
    'QUARTZ_SAND',
    'SILICON_CRYSTALS',
  ],
  MINERAL_DEPOSITS: [
    'ICE_WATER',
    'ICE_WATER',
    'QUARTZ_SAND',
    'SILICON_CRYSTALS',
    'AMMONIA_ICE',
    'PRECIOUS_STONES',
    'DIAMONDS',
  ],
  PRECIOUS_METAL_DEPOSITS: ['SILVER_ORE', 'SILVER_ORE', 'GOLD_ORE', 'PLATINUM_ORE'],
  RARE_METAL_DEPOSITS: ['URANITE_ORE', 'MERITIUM_ORE'],
  ICE_CRYSTALS: ['ICE_WATER', 'ICE_WATER', 'AMMONIA_ICE', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN'],
};

/**
 * An asteroid with no deposit trait (a hand-written layout's) yields as a common metal one: the real
 * server's asteroids all carry one (snap: mostly common metal or mineral), the fallback is the sandbox's.
 */
const DEFAULT_DEPOSITS = DEPOSIT_TRAITS.COMMON_METAL_DEPOSITS!;

/** Goods only a SURVEYOR_II finds (ECONOMY.md §3, eStatic): a plain extraction never brings them. */
export const SURVEY_ONLY_GOODS = new Set(['DIAMONDS', 'URANITE_ORE']);

/**
 * DIAMONDS are rare even for a SURVEYOR_II: 0.14% of its deposits at a mineral asteroid (eSim). A drawn
 * DIAMONDS deposit is kept with this chance and redrawn otherwise, so they stay that rare.
 */
export const DIAMOND_KEEP_CHANCE = 0.01;

/** What a SURVEYOR_I finds: the live mount's `deposits` (FloWi st_client.rs registration dump, 2024-02). */
const SURVEYOR_I_DEPOSITS: NonNullable<S['ShipMount']['deposits']> = [
  'QUARTZ_SAND',
  'SILICON_CRYSTALS',
  'PRECIOUS_STONES',
  'ICE_WATER',
  'AMMONIA_ICE',
  'IRON_ORE',
  'COPPER_ORE',
  'SILVER_ORE',
  'ALUMINUM_ORE',
  'GOLD_ORE',
  'PLATINUM_ORE',
];

/** What each surveyor can find: a SURVEYOR_II finds what a I does, plus diamonds and uranite (same dump). */
export const SURVEYOR_DEPOSITS: Readonly<Record<string, NonNullable<S['ShipMount']['deposits']>>> = {
  MOUNT_SURVEYOR_I: SURVEYOR_I_DEPOSITS,
  MOUNT_SURVEYOR_II: [...SURVEYOR_I_DEPOSITS, 'DIAMONDS', 'URANITE_ORE'],
};

/** The weighted list of goods an asteroid holds: every deposit trait's, one after the other. */
export function depositsOf(waypoint: Pick<WaypointState, 'traits'>): string[] {
  const goods = waypoint.traits.flatMap((trait) => DEPOSIT_TRAITS[trait] ?? []);
  return goods.length > 0 ? goods : [...DEFAULT_DEPOSITS];
}

/** What a plain extraction (no survey) can bring up at an asteroid, weighted. */
export function plainYieldsOf(waypoint: Pick<WaypointState, 'traits'>): string[] {
  const goods = depositsOf(waypoint).filter((good) => !SURVEY_ONLY_GOODS.has(good));
  return goods.length > 0 ? goods : [...DEFAULT_DEPOSITS];
}

/** The deposit traits the generator gives asteroids: mostly common metal or mineral, as in the live home system (snap). */
const ASTEROID_TRAIT_ODDS: ReadonlyArray<readonly [S['WaypointTraitSymbol'], number]> = [
  ['COMMON_METAL_DEPOSITS', 0.45],
  ['MINERAL_DEPOSITS', 0.25],
  ['PRECIOUS_METAL_DEPOSITS', 0.1],
  ['RARE_METAL_DEPOSITS', 0.05],
  ['ICE_CRYSTALS', 0.15],
];

/** An asteroid's deposit trait, at ASTEROID_TRAIT_ODDS. */
export function depositTrait(random: Random): S['WaypointTraitSymbol'] {
  let roll = random.next();
  for (const [trait, odds] of ASTEROID_TRAIT_ODDS) if ((roll -= odds) < 0) return trait;
  return 'COMMON_METAL_DEPOSITS';
}
