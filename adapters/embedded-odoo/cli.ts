import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { OdooStore } from './store.ts';
import { startEmbeddedOdoo } from './start-embedded-odoo.ts';

/**
 * `npm run odoo:embedded [-- --seed N --scale N]`: the embedded Odoo alone, on
 * EMBEDDED_ODOO_PORT (8069), EMBEDDED_ODOO_VERSION (18), EMBEDDED_ODOO_DB ('odoo'). When the
 * dataset generator (seed/seed-distribution.ts) is present, it fills the database first.
 */
type SeedDistribution = (store: OdooStore, opts: { seed: number; scale: number; now: Date }) => void | Promise<void>;

async function loadSeeder(): Promise<SeedDistribution | undefined> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed', 'seed-distribution.ts');
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { seedDistribution?: SeedDistribution };
  return typeof mod.seedDistribution === 'function' ? mod.seedDistribution : undefined;
}

function fail(message: string): never {
  console.error(`odoo:embedded: ${message}`);
  process.exit(2);
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, scale: { type: 'string' } }, allowPositionals: false });
  const port = Number(env.EMBEDDED_ODOO_PORT ?? 8069);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`EMBEDDED_ODOO_PORT must be a port number, got ${env.EMBEDDED_ODOO_PORT}`);
  const version = Number(env.EMBEDDED_ODOO_VERSION || 19);
  if (version !== 17 && version !== 18 && version !== 19) fail(`EMBEDDED_ODOO_VERSION must be 17, 18 or 19, got ${env.EMBEDDED_ODOO_VERSION}`);
  const db = env.EMBEDDED_ODOO_DB ?? 'odoo';
  const seed = Number(values.seed ?? env.EMBEDDED_ODOO_SEED ?? 42);
  const scale = Number(values.scale ?? env.EMBEDDED_ODOO_SCALE ?? 300);
  if (!Number.isFinite(seed) || !Number.isFinite(scale) || scale <= 0) fail('--seed and --scale must be numbers (scale > 0)');
  const seeder = await loadSeeder();
  const now = new Date();
  const odoo = await startEmbeddedOdoo({
    port,
    host: env.EMBEDDED_ODOO_HOST ?? '127.0.0.1',
    version,
    db,
    adminApiKey: env.ODOO_API_KEY || undefined,
    seed: seeder ? (store) => seeder(store, { seed, scale, now }) : undefined,
  });
  const dataset = seeder ? `distribution dataset seed=${seed} scale=${scale}` : 'base database';
  const key = odoo.adminApiKey ? ` api-key=${odoo.adminApiKey} (JSON-2 at /json/2/<model>/<method>)` : '';
  process.stdout.write(`embedded Odoo ${version}.0 at ${odoo.url} db=${db} login=admin password=admin${key} (${dataset})\n`);
  const shutdown = () => {
    void odoo.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
}
