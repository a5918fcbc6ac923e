/**
 * The embedded Odoo's record store: plain rows per model, in memory.
 *
 * Rows hold STORED values only, in the shape Odoo keeps them in its database, so the ORM layer can
 * turn them into exactly what XML-RPC answers (many2one pairs, false for empty, ...):
 * - many2one: the id (number) or false;
 * - one2many / many2many: an array of ids (both sides of a one2many are kept in sync by writers);
 * - char / text / html / selection: a string or false;
 * - date: 'YYYY-MM-DD' or false; datetime: 'YYYY-MM-DD HH:MM:SS' (UTC) or false;
 * - integer / float / monetary: a number; boolean: true or false.
 * Stored computed fields of real Odoo (amount_total, qty_received, state of a picking, ...) are
 * stored here too and kept up to date by the business methods that change their inputs.
 * README.md (beside this file) lists those fields and who keeps them up to date.
 *
 * Change rows through insert/update/delete: they bump the model's version, which invalidates the
 * cached id-ordered list and the one2many inverse indexes (a search must not re-sort 50,000 rows).
 */
export type StoredValue = string | number | boolean | number[] | null;

export interface Row {
  id: number;
  [field: string]: StoredValue | undefined;
}

/** One change of the store, as a journal keeps it: the whole row after the change, a deletion, an external id. */
export type StoreChange =
  | { op: 'put'; model: string; row: Row }
  | { op: 'delete'; model: string; id: number }
  | { op: 'xmlid'; xmlid: string; model: string; resId: number; imdId: number };

/** Everything the store holds, JSON-safe: what a snapshot on disk contains. */
export interface StoreImage {
  tables: Record<string, Row[]>;
  sequences: Record<string, number>;
  xmlids: Array<[string, { model: string; resId: number; imdId: number | null }]>;
}

export class OdooStore {
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly sequences = new Map<string, number>();
  /** External ids (`module.name`) as ir.model.data keeps them: xmlid -> [model, res_id]. */
  private readonly xmlids = new Map<string, { model: string; resId: number }>();
  /** xmlid -> id of its ir.model.data row. */
  private readonly imdRows = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private readonly sorted = new Map<string, { version: number; rows: Row[] }>();
  private readonly inverse = new Map<string, { version: number; index: Map<number, number[]> }>();
  /** The open transaction's journal (see transaction/row-journal.ts): told before a row changes. */
  private journal: ((model: string, id: number, before: Row | undefined) => void) | null = null;

  /**
   * Calls `record` with the row as it was before every insert, update and delete until the
   * returned function is called: what a transaction needs to roll back or hide its changes.
   */
  recordChanges(record: (model: string, id: number, before: Row | undefined) => void): () => void {
    if (this.journal) throw new Error('a transaction is already recording changes');
    this.journal = record;
    return () => {
      this.journal = null;
    };
  }

  /** Puts a row back as it was (undefined: absent), bypassing the journal: rollback and commit use it. */
  restore(model: string, id: number, row: Row | undefined): void {
    if (row) this.table(model).set(id, row);
    else this.table(model).delete(id);
    this.touch(model);
    // The on-disk journal follows what other connections see: a rollback or a commit is a change too.
    this.changed?.(row ? { op: 'put', model, row } : { op: 'delete', model, id });
  }

  private changed: ((change: StoreChange) => void) | undefined;

  /** Tells `listener` of every change from now on (the on-disk journal of the demo's Odoo). */
  onChange(listener: (change: StoreChange) => void): void {
    this.changed = listener;
  }

  /** A copy of everything the store holds (rows are serialised, so later changes do not leak in). */
  image(): StoreImage {
    const tables: Record<string, Row[]> = {};
    for (const [model, t] of this.tables) tables[model] = [...t.values()];
    const xmlids = [...this.xmlids].map(([x, r]): StoreImage['xmlids'][number] => [x, { ...r, imdId: this.imdRows.get(x) ?? null }]);
    return JSON.parse(JSON.stringify({ tables, sequences: Object.fromEntries(this.sequences), xmlids })) as StoreImage;
  }

  /** A store holding an image (a snapshot read back); no listener is told. */
  static fromImage(image: StoreImage): OdooStore {
    const store = new OdooStore();
    for (const [model, rows] of Object.entries(image.tables)) {
      const t = store.table(model);
      for (const row of rows) t.set(row.id, row);
    }
    for (const [model, n] of Object.entries(image.sequences)) store.sequences.set(model, n);
    for (const [xmlid, r] of image.xmlids) {
      store.xmlids.set(xmlid, { model: r.model, resId: r.resId });
      if (r.imdId !== null) store.imdRows.set(xmlid, r.imdId);
    }
    return store;
  }

