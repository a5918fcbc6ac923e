import { z } from 'zod';
import type { ChangeTrackedKind, OdooRecordKind, OdooRecordKinds, PurchaseOrderState } from '../../src/domain/odoo-records.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import type {
  ActivityToSchedule,
  ChangePage,
  ChangeScanOptions,
  GroupQuery,
  GroupRow,
  OdooContext,
  OdooDomain,
  OdooGateway,
  OdooValue,
  OdooValues,
  Reachability,
  ScanOptions,
  ScanPage,
  SearchQuery,
  StateTransition,
} from '../../src/ports/odoo-gateway.ts';
import { Json2Client } from './json2-client.ts';
import { isMarshalNoneFault } from './map-odoo-fault.ts';
import { type FieldInfo, type ModelFields, OdooDialect } from './odoo-dialect.ts';
import { type OdooRpc, type OdooRpcConfig, OdooRpcClient } from './odoo-rpc-client.ts';
import { parseServerVersion } from './server-version.ts';
import { type WireValue, kwargsOf, toWire } from './odoo-wire.ts';
import { DEFAULT_PAGE_SIZE, pagesByChange, pagesById } from './paging.ts';
import { RECORD_SPECS, type RecordSpec, type SpecLookups, parseRecords } from './record-specs.ts';
import { purchaseOrderState } from './schemas/purchase-order.ts';
import { groupCall } from './read-group-call.ts';

/** Which wire the gateway speaks: `auto` = JSON-2 on Odoo 19+ when an API key is set, else XML-RPC. */
export type OdooProtocol = 'auto' | 'xmlrpc' | 'json2';

/** `{ url, db, username, password, timeoutMs }`, plus an optional observer and keep-alive size. */
export type OdooGatewayConfig = OdooRpcConfig & {
  /** @defaultValue 'auto' */
  protocol?: OdooProtocol;
  /** An Odoo API key (Preferences > Account Security > New API Key): JSON-2's bearer, or XML-RPC's password. */
  apiKey?: string;
};

/** What the gateway learned at connect: the transport it chose, the server version, its names. */
interface Session {
  rpc: OdooRpc;
  version: string;
  major: number;
  dialect: OdooDialect;
}

const recordId = z.number().int().positive();
const idList = z.array(z.number().int());
const stateRow = z.object({ id: z.number(), state: purchaseOrderState });
const resIdRow = z.object({ res_id: z.number().int() });

type Identified = { id: number };

/**
 * The OdooGateway port for Odoo 17.0, 18.0 and 19.0, over XML-RPC (odoo-await) or JSON-2. At the
 * first call it learns the server's version and (19.0+) field names, and from then on speaks the
 * server's names while the core keeps the 17/18 ones (odoo-dialect.ts).
 */
export class OdooAwaitGateway implements OdooGateway {
  private readonly config: OdooGatewayConfig;
  private session: Promise<Session> | null = null;
  private readonly transports: OdooRpc[] = [];
  private readonly xmlids = new Map<string, Promise<number>>();
  private readonly modelIds = new Map<string, Promise<number>>();
  private readonly modelFields = new Map<string, Promise<ModelFields>>();
  private readonly loadedFields = new Map<string, ModelFields>();
  private readonly lookups: SpecLookups = {
    readRaw: async (model, ids, fields) => {
      const { rpc, dialect } = await this.prepare(model);
      const raw = await rpc.executeKw(model, 'read', [[...ids]], { fields: dialect.readFields(model, fields) });
      return this.expectList(model, 'read', raw).map((r) => dialect.row(model, r, !fields.includes('locked')));
    },
    refId: (xmlid) => this.refId(xmlid),
  };

  constructor(config: OdooGatewayConfig) {
    this.config = config;
  }

  /** The protocol in use once connected (`xmlrpc` or `json2`), for diagnostics. */
  async protocol(): Promise<'xmlrpc' | 'json2'> {
    return (await this.connect()).rpc.protocol;
  }

