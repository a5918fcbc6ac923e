import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';

/**
 * The embedded Odoo of the benches, in its own process (so the bot's memory and CPU are measured
 * apart from Odoo's). Input (argv[2], JSON): { seed, scale, now? (ISO: Odoo's clock, fixed) }.
 * Prints { url, db, seedMs } once the dataset is loaded and the server listens.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { seed: number; scale: number; now?: string };
const fixed = input.now ? new Date(input.now) : undefined;
const started = performance.now();
const odoo = await startEmbeddedOdoo({
  port: 0,
  ...(fixed ? { now: () => fixed } : {}),
  seed: (store) => void seedDistribution(store, { seed: input.seed, scale: input.scale, now: fixed ?? new Date() }),
});
console.log(JSON.stringify({ url: odoo.url, db: odoo.db, seedMs: performance.now() - started }));
process.on('SIGTERM', () => void odoo.stop().then(() => process.exit(0)));
