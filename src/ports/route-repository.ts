import type { Route } from '../domain/navigation/route.js';

export type RouteStatus = 'ACTIVE' | 'COMPLETED' | 'FAILED';

export interface RouteProgress {
  shipSymbol: string;
  destination: string;
  route: Route;
  legsDone: number;
  status: RouteStatus;
  createdAt: number;
  updatedAt: number;
}

/** The route each ship is flying (one per ship and player), and how far along it is. */
export interface RouteRepository {
  find(playerSymbol: string, shipSymbol: string): RouteProgress | undefined;
  save(playerSymbol: string, progress: RouteProgress): void;
}
