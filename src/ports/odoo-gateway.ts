import type {
  ChangeTrackedKind,
  IsoDate,
  OdooRecordKind,
  OdooRecordKinds,
  PurchaseOrderState,
} from '../domain/odoo-records.ts';
import type { OdooErrorCode } from '../errors/odoo-error.ts';

/**
 * What the core needs from Odoo, the system of record. Implemented over XML-RPC by
 * adapters/odoo/odoo-await-gateway.ts; one contract suite (test/odoo-contract) holds every
 * implementation to the same behaviour. Every method rejects with an `OdooError` only.
 */
export interface OdooGateway {
  /**
   * Reads records by id, in one `read` per model per call (no N+1); ids that do not exist are
   * left out (Odoo's `read` returns `[]` for them), duplicates are read once.
   */
  read<K extends OdooRecordKind>(kind: K, ids: readonly number[]): Promise<OdooRecordKinds[K][]>;

  /** `search_read` within the kind's own scope (e.g. receipts are incoming pickings only). */
  search<K extends OdooRecordKind>(kind: K, query?: SearchQuery): Promise<OdooRecordKinds[K][]>;

  /**
   * Visits every matching record once, a page at a time, paging BY ID (`id > cursor`, order
   * `id asc`): stable under concurrent inserts, unlike offsets. Persist `page.lastId` to resume.
   */
  scan<K extends OdooRecordKind>(kind: K, options?: ScanOptions): AsyncIterable<ScanPage<OdooRecordKinds[K]>>;

  /**
   * Visits the records changed since a cursor (`write_date`), oldest first, for reconciliation
   * scans. At-least-once: a record written again during the scan may come twice; dedupe on
   * (id, writeDate). Persist `page.cursor` (plain JSON) to resume.
   */
  scanChanges<K extends ChangeTrackedKind>(
    kind: K,
    options: ChangeScanOptions,
  ): AsyncIterable<ChangePage<OdooRecordKinds[K]>>;

  /** The ids matching a domain on any model (for lookups the typed reads do not cover). */
  searchIds(model: string, domain: OdooDomain, options?: Omit<SearchQuery, 'domain'>): Promise<number[]>;

  /** The database id behind an external id such as `purchase.group_purchase_manager`. */
  refId(xmlid: string): Promise<number>;

  /** Creates a record; `null` values are sent as Odoo's `false`, `Date`s as UTC datetimes. */
  create(model: string, values: OdooValues, context?: OdooContext): Promise<number>;

  /** Writes values on records (same value conversions as `create`). */
  write(model: string, ids: readonly number[], values: OdooValues, context?: OdooContext): Promise<void>;

  /**
   * Calls a model method through `execute_kw(model, method, [ids, ...args], kwargs)`. A method that
   * returns None makes Odoo fault with `cannot marshal None` AFTER committing: that resolves to null.
   */
  callMethod(
    model: string,
    method: string,
    ids: readonly number[],
    kwargs?: Record<string, OdooValue>,
    context?: OdooContext,
  ): Promise<unknown>;

  /** The state of a purchase order, or null when it does not exist. */
  readState(orderId: number): Promise<PurchaseOrderState | null>;

  /** `button_confirm`, then re-reads: `to approve` when a second approval is needed. */
  confirmPurchaseOrder(orderId: number): Promise<StateTransition>;

  /**
   * `button_approve`, then re-reads the state: Odoo answers `{}` and changes NOTHING when the user
   * is not a purchase manager, so `changed: false` is the refusal. Rejects with
   * `odoo_record_missing` when the order does not exist.
   */
  approvePurchaseOrder(orderId: number): Promise<StateTransition>;

  /** `button_cancel` (whose None-return fault counts as success), then re-reads the state. */
  cancelPurchaseOrder(orderId: number): Promise<StateTransition>;

  /** Posts a plain-text internal note (subtype `mail.mt_note`) in a record's chatter; the message id. */
  postNote(model: string, resId: number, body: string): Promise<number>;

  /** Schedules an activity (mail.activity) on a record; the activity id. */
  scheduleActivity(activity: ActivityToSchedule): Promise<number>;

  /**
   * Aggregates computed by Odoo, never by reading every record: `read_group(lazy=False)` on 17/18,
   * `formatted_read_group` on 19 (where read_group is deprecated). Every groupby at once; each row
   * is one group with its record count and the aggregates asked.
   */
  readGroup(model: string, query: GroupQuery): Promise<GroupRow[]>;

