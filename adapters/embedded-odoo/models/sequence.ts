import type { OdooStore } from '../store.ts';

/**
 * Odoo's ir.sequence, derived from the data: the next number after the highest existing name
 * with the prefix (P00042 -> P00043), so rows the dataset generator inserts never collide with
 * records created over RPC. Cached per model version: one scan per change, not per call.
 */
const cache = new WeakMap<OdooStore, Map<string, { version: number; next: number }>>();

export function nextSequence(store: OdooStore, model: string, field: string, prefix: string, padding: number): string {
  let byKey = cache.get(store);
  if (!byKey) {
    byKey = new Map();
    cache.set(store, byKey);
  }
  const key = `${model}|${field}|${prefix}`;
  const version = store.version(model);
  let entry = byKey.get(key);
  if (!entry || entry.version !== version) {
    let max = 0;
    for (const row of store.rows(model)) {
      const v = row[field];
      if (typeof v !== 'string' || !v.startsWith(prefix)) continue;
      const n = Number(v.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
    entry = { version, next: max + 1 };
  }
  const n = entry.next;
  // The insert that follows bumps the version; remember the number for callers in between.
  byKey.set(key, { version: store.version(model), next: n + 1 });
  return `${prefix}${String(n).padStart(padding, '0')}`;
}
