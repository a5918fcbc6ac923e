import type { OdooStore, Row } from '../store.ts';
import type { FieldDef, ModelSchema } from '../schema/model-schema.ts';
import type { OdooMajor } from '../../xmlrpc/write-xmlrpc.ts';
import type { RpcStruct } from '../../xmlrpc/rpc-value.ts';
import { UserError } from '../odoo-errors.ts';
import type { BehaviourRegistry } from './behaviour.ts';

/** Something that happened to a record during a call, for automation rules (run after it). */
export interface RecordEvent {
  model: string;
  id: number;
  kind: 'create' | 'write';
  /** The fields a write changed (all of them for a create); rules with trigger fields look at it. */
  changed?: string[];
}

/** What one execute_kw call runs with: the database, the user, the clock, pending events. */
export interface OdooEnv {
  readonly store: OdooStore;
  readonly version: OdooMajor;
  readonly schema: Map<string, ModelSchema>;
  readonly uid: number;
  readonly context: RpcStruct;
  /** Superuser mode (Odoo's sudo()): access rights and record rules are skipped. */
  readonly su: boolean;
  now(): Date;
  /** Every create/write of the call, in order; automation rules read them after the call. */
  readonly events: RecordEvent[];
  readonly behaviours: BehaviourRegistry;
}

export function sudo(env: OdooEnv): OdooEnv {
  return env.su ? env : { ...env, su: true };
}

export function withUser(env: OdooEnv, uid: number): OdooEnv {
  return { ...env, uid };
}

export function modelSchema(env: OdooEnv, model: string): ModelSchema {
  const s = env.schema.get(model);
  if (!s) throw new UserError(`Object ${model} doesn't exist`);
  return s;
}

export function fieldDef(env: OdooEnv, model: string, field: string): FieldDef | undefined {
  return env.schema.get(model)?.fields.get(field);
}

/** Odoo's datetime string ('YYYY-MM-DD HH:MM:SS', UTC), with microseconds when asked. */
export function odooDatetime(d: Date, micro = false): string {
  const iso = d.toISOString(); // 2026-11-26T22:17:21.480Z
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  if (!micro) return base;
  // JS clocks stop at milliseconds; pad like a Postgres timestamp with microseconds.
  return `${base}.${iso.slice(20, 23)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}

export function odooDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The row, or a UserError like Odoo's MissingError (also fault 2). */
export function mustGet(env: OdooEnv, model: string, id: number): Row {
  const row = env.store.get(model, id);
  if (!row) throw new UserError(`Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: ${env.uid})`);
  return row;
}
