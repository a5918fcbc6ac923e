import type { OdooEnv } from '../orm/env.ts';

/** A stored number, or 0 for false/missing (Odoo's float fields read back 0.0 when empty). */
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The id behind an external id, or false when this database does not have it. */
export function ref(env: OdooEnv, xmlid: string): number | false {
  try {
    return env.store.ref(xmlid);
  } catch {
    return false;
  }
}