  async read<K extends OdooRecordKind>(kind: K, ids: readonly number[]): Promise<OdooRecordKinds[K][]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const spec: RecordSpec<OdooRecordKinds[K]> = RECORD_SPECS[kind];
    const { rpc, dialect } = await this.prepare(spec.model, spec.scope);
    const fields = dialect.readFields(spec.model, await this.fieldsOf(spec));
    // a scoped kind reads through search_read so an outgoing picking never passes as a receipt
    const raw =
      spec.scope.length === 0
        ? await rpc.executeKw(spec.model, 'read', [wanted], { fields })
        : await rpc.executeKw(spec.model, 'search_read', [toDomain(dialect.domain(spec.model, [['id', 'in', wanted], ...spec.scope]))], { fields });
    const rows = this.expectList(spec.model, 'read', raw).map((r) => dialect.row(spec.model, r, true));
    const records = await spec.load(rows, this.lookups);
    const byId = new Map(records.map((r) => [(r as Identified).id, r]));
    return wanted.flatMap((id) => {
      const r = byId.get(id);
      return r ? [r] : [];
    });
  }

  async search<K extends OdooRecordKind>(kind: K, query: SearchQuery = {}): Promise<OdooRecordKinds[K][]> {
    return this.searchPage(kind, query.domain ?? [], query.order, query.limit, query.offset);
  }

  async *scan<K extends OdooRecordKind>(kind: K, options: ScanOptions = {}): AsyncGenerator<ScanPage<OdooRecordKinds[K]>> {
    const fetch = (domain: OdooDomain, order: string, limit: number) =>
      this.searchPage(kind, domain, order, limit) as Promise<Array<OdooRecordKinds[K] & Identified>>;
    yield* pagesById(fetch, options.domain ?? [], options.pageSize ?? DEFAULT_PAGE_SIZE, options.afterId ?? 0);
  }

  async *scanChanges<K extends ChangeTrackedKind>(
    kind: K,
    options: ChangeScanOptions,
  ): AsyncGenerator<ChangePage<OdooRecordKinds[K]>> {
    const fetch = (domain: OdooDomain, order: string, limit: number) =>
      this.searchPage(kind, domain, order, limit) as Promise<Array<OdooRecordKinds[K] & Identified & { writeDate: Date }>>;
    yield* pagesByChange(fetch, options.domain ?? [], options.since, options.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  async searchIds(model: string, domain: OdooDomain, options: Omit<SearchQuery, 'domain'> = {}): Promise<number[]> {
    const { rpc, dialect } = await this.prepare(model, domain);
    const kwargs = kwargsOf({ order: dialect.order(model, options.order), limit: options.limit, offset: options.offset });
    return this.expect(model, 'search', idList, await rpc.executeKw(model, 'search', [toDomain(dialect.domain(model, domain))], kwargs));
  }

  refId(xmlid: string): Promise<number> {
    return cached(this.xmlids, xmlid, async () => {
      const dot = xmlid.indexOf('.');
      const domain = [['module', '=', xmlid.slice(0, dot)], ['name', '=', xmlid.slice(dot + 1)]];
      const { rpc } = await this.connect();
      const rows = await rpc.executeKw('ir.model.data', 'search_read', [domain], { fields: ['res_id'], limit: 1 });
      const [row] = parseRecords('ir.model.data', resIdRow, this.expectList('ir.model.data', 'search_read', rows));
      if (!row) throw new OdooError('odoo_invalid_request', `Odoo has no external id ${xmlid} (is its module installed?)`, { model: 'ir.model.data' });
      return row.res_id;
    });
  }

  async create(model: string, values: OdooValues, context?: OdooContext): Promise<number> {
    const { rpc, dialect } = await this.prepare(model);
    const result = await rpc.executeKw(model, 'create', [toWire(dialect.values(model, values))], kwargsOf({ context }));
    return this.expect(model, 'create', recordId, result);
  }

  async write(model: string, ids: readonly number[], values: OdooValues, context?: OdooContext): Promise<void> {
    const { rpc, dialect } = await this.prepare(model);
    await rpc.executeKw(model, 'write', [[...ids], toWire(dialect.values(model, values))], kwargsOf({ context }));
  }

  async callMethod(
    model: string,
    method: string,
    ids: readonly number[],
    kwargs: Record<string, OdooValue> = {},
    context?: OdooContext,
  ): Promise<unknown> {
    const kw = kwargsOf({ ...kwargs, context: context ?? kwargs.context });
    const { rpc } = await this.connect();
    try {
      return await rpc.executeKw(model, method, [[...ids]], kw);
    } catch (err) {
      // the method ran and committed; only its None result could not be sent back (17.0, 18.0)
      if (isMarshalNoneFault(err)) return null;
      throw err;
    }
  }

  async readState(orderId: number): Promise<PurchaseOrderState | null> {
    const { rpc, dialect } = await this.prepare('purchase.order');
    const raw = await rpc.executeKw('purchase.order', 'read', [[orderId]], { fields: dialect.readFields('purchase.order', ['state']) });
    const rows = this.expectList('purchase.order', 'read', raw).map((r) => dialect.row('purchase.order', r, true));
    const [row] = parseRecords('purchase.order', stateRow, rows);
    return row?.state ?? null;
  }

  confirmPurchaseOrder(orderId: number): Promise<StateTransition> {
    return this.transition(orderId, 'button_confirm');
  }

  approvePurchaseOrder(orderId: number): Promise<StateTransition> {
    return this.transition(orderId, 'button_approve');
  }

  cancelPurchaseOrder(orderId: number): Promise<StateTransition> {
    return this.transition(orderId, 'button_cancel');
  }

  async postNote(model: string, resId: number, body: string): Promise<number> {
    // a str body is escaped by Odoo (no Markup over RPC): plain text shows as written
    const result = await this.callMethod(model, 'message_post', [resId], {
      body,
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
    });
    // 17.0/18.0 answer the message id, 19.0 a list of one id
    return this.expect(model, 'message_post', recordId, Array.isArray(result) && result.length === 1 ? result[0] : result);
  }

  async scheduleActivity(a: ActivityToSchedule): Promise<number> {
    const resModelId = await this.modelId(a.model);
    return this.create('mail.activity', {
      res_model_id: resModelId,
      res_id: a.resId,
      activity_type_id: a.activityTypeId,
      user_id: a.userId,
      summary: a.summary,
      note: a.note === undefined ? null : `<p>${escapeHtml(a.note)}</p>`,
      date_deadline: a.dateDeadline,
    });
  }

  async readGroup(model: string, query: GroupQuery): Promise<GroupRow[]> {
    const { rpc, dialect } = await this.prepare(model, query.domain);
    const call = groupCall(model, query, dialect, toDomain(dialect.domain(model, query.domain)));
    return call.parse(await rpc.executeKw(model, call.method, [], call.kwargs));
  }

  async checkReachable(): Promise<Reachability> {
    try {
      const session = await this.connect();
      await session.rpc.authenticate();
      return { ok: true, version: session.version };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Closes kept-alive sockets (for tests and shutdown). */
  close(): void {
    for (const t of this.transports) t.close();
  }

  /** The session, connecting once for all concurrent callers (a failure is forgotten). */
  private connect(): Promise<Session> {
    if (!this.session) {
      const pending = this.openSession();
      this.session = pending;
      pending.catch(() => {
        if (this.session === pending) this.session = null;
      });
    }
    return this.session;
  }

  private async openSession(): Promise<Session> {
    const { protocol = 'auto', apiKey } = this.config;
    if (protocol === 'json2' && !apiKey) {
      throw new OdooError('odoo_auth_failed', 'ODOO_PROTOCOL=json2 needs ODOO_API_KEY (Odoo: Preferences > Account Security > New API Key)', { model: 'common', method: 'authenticate' });
    }
    if (protocol === 'json2' || (protocol === 'auto' && apiKey)) {
      const json2 = this.transport(new Json2Client({ ...this.config, apiKey: apiKey ?? '' }));
      const version = parseServerVersion(await json2.version());
      if (protocol === 'json2' || version.major >= 19) return this.sessionOf(json2, version);
      // auto on 17/18: JSON-2 does not exist there; an API key also works as XML-RPC password
      const xmlrpc = this.transport(new OdooRpcClient({ ...this.config, password: this.config.password || apiKey || '' }));
      await xmlrpc.uid();
      return this.sessionOf(xmlrpc, version);
    }
    const xmlrpc = this.transport(new OdooRpcClient({ ...this.config, password: this.config.password || apiKey || '' }));
    const version = parseServerVersion(await xmlrpc.version());
    await xmlrpc.uid();
    return this.sessionOf(xmlrpc, version);
  }

  private transport<T extends OdooRpc>(t: T): T {
    this.transports.push(t);
    return t;
  }

  private sessionOf(rpc: OdooRpc, version: { text: string; major: number }): Session {
    return { rpc, version: version.text, major: version.major, dialect: new OdooDialect(version.major, (m) => this.loadedFields.get(m)) };
  }

  /**
   * The session, with the field names of `model` (and of the models a domain's dotted paths go
   * through) known: on 19.0+ only, where names differ from the core's (17.0/18.0 are the core's).
   */
  private async prepare(model: string, domain: OdooDomain = []): Promise<Session> {
    const session = await this.connect();
    if (session.major < 19) return session;
    await this.fieldsGet(session, model);
    for (const term of domain) {
      if (typeof term === 'string' || !term[0].includes('.')) continue;
      let current: string | undefined = model;
      for (const seg of term[0].split('.').slice(0, -1)) {
        if (current === undefined) break;
        const fields: ModelFields = await this.fieldsGet(session, current);
        current = fields.get(session.dialect.serverField(current, seg))?.relation;
        if (current !== undefined) await this.fieldsGet(session, current);
      }
    }
    return session;
  }

  /** fields_get of a model (type and relation), once per gateway. */
  private fieldsGet(session: Session, model: string): Promise<ModelFields> {
    return cached(this.modelFields, model, async () => {
      const all = await session.rpc.executeKw(model, 'fields_get', [], { attributes: ['type', 'relation'] });
      const map = new Map<string, FieldInfo>();
      if (typeof all === 'object' && all !== null) {
        for (const [name, info] of Object.entries(all as Record<string, { type?: unknown; relation?: unknown }>)) {
          map.set(name, { type: typeof info?.type === 'string' ? info.type : 'unknown', relation: typeof info?.relation === 'string' ? info.relation : undefined });
        }
      }
      this.loadedFields.set(model, map);
      return map;
    });
  }

  private async searchPage<K extends OdooRecordKind>(
    kind: K,
    domain: OdooDomain,
    order?: string,
    limit?: number,
    offset?: number,
  ): Promise<OdooRecordKinds[K][]> {
    const spec: RecordSpec<OdooRecordKinds[K]> = RECORD_SPECS[kind];
    const full = [...spec.scope, ...domain];
    const { rpc, dialect } = await this.prepare(spec.model, full);
    const fields = dialect.readFields(spec.model, await this.fieldsOf(spec));
    const raw = await rpc.executeKw(spec.model, 'search_read', [toDomain(dialect.domain(spec.model, full))], {
      fields,
      ...kwargsOf({ order: dialect.order(spec.model, order), limit, offset }),
    });
    const rows = this.expectList(spec.model, 'search_read', raw).map((r) => dialect.row(spec.model, r, true));
    return spec.load(rows, this.lookups);
  }

  private async transition(orderId: number, method: string): Promise<StateTransition> {
    const missing = () =>
      new OdooError('odoo_record_missing', `purchase.order ${orderId} does not exist`, {
        model: 'purchase.order',
        method,
        recordId: orderId,
      });
    const before = await this.readState(orderId);
    if (before === null) throw missing();
    await this.callMethod('purchase.order', method, [orderId]);
    // always re-read: button_approve by a non-manager answers {} and changes nothing
    const after = await this.readState(orderId);
    if (after === null) throw missing();
    return { orderId, before, after, changed: before !== after };
  }

  /** The fields to ask for (core names): the spec's own, plus the optional ones this database has. */
  private async fieldsOf(spec: RecordSpec<unknown>): Promise<string[]> {
    if (spec.optionalFields.length === 0) return [...spec.fields];
    const session = await this.connect();
    const known = await this.fieldsGet(session, spec.model);
    return [...spec.fields, ...spec.optionalFields.filter((f) => known.has(session.dialect.serverField(spec.model, f)))];
  }

  private modelId(model: string): Promise<number> {
    return cached(this.modelIds, model, async () => {
      const [found] = await this.searchIds('ir.model', [['model', '=', model]], { limit: 1 });
      if (found === undefined) throw new OdooError('odoo_invalid_request', `Odoo has no model ${model}`, { model });
      return found;
    });
  }

  private expectList(model: string, method: string, value: unknown): unknown[] {
    return this.expect(model, method, z.array(z.unknown()), value);
  }

  private expect<T>(model: string, method: string, schema: z.ZodType<T>, value: unknown): T {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    throw new OdooError('odoo_invalid_response', `Odoo answered ${model}.${method} with an unexpected ${JSON.stringify(value)?.slice(0, 120)}`, {
      model,
      method,
      cause: result.error,
    });
  }
}

/** Creates the gateway; nothing is sent to Odoo until the first call. */
export function createOdooAwaitGateway(config: OdooGatewayConfig): OdooAwaitGateway {
  return new OdooAwaitGateway(config);
}

function toDomain(domain: OdooDomain): WireValue[] {
  return domain.map((term) => (typeof term === 'string' ? term : toWire(term)));
}

/** Memoizes a promise per key, forgetting failures so the next call tries again. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
