import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { seedDistribution } from '../embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../embedded-odoo/start-embedded-odoo.ts';
import type { Metrics } from '../http/metrics.ts';
import type { ReadinessCheck } from '../http/readiness.ts';
import { OdooAwaitGateway } from '../odoo/odoo-await-gateway.ts';
import { checkOdooHealth } from '../odoo/odoo-health.ts';

export interface OdooConnection {
  gateway: OdooGateway;
  /** Where the bot reaches Odoo, and (demo mode) the embedded Odoo's own URL. */
  url: string;
  db: string;
  embedded: boolean;
  readiness: ReadinessCheck;
  close(): Promise<void>;
}

const datasetOf = (seed: number, scale: number) => `distribution seed ${seed}, scale ${scale}`;

/**
 * The Odoo the bot works against: the one at ODOO_URL, or, without it (demo mode), an embedded
 * Odoo started in this process with the seeded distribution dataset (startEmbedded; the web
 * process does it, worker-only processes connect to it), kept under STATE_DIR/odoo between runs.
 */
export async function connectOdoo(options: { config: Config; logger: Logger; metrics: Metrics; startEmbedded: boolean }): Promise<OdooConnection> {
  const { config, logger, metrics } = options;
  const odoo = config.odoo;
  let url: string;
  let apiKey = odoo.apiKey;
  let close = async () => undefined as void;
  if (odoo.mode === 'embedded' && !options.startEmbedded) {
    // A worker-only process in demo mode uses the embedded Odoo that `npm start` serves.
    url = `http://127.0.0.1:${odoo.port}`;
  } else if (odoo.mode === 'embedded') {
    const embedded = await startEmbeddedOdoo({
      port: odoo.port,
      version: odoo.version,
      db: odoo.db,
      adminLogin: odoo.username,
      adminPassword: odoo.password,
      adminApiKey: odoo.apiKey,
      seed: (store) => void seedDistribution(store, { seed: odoo.seed, scale: odoo.scale, now: new Date() }),
      // Kept beside the private Redis, so the bot's memory and Odoo agree after a restart.
      dataDir: join(config.stateDir, 'odoo'),
      dataset: datasetOf(odoo.seed, odoo.scale),
    });
    url = embedded.url;
    // 19: the embedded Odoo issues the admin's API key, so demo mode speaks JSON-2 like production
    apiKey = embedded.adminApiKey;
    close = () => embedded.stop();
    const dir = join(config.stateDir, 'odoo');
    if (embedded.restored) {
      logger.info({ url, db: odoo.db, version: odoo.version, login: odoo.username, dir, dataset: embedded.dataset }, 'demo mode: embedded Odoo started with the data of the previous run (npm run demo:reset starts afresh)');
      if (embedded.dataset !== datasetOf(odoo.seed, odoo.scale)) {
        logger.warn({ kept: embedded.dataset, configured: datasetOf(odoo.seed, odoo.scale) }, 'EMBEDDED_ODOO_SEED/SCALE changed since the data was made: they apply after `npm run demo:reset`');
      }
    } else {
      logger.info({ url, db: odoo.db, version: odoo.version, login: odoo.username, scale: odoo.scale, dir }, 'demo mode: embedded Odoo started with the seeded distribution dataset');
    }
  } else {
    url = odoo.url;
  }
  const gateway = new OdooAwaitGateway({
    url,
    db: odoo.db,
    username: odoo.username,
    password: odoo.password,
    apiKey,
    protocol: odoo.protocol,
    timeoutMs: odoo.timeoutMs,
    observer: (model, method, ms, outcome) => metrics.observeOdooCall(model, method, ms, outcome),
  });
  const readiness: ReadinessCheck = {
    name: 'odoo',
    // Reported, not required: an Odoo outage must not take the web tier (Slack's acks) out.
    required: false,
    run: () => checkOdooHealth({ gateway, url, db: odoo.db, username: odoo.username, embedded: odoo.mode === 'embedded' }),
  };
  return { gateway, url, db: odoo.db, embedded: odoo.mode === 'embedded', readiness, close };
}
