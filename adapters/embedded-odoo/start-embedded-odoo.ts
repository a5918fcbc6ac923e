import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSender } from './automation/webhook-sender.ts';
import { createBaseDatabase } from './base-data/base-database.ts';
import { behaviourRegistry } from './models/registry.ts';
import { OdooService } from './rpc/odoo-service.ts';
import { createRpcRequestHandler } from './rpc/rpc-request-handler.ts';
import { loadSchema } from './schema/model-schema.ts';
import { DurableStore } from './persist/durable-store.ts';
import { OdooStore } from './store.ts';
import type { OdooMajor } from '../xmlrpc/write-xmlrpc.ts';

/** Options of startEmbeddedOdoo / createEmbeddedOdoo. */
export interface EmbeddedOdooOptions {
  /** @defaultValue 0 (a free port) */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** @defaultValue 18 */
  version?: OdooMajor;
  /** @defaultValue 'odoo' */
  db?: string;
  /** @defaultValue 'admin' */
  adminLogin?: string;
  /** @defaultValue 'admin' */
  adminPassword?: string;
  /** Vendors, products and a portal user like Odoo's demo data. @defaultValue true without `seed`, false with it */
  demo?: boolean;
  /** Runs on the base database before serving (the dataset generator hooks in here). */
  seed?: (store: OdooStore) => void | Promise<void>;
  /** The clock of the business methods (dates, write_date). @defaultValue () => new Date() */
  now?: () => Date;
  /**
   * Keeps the database in this directory across restarts (persist/durable-store.ts): read back
   * when present (no seeding then), else created, seeded and written. @defaultValue in memory only
   */
  dataDir?: string;
  /** What the seed makes, remembered beside the data (e.g. "seed 42, scale 300"). */
  dataset?: string;
}

export interface EmbeddedOdoo {
  url: string;
  port: number;
  db: string;
  version: OdooMajor;
  store: OdooStore;
  /** True when the database was read back from `dataDir` rather than created and seeded. */
  restored: boolean;
  /** The dataset the database was made with (the one on disk when restored). */
  dataset: string | null;
  /** Resolves when every webhook POST started so far has been answered or has failed. */
  flushWebhooks(): Promise<void>;
  /** Every webhook delivery attempt (url, body, status or error). */
  webhookLog(): ReadonlyArray<{ url: string; body: string; status?: number; error?: string }>;
  stop(): Promise<void>;
}

/** The embedded Odoo without a listening socket: a store, the XML-RPC service and its handler. */
export async function createEmbeddedOdoo(opts: EmbeddedOdooOptions = {}) {
  const version = opts.version ?? 18;
  const db = opts.db ?? 'odoo';
  const now = opts.now ?? (() => new Date());
  const create = async () => {
    const fresh = new OdooStore();
    createBaseDatabase(fresh, {
      version,
      adminLogin: opts.adminLogin ?? 'admin',
      adminPassword: opts.adminPassword ?? 'admin',
      demo: opts.demo ?? !opts.seed,
      now: now(),
    });
    if (opts.seed) await opts.seed(fresh);
    return fresh;
  };
  const opened = opts.dataDir ? await DurableStore.open(opts.dataDir, { version, db, dataset: opts.dataset ?? (opts.seed ? 'seeded' : 'base database') }, create) : null;
  const store = opened?.store ?? (await create());
  const durable = opened?.durable ?? null;
  const webhooks = new WebhookSender();
  const service = new OdooService({ store, version, db, schema: loadSchema(version), behaviours: behaviourRegistry(), webhooks, now });
  const handler = createRpcRequestHandler(service, { afterCall: durable ? () => durable.flush() : undefined });
  return { store, version, db, service, webhooks, handler, durable, restored: opened?.restored ?? false, dataset: opened?.meta.dataset ?? opts.dataset ?? null };
}

/** Starts the embedded Odoo on an HTTP port; XML-RPC at /xmlrpc/2/common and /xmlrpc/2/object. */
export async function startEmbeddedOdoo(opts: EmbeddedOdooOptions = {}): Promise<EmbeddedOdoo> {
  const odoo = await createEmbeddedOdoo(opts);
  const server = http.createServer((req, res) => {
    if (!odoo.handler(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
  });
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
  } catch (err) {
    odoo.durable?.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    db: odoo.db,
    version: odoo.version,
    store: odoo.store,
    restored: odoo.restored,
    dataset: odoo.dataset,
    flushWebhooks: () => odoo.webhooks.flush(),
    webhookLog: () => odoo.webhooks.log,
    stop: async () => {
      await odoo.webhooks.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      odoo.durable?.close();
    },
  };
}