  /** Applies a journalled change again (replay after a restart); idempotent, tells no listener. */
  replay(change: StoreChange): void {
    if (change.op === 'put') {
      this.table(change.model).set(change.row.id, change.row);
      this.sequences.set(change.model, Math.max(change.row.id, this.sequences.get(change.model) ?? 0));
    } else if (change.op === 'delete') {
      this.table(change.model).delete(change.id);
    } else {
      this.xmlids.set(change.xmlid, { model: change.model, resId: change.resId });
      this.imdRows.set(change.xmlid, change.imdId);
      return;
    }
    this.touch(change.model);
  }

  /** Bumped by every insert, update and delete of the model. */
  version(model: string): number {
    return this.versions.get(model) ?? 0;
  }

  private touch(model: string): void {
    this.versions.set(model, this.version(model) + 1);
  }

  table(model: string): Map<number, Row> {
    let t = this.tables.get(model);
    if (!t) {
      t = new Map();
      this.tables.set(model, t);
    }
    return t;
  }

  /** Inserts a row; takes the next id of the model unless the row brings its own. */
  insert(model: string, values: Omit<Row, 'id'> & { id?: number }): number {
    const t = this.table(model);
    const id = values.id ?? (this.sequences.get(model) ?? 0) + 1;
    if (t.has(id)) throw new Error(`${model} ${id} already exists`);
    this.journal?.(model, id, undefined);
    this.sequences.set(model, Math.max(id, this.sequences.get(model) ?? 0));
    const row = { ...values, id } as Row;
    t.set(id, row);
    this.touch(model);
    this.changed?.({ op: 'put', model, row });
    return id;
  }

  get(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** Rows of a model in id order (Odoo's default order for most models is id). */
  rows(model: string): Row[] {
    const v = this.version(model);
    const cached = this.sorted.get(model);
    if (cached && cached.version === v) return cached.rows;
    const rows = [...this.table(model).values()].sort((a, b) => a.id - b.id);
    this.sorted.set(model, { version: v, rows });
    return rows;
  }

  /**
   * Ids of `model` rows whose many2one `field` points at each parent id: how a one2many is read
   * when the parent row does not store it. Cached until the model changes.
   */
  childrenBy(model: string, field: string, parentId: number): number[] {
    const key = `${model}\u0000${field}`;
    const v = this.version(model);
    let entry = this.inverse.get(key);
    if (!entry || entry.version !== v) {
      const index = new Map<number, number[]>();
      for (const row of this.rows(model)) {
        const p = row[field];
        if (typeof p !== 'number') continue;
        const list = index.get(p);
        if (list) list.push(row.id);
        else index.set(p, [row.id]);
      }
      entry = { version: v, index };
      this.inverse.set(key, entry);
    }
    return entry.index.get(parentId) ?? [];
  }

  update(model: string, id: number, patch: Partial<Row>): Row {
    const row = this.get(model, id);
    if (!row) throw new Error(`${model} ${id} does not exist`);
    this.journal?.(model, id, row);
    Object.assign(row, patch, { id });
    this.touch(model);
    this.changed?.({ op: 'put', model, row });
    return row;
  }

  delete(model: string, id: number): boolean {
    const row = this.get(model, id);
    if (row) this.journal?.(model, id, row);
    const done = this.table(model).delete(id);
    if (done) {
      this.touch(model);
      this.changed?.({ op: 'delete', model, id });
    }
    return done;
  }

  count(model: string): number {
    return this.tables.get(model)?.size ?? 0;
  }

  models(): string[] {
    return [...this.tables.keys()];
  }

  /** Registers an external id; also keeps the matching ir.model.data row, as Odoo does. */
  setXmlid(xmlid: string, model: string, resId: number): void {
    const dot = xmlid.indexOf('.');
    if (dot <= 0) throw new Error(`external id ${xmlid} must be module.name`);
    const known = this.xmlids.get(xmlid);
    this.xmlids.set(xmlid, { model, resId });
    const imdId = this.imdRows.get(xmlid);
    const values = { module: xmlid.slice(0, dot), name: xmlid.slice(dot + 1), model, res_id: resId, noupdate: false };
    if (known && imdId !== undefined && this.get('ir.model.data', imdId)) this.update('ir.model.data', imdId, values);
    else this.imdRows.set(xmlid, this.insert('ir.model.data', values));
    this.changed?.({ op: 'xmlid', xmlid, model, resId, imdId: this.imdRows.get(xmlid)! });
  }

  /** The external id of a record, if it has one (first registered wins). */
  xmlidOf(model: string, resId: number): string | undefined {
    for (const [xmlid, r] of this.xmlids) if (r.model === model && r.resId === resId) return xmlid;
    return undefined;
  }

  /** The res_id behind an external id such as `purchase.group_purchase_manager`. */
  ref(xmlid: string): number {
    const r = this.xmlids.get(xmlid);
    if (!r) throw new Error(`unknown external id ${xmlid}`);
    return r.resId;
  }

  xmlidEntries(): Array<[string, { model: string; resId: number }]> {
    return [...this.xmlids.entries()];
  }
}
