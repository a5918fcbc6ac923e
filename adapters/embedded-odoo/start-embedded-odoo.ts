import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSender } from './automation/webhook-sender.ts';
import { createBaseDatabase } from './base-data/base-database.ts';
import { behaviourRegistry } from './models/registry.ts';
import { Odoo19 } from './orm/call-kw-19.ts';
import { OdooService } from './rpc/odoo-service.ts';
import { ApiKeys, createJson2RequestHandler } from './rpc/json2-request-handler.ts';
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
  /** @defaultValue 18 (the CLI and demo mode default to 19 through EMBEDDED_ODOO_VERSION) */
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
   * 17/18: how long a transaction runs on after its last automation webhook before it commits
   * (other connections see the old rows meanwhile). @defaultValue DEFAULT_COMMIT_DELAY_MS (150)
   */
  commitDelayMs?: number;
  /** 19.0: the admin's JSON-2 API key. @defaultValue a new random 40-character key */
  adminApiKey?: string;
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
  /** 19.0: the admin's API key (JSON-2 bearer, also accepted as XML-RPC password on real Odoo). */
  adminApiKey?: string;
  /** 19.0: a new API key for a user, as Preferences > Account Security > New API Key makes one. */
  issueApiKey(login: string): string;
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
  // 19.0 runs the 18 store and models behind its own names (orm/call-kw-19.ts)
  const internal: OdooMajor = version === 19 ? 18 : version;
  const create = async () => {
    const fresh = new OdooStore();
    createBaseDatabase(fresh, {
      version: internal,
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
  const odoo19 = version === 19 ? new Odoo19(loadSchema(19)) : undefined;
  const service = new OdooService({ store, version, db, schema: loadSchema(internal), behaviours: behaviourRegistry(), webhooks, now, odoo19, ...(opts.commitDelayMs !== undefined ? { commitDelayMs: opts.commitDelayMs } : {}) });
  const keys = new ApiKeys();
  const admin = store.rows('res.users').find((u) => u.login === (opts.adminLogin ?? 'admin'));
  let adminApiKey: string | undefined;
  if (version >= 19 && admin) {
    adminApiKey = opts.adminApiKey ?? keys.issue(admin.id);
    keys.add(adminApiKey, admin.id);
  }
  const issueApiKey = (login: string): string => {
    const user = store.rows('res.users').find((u) => u.login === login);
    if (!user) throw new Error(`embedded Odoo has no user ${login}`);
    return keys.issue(user.id);
  };
  // Each answered call is on disk before its answer leaves (the demo's data survives a crash).
  const afterCall = durable ? () => durable.flush() : undefined;
  const xmlrpc = createRpcRequestHandler(service, { afterCall });
  // JSON-2 is 19.0's (the version route answers on every version, as on real Odoo)
  const json2 = createJson2RequestHandler(service, keys, { afterCall });
  const handler = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (xmlrpc(req, res)) return true;
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (version < 19 && path.startsWith('/json/2/')) return false;
    return json2(req, res);
  };
  return { store, version, db, service, webhooks, handler, adminApiKey, issueApiKey, durable, restored: opened?.restored ?? false, dataset: opened?.meta.dataset ?? opts.dataset ?? null };
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
    adminApiKey: odoo.adminApiKey,
    issueApiKey: odoo.issueApiKey,
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
