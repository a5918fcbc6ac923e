import type { OdooStore, Row } from '../store.ts';

/** A row as it was, detached from the live one (arrays are copied: writers replace, never share). */
function copyOf(row: Row | undefined): Row | undefined {
  if (!row) return undefined;
  const out: Row = { id: row.id };
  for (const [k, v] of Object.entries(row)) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}

/** The images of every row one transaction touched, before or after it. */
export type RowImages = Map<string, { model: string; id: number; row: Row | undefined }>;

/**
 * The undo log of one RPC call: the first image of every row the call changed. With it the
 * embedded Odoo does what PostgreSQL does for real Odoo: roll a failed call back, and keep a
 * call's changes out of other connections' sight until it commits (Odoo 17/18 send automation
 * webhooks inside the transaction, before the commit).
 */
export class RowJournal {
  private readonly before: RowImages = new Map();
  private readonly stop: () => void;

  constructor(private readonly store: OdooStore) {
    this.stop = store.recordChanges((model, id, row) => {
      const key = `${model}#${id}`;
      if (!this.before.has(key)) this.before.set(key, { model, id, row: copyOf(row) });
    });
  }

  /** Stops recording (the call returned or threw). */
  close(): void {
    this.stop();
  }

  /** True when the call changed nothing (a read, or a call that failed before writing). */
  get empty(): boolean {
    return this.before.size === 0;
  }

  /** Puts every touched row back as it was before the call. */
  rollback(): void {
    for (const { model, id, row } of this.before.values()) this.store.restore(model, id, copyOf(row));
  }

  /** Takes the call's changes out of sight (rows as before it) and returns them, for `show`. */
  hide(): RowImages {
    const after: RowImages = new Map();
    for (const [key, { model, id }] of this.before) after.set(key, { model, id, row: this.store.get(model, id) });
    this.rollback();
    return after;
  }

  /** Commits what `hide` took out of sight. */
  show(after: RowImages): void {
    for (const { model, id, row } of after.values()) this.store.restore(model, id, row);
  }
}
