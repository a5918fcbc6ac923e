/** A fresh embedded-Odoo base database with the distribution dataset on top, for the seed tests. */
import { createBaseDatabase } from '../../adapters/embedded-odoo/base-data/base-database.ts';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { OdooStore } from '../../adapters/embedded-odoo/store.ts';

/** A fixed `now`, so the tests do not depend on the day they run. */
export const NOW = new Date('2026-11-26T23:00:00Z');

export function seededStore(opts: { seed?: number; scale?: number; now?: Date } = {}): { store: OdooStore; summary: SeedSummary } {
  const store = new OdooStore();
  createBaseDatabase(store, { version: 18, adminLogin: 'admin', adminPassword: 'admin', demo: false, now: opts.now ?? NOW });
  const summary = seedDistribution(store, { seed: opts.seed ?? 42, scale: opts.scale ?? 300, now: opts.now ?? NOW });
  return { store, summary };
}
