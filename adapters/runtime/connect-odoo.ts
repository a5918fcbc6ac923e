import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { seedDistribution } from '../embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../embedded-odoo/start-embedded-odoo.ts';
import type { Metrics } from '../http/metrics.ts';
import type { ReadinessCheck } from '../http/readiness.ts';
import { OdooAwaitGateway } from '../odoo/odoo-await-gateway.ts';

export interface OdooConnection {
  gateway: OdooGateway;
  /** Where the bot reaches Odoo, and (demo mode) the embedded Odoo's own URL. */
  url: string;
  db: string;
  embedded: boolean;
  readiness: ReadinessCheck;
  close(): Promise<void>;
}

/**
 * The Odoo the bot works against: the one at ODOO_URL, or, without it (demo mode), an embedded
 * Odoo started in this process with the seeded distribution dataset (startEmbedded; the web
 * process does it, worker-only processes connect to it).
 */
export async function connectOdoo(options: { config: Config; logger: Logger; metrics: Metrics; startEmbedded: boolean }): Promise<OdooConnection> {
  const { config, logger, metrics } = options;
  const odoo = config.odoo;
  let url: string;
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
      seed: (store) => void seedDistribution(store, { seed: odoo.seed, scale: odoo.scale, now: new Date() }),
    });
    url = embedded.url;
    close = () => embedded.stop();
    logger.info({ url, db: odoo.db, version: odoo.version, login: odoo.username, scale: odoo.scale }, 'demo mode: embedded Odoo started with the seeded distribution dataset');
  } else {
    url = odoo.url;
  }
  const gateway = new OdooAwaitGateway({
    url,
    db: odoo.db,
    username: odoo.username,
    password: odoo.password,
    timeoutMs: odoo.timeoutMs,
    observer: (model, method, ms, outcome) => metrics.observeOdooCall(model, method, ms, outcome),
  });
  const readiness: ReadinessCheck = {
    name: 'odoo',
    // Reported, not required: an Odoo outage must not take the web tier (Slack's acks) out.
    required: false,
    async run() {
      const r = await gateway.checkReachable();
      if (!r.ok) return { ok: false, detail: r.reason };
      const detail = `Odoo ${r.version} at ${url}${odoo.mode === 'embedded' ? ' (embedded)' : ''}`;
      // Odoo silently ignores button_approve from a user who is not a purchase manager.
      const [me] = await gateway.search('user', { domain: [['login', '=', odoo.username]], limit: 1 });
      if (me && !me.isPurchaseManager) {
        return { ok: true, detail, warnings: [`The bot's Odoo user ${odoo.username} is not in Purchase / Administrator: approvals decided in chat cannot be written to Odoo`] };
      }
      return { ok: true, detail };
    },
  };
  return { gateway, url, db: odoo.db, embedded: odoo.mode === 'embedded', readiness, close };
}
