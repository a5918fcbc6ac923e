import { z } from 'zod';
import type { ChangeTrackedKind, OdooRecordKind, OdooRecordKinds, PurchaseOrderState } from '../../src/domain/odoo-records.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import type {
  ActivityToSchedule,
  ChangePage,
  ChangeScanOptions,
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
import { isMarshalNoneFault } from './map-odoo-fault.ts';
import { type OdooRpcConfig, OdooRpcClient } from './odoo-rpc-client.ts';
import { type WireValue, kwargsOf, toWire } from './odoo-wire.ts';
import { DEFAULT_PAGE_SIZE, pagesByChange, pagesById } from './paging.ts';
import { RECORD_SPECS, type RecordSpec, type SpecLookups, parseRecords } from './record-specs.ts';
import { purchaseOrderState } from './schemas/purchase-order.ts';

/** `{ url, db, username, password, timeoutMs }`, plus an optional observer and keep-alive size. */
export type OdooGatewayConfig = OdooRpcConfig;

const recordId = z.number().int().positive();
const idList = z.array(z.number().int());
const stateRow = z.object({ id: z.number(), state: purchaseOrderState });
const versionInfo = z.object({ server_version: z.string() });
const resIdRow = z.object({ res_id: z.number().int() });

type Identified = { id: number };

/** The OdooGateway port over odoo-await (XML-RPC), for Odoo 17.0 and 18.0. */
export class OdooAwaitGateway implements OdooGateway {
  private readonly rpc: OdooRpcClient;
  private readonly xmlids = new Map<string, Promise<number>>();
  private readonly modelIds = new Map<string, Promise<number>>();
  private readonly fieldSets = new Map<string, Promise<readonly string[]>>();
  private readonly lookups: SpecLookups = {
    readRaw: async (model, ids, fields) =>
      this.expectList(model, 'read', await this.rpc.executeKw(model, 'read', [[...ids]], { fields: [...fields] })),
    refId: (xmlid) => this.refId(xmlid),
  };

  constructor(config: OdooGatewayConfig) {
    this.rpc = new OdooRpcClient(config);
  }

  async read<K extends OdooRecordKind>(kind: K, ids: readonly number[]): Promise<OdooRecordKinds[K][]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const spec: RecordSpec<OdooRecordKinds[K]> = RECORD_SPECS[kind];
    const fields = await this.fieldsOf(spec);
    // a scoped kind reads through search_read so an outgoing picking never passes as a receipt
    const raw =
      spec.scope.length === 0
        ? await this.rpc.executeKw(spec.model, 'read', [wanted], { fields })
        : await this.rpc.executeKw(spec.model, 'search_read', [[['id', 'in', wanted], ...toDomain(spec.scope)]], { fields });
    const records = await spec.load(this.expectList(spec.model, 'read', raw), this.lookups);
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
    const kwargs = kwargsOf({ order: options.order, limit: options.limit, offset: options.offset });
    return this.expect(model, 'search', idList, await this.rpc.executeKw(model, 'search', [toDomain(domain)], kwargs));
  }

  refId(xmlid: string): Promise<number> {
    return cached(this.xmlids, xmlid, async () => {
      const dot = xmlid.indexOf('.');
      const domain = [['module', '=', xmlid.slice(0, dot)], ['name', '=', xmlid.slice(dot + 1)]];
      const rows = await this.rpc.executeKw('ir.model.data', 'search_read', [domain], { fields: ['res_id'], limit: 1 });
      const [row] = parseRecords('ir.model.data', resIdRow, this.expectList('ir.model.data', 'search_read', rows));
      if (!row) throw new OdooError('odoo_invalid_request', `Odoo has no external id ${xmlid} (is its module installed?)`, { model: 'ir.model.data' });
      return row.res_id;
    });
  }

  async create(model: string, values: OdooValues, context?: OdooContext): Promise<number> {
    const result = await this.rpc.executeKw(model, 'create', [toWire(values)], kwargsOf({ context }));
    return this.expect(model, 'create', recordId, result);
  }

  async write(model: string, ids: readonly number[], values: OdooValues, context?: OdooContext): Promise<void> {
    await this.rpc.executeKw(model, 'write', [[...ids], toWire(values)], kwargsOf({ context }));
  }

  async callMethod(
    model: string,
    method: string,
    ids: readonly number[],
    kwargs: Record<string, OdooValue> = {},
    context?: OdooContext,
  ): Promise<unknown> {
    const kw = kwargsOf({ ...kwargs, context: context ?? kwargs.context });
    try {
      return await this.rpc.executeKw(model, method, [[...ids]], kw);
    } catch (err) {
      // the method ran and committed; only its None result could not be sent back (17.0, 18.0)
      if (isMarshalNoneFault(err)) return null;
      throw err;
    }
  }

  async readState(orderId: number): Promise<PurchaseOrderState | null> {
    const raw = await this.rpc.executeKw('purchase.order', 'read', [[orderId]], { fields: ['state'] });
    const [row] = parseRecords('purchase.order', stateRow, this.expectList('purchase.order', 'read', raw));
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
    return this.expect(model, 'message_post', recordId, result);
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

  async checkReachable(): Promise<Reachability> {
    try {
      const version = this.expect('common', 'version', versionInfo, await this.rpc.version());
      await this.rpc.authenticate();
      return { ok: true, version: version.server_version };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Closes kept-alive sockets (for tests and shutdown). */
  close(): void {
    this.rpc.close();
  }

  private async searchPage<K extends OdooRecordKind>(
    kind: K,
    domain: OdooDomain,
    order?: string,
    limit?: number,
    offset?: number,
  ): Promise<OdooRecordKinds[K][]> {
    const spec: RecordSpec<OdooRecordKinds[K]> = RECORD_SPECS[kind];
    const fields = await this.fieldsOf(spec);
    const raw = await this.rpc.executeKw(spec.model, 'search_read', [toDomain([...spec.scope, ...domain])], {
      fields,
      ...kwargsOf({ order, limit, offset }),
    });
    return spec.load(this.expectList(spec.model, 'search_read', raw), this.lookups);
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

  /** The fields to ask for: the spec's own, plus the optional ones this database has. */
  private async fieldsOf(spec: RecordSpec<unknown>): Promise<string[]> {
    if (spec.optionalFields.length === 0) return [...spec.fields];
    return cached(this.fieldSets, spec.model, async () => {
      const all = await this.rpc.executeKw(spec.model, 'fields_get', [], { attributes: ['type'] });
      const known = typeof all === 'object' && all !== null ? Object.keys(all) : [];
      return spec.optionalFields.filter((f) => known.includes(f));
    }).then((optional) => [...spec.fields, ...optional]);
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