  /** For /readyz: reachable and credentials accepted, with the server version, or why not. */
  checkReachable(): Promise<Reachability>;
}

/** One Odoo domain term: `['state', '=', 'to approve']`, or a prefix operator. */
export type OdooDomainTerm = [field: string, operator: string, value: OdooValue] | '&' | '|' | '!';
/** An Odoo search domain, in Polish notation as Odoo expects it. Field names are Odoo's. */
export type OdooDomain = readonly OdooDomainTerm[];

/** A value sent to Odoo. `null` becomes `false` and a `Date` a UTC `YYYY-MM-DD HH:MM:SS`. */
export type OdooValue =
  | string
  | number
  | boolean
  | null
  | Date
  | readonly OdooValue[]
  | { readonly [key: string]: OdooValue };
export type OdooValues = Record<string, OdooValue>;
/** Odoo context keys, e.g. `{ lang: 'en_US', tz: 'Europe/Brussels' }`. */
export type OdooContext = Record<string, OdooValue>;

export interface SearchQuery {
  domain?: OdooDomain;
  /** Odoo order spec, e.g. `date_planned asc, id asc`. */
  order?: string;
  limit?: number;
  offset?: number;
}

export interface ScanOptions {
  domain?: OdooDomain;
  /** @defaultValue 200 */
  pageSize?: number;
  /** Resume after this id (exclusive). @defaultValue 0 */
  afterId?: number;
}

export interface ScanPage<T> {
  records: T[];
  /** The highest id of this page: the cursor to resume from. */
  lastId: number;
}

/**
 * Where a change scan stopped. Odoo keeps `write_date` with microseconds but sends it to the
 * second, so the cursor holds the last second seen and the ids already seen within that second.
 */
export interface ChangeCursor {
  /** ISO 8601 UTC, to the second, e.g. `2026-11-26T22:17:21.000Z`. */
  since: string;
  idsAtSince: number[];
}

export interface ChangeScanOptions {
  /** null: from the beginning. */
  since: ChangeCursor | null;
  domain?: OdooDomain;
  /** @defaultValue 200 */
  pageSize?: number;
}

export interface ChangePage<T> {
  records: T[];
  cursor: ChangeCursor;
}

export interface StateTransition {
  orderId: number;
  before: PurchaseOrderState;
  after: PurchaseOrderState;
  /** false when Odoo accepted the call but the state stayed the same (always re-read). */
  changed: boolean;
}

export interface ActivityToSchedule {
  /** e.g. `purchase.order` */
  model: string;
  resId: number;
  activityTypeId: number;
  /** The Odoo user the activity is assigned to. */
  userId: number;
  summary: string;
  /** Plain text; Odoo keeps it as HTML. */
  note?: string;
  dateDeadline: IsoDate;
}

export interface GroupQuery {
  domain: OdooDomain;
  /** Core field names: `partner_id`, or a date(time) with a granularity, `date_approve:day`. */
  groupby: readonly string[];
  /** `field:sum|avg|min|max|count|count_distinct`; the record count is always answered. */
  aggregates?: readonly string[];
  /** IANA zone datetimes are grouped in (Odoo's context `tz`); UTC when left out. */
  timeZone?: string;
  limit?: number;
}

/** A group's key: a many2one's id (label its display name), a period's local start date, or the value. */
export interface GroupKey {
  value: number | string | boolean | null;
  label: string | null;
}

export interface GroupRow {
  /** Per groupby spec as asked (e.g. `date_approve:day` -> `{ value: '2026-03-02', label: '02 Mar 2026' }`). */
  keys: Record<string, GroupKey>;
  count: number;
  /** Per aggregate spec as asked; null where Odoo has no value (a sum over no value). */
  values: Record<string, number | string | null>;
}

export type Reachability = { ok: true; version: string } | { ok: false; reason: string };

/**
 * Called once per RPC with its duration; the adapter layer feeds a Prometheus histogram from it.
 * `model` is `common` for authenticate/version; `outcome` is `ok` or the error code.
 */
export type OdooCallObserver = (model: string, method: string, ms: number, outcome: 'ok' | OdooErrorCode) => void;
