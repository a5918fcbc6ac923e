import type { Row, StoredValue } from '../store.ts';
import type { FieldDef } from '../schema/model-schema.ts';
import { isStruct, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { PythonError, UserError, frame, invalidField } from '../odoo-errors.ts';
import { checkAccess, recordRule, ruleError } from './access.ts';
import { compileDomain } from './domain.ts';
import { displayName } from './display-name.ts';
import { modelSchema, odooDatetime, type OdooEnv } from './env.ts';
import { fieldValue } from './field-value.ts';
import { sortRows } from './order.ts';
import { emptyValue, fromRpc, toRpc } from './values.ts';

/**
 * The generic ORM over the store: search, read, create, write, unlink with Odoo's semantics
 * (access rights, record rules, active_test, x2many commands, write_date on every write), plus
 * the model hooks of env.behaviours. Business code calls these too, usually under sudo().
 */
export interface SearchOptions {
  offset?: number;
  limit?: number | false;
  order?: string | false;
  /** Leave the rows in store order (grouped reads sort groups, not rows). */
  unordered?: boolean;
}

const MAGIC = new Set(['id', 'create_date', 'create_uid', 'write_date', 'write_uid', 'display_name']);

export function searchRows(env: OdooEnv, model: string, domain: RpcValue, opts: SearchOptions = {}): Row[] {
  const schema = modelSchema(env, model);
  checkAccess(env, model, 'read');
  const match = compileDomain(env, model, domain);
  const rule = recordRule(env, model);
  const activeField = schema.fields.get('active');
  const activeTest =
    activeField !== undefined && env.context.active_test !== false && !JSON.stringify(domain ?? []).includes('"active"');
  const out: Row[] = [];
  for (const row of env.store.rows(model)) {
    if (activeTest && row.active === false) continue;
    if (rule && !rule(row)) continue;
    if (match(row)) out.push(row);
  }
  if (opts.unordered) return out;
  const order = opts.order || env.behaviours.get(model)?.order || 'id';
  const sorted = sortRows(env, model, out, order);
  const offset = opts.offset ?? 0;
  const limit = typeof opts.limit === 'number' && opts.limit > 0 ? opts.limit : undefined;
  return offset || limit !== undefined ? sorted.slice(offset, limit !== undefined ? offset + limit : undefined) : sorted;
}

export function search(env: OdooEnv, model: string, domain: RpcValue, opts: SearchOptions = {}): number[] {
  return searchRows(env, model, domain, opts).map((r) => r.id);
}

/** The fields `read` returns when none are asked: stored fields, plus what the row holds. */
function defaultFields(env: OdooEnv, model: string, row?: Row): string[] {
  const schema = modelSchema(env, model);
  const out: string[] = [];
  for (const f of schema.fields.values()) {
    if (f.name === 'id') continue;
    if (f.store || (row && row[f.name] !== undefined) || f.name === 'display_name') out.push(f.name);
  }
  return out;
}

export function checkFieldNames(env: OdooEnv, model: string, names: string[], method: string): FieldDef[] {
  const schema = modelSchema(env, model);
  return names.map((n) => {
    const f = schema.fields.get(n);
    if (!f) throw invalidField(model, n, method);
    return f;
  });
}

export function readRows(env: OdooEnv, model: string, rows: Row[], fields?: string[]): RpcStruct[] {
  const names = fields && fields.length > 0 ? fields.filter((f) => f !== 'id') : defaultFields(env, model, rows[0]);
  const defs = checkFieldNames(env, model, names, 'read');
  const store = env.store;
  const nameCache = new Map<string, string>();
  const nameOf = (m: string, id: number): string => {
    const key = `${m}|${id}`;
    let n = nameCache.get(key);
    if (n === undefined) {
      const target = store.get(m, id);
      n = target ? displayName(store, m, target) : `${m},${id}`;
      nameCache.set(key, n);
    }
    return n;
  };
  return rows.map((row) => {
    const rec: RpcStruct = { id: row.id };
    for (const f of defs) {
      if (f.name === 'password' || f.name === 'new_password') {
        rec[f.name] = false;
        continue;
      }
      rec[f.name] = toRpc(f, fieldValue(store, model, row, f), nameOf);
    }
    return rec;
  });
}

/** read(ids, fields): missing ids are skipped (Odoo answers [] for a deleted record). */
export function read(env: OdooEnv, model: string, ids: number[], fields?: string[]): RpcStruct[] {
  checkAccess(env, model, 'read');
  const rows = ids.map((id) => env.store.get(model, id)).filter((r): r is Row => r !== undefined);
  const rule = recordRule(env, model);
  if (rule) {
    const denied = rows.filter((r) => !rule(r)).map((r) => r.id);
    if (denied.length) throw ruleError(env, model, 'read', denied);
  }
  return readRows(env, model, rows, fields);
}

// ---- writes ---------------------------------------------------------------------------------

/** parent one2many fields backed by each (childModel, many2one) pair, for keeping stored arrays. */
type ParentLink = { field: string; parentModel: string; o2m: string };
const parentLinkCache = new WeakMap<object, Map<string, ParentLink[]>>();

function parentArrays(env: OdooEnv, childModel: string): ParentLink[] {
  let byChild = parentLinkCache.get(env.schema);
  if (!byChild) {
    byChild = new Map();
    for (const schema of env.schema.values()) {
      for (const f of schema.fields.values()) {
        if (f.type !== 'one2many' || !f.relation || !f.inverse) continue;
        const list = byChild.get(f.relation) ?? [];
        list.push({ field: f.inverse, parentModel: schema.name, o2m: f.name });
        byChild.set(f.relation, list);
      }
    }
    parentLinkCache.set(env.schema, byChild);
  }
  return byChild.get(childModel) ?? [];
}

function relinkParents(env: OdooEnv, model: string, id: number, before: Row | undefined, after: Row | undefined): void {
  for (const { field, parentModel, o2m } of parentArrays(env, model)) {
    const oldP = before?.[field];
    const newP = after?.[field];
    if (oldP === newP) continue;
    if (typeof oldP === 'number') {
      const p = env.store.get(parentModel, oldP);
      const arr = p?.[o2m];
      if (p && Array.isArray(arr)) env.store.update(parentModel, oldP, { [o2m]: arr.filter((x) => x !== id) });
    }
    if (typeof newP === 'number') {
      const p = env.store.get(parentModel, newP);
      const arr = p?.[o2m];
      if (p && Array.isArray(arr) && !arr.includes(id)) env.store.update(parentModel, newP, { [o2m]: [...arr, id] });
    }
  }
}

type X2ManyOp = { field: FieldDef; commands: RpcValue[] };

/** Splits vals into stored scalar values and x2many commands; checks field names. */
function convertVals(env: OdooEnv, model: string, vals: RpcStruct, method: string): { scalars: Record<string, StoredValue>; x2many: X2ManyOp[] } {
  const schema = modelSchema(env, model);
  const scalars: Record<string, StoredValue> = {};
  const x2many: X2ManyOp[] = [];
  for (const [name, value] of Object.entries(vals)) {
    const f = schema.fields.get(name);
    if (!f) throw invalidField(model, name, method);
    if (name === 'id' || name === 'display_name') continue;
    if (f.type === 'one2many' || f.type === 'many2many') {
      x2many.push({ field: f, commands: normalizeCommands(value) });
    } else scalars[name] = fromRpc(model, f, value);
  }
  return { scalars, x2many };
}

/** A plain list of ids means (6, 0, ids), as Odoo 17/18 accept for many2many. */
function normalizeCommands(value: RpcValue): RpcValue[] {
  if (value === false || value === null) return [[5]];
  if (!Array.isArray(value)) return [];
  if (value.every((v) => typeof v === 'number')) return [[6, 0, value]];
  return value;
}

function badCommand(cmd: RpcValue): PythonError {
  return new PythonError('ValueError', `Invalid command ${JSON.stringify(cmd)}`, [
    frame('/opt/odoo/odoo/fields.py', 4653, 'write_batch', 'raise ValueError("Invalid command %r" % command)'),
  ]);
}

function applyX2Many(env: OdooEnv, model: string, id: number, op: X2ManyOp): void {
  const { field, commands } = op;
  const comodel = field.relation ?? '';
  const o2m = field.type === 'one2many' && field.inverse;
  const row = env.store.get(model, id);
  let current: number[] = o2m
    ? (fieldValue(env.store, model, row ?? { id }, field) as number[])
    : Array.isArray(row?.[field.name]) ? [...(row?.[field.name] as number[])] : [];
  const setInverse = (childId: number, parent: number | false): void => {
    if (o2m) write(env, comodel, [childId], { [o2m]: parent });
  };
  for (const cmd of commands) {
    if (!Array.isArray(cmd) || typeof cmd[0] !== 'number') throw badCommand(cmd);
    const [code, target, payload] = cmd as [number, number, RpcValue];
    switch (code) {
      case 0: {
        const vals = isStruct(payload) ? { ...payload } : {};
        if (o2m) vals[o2m] = id;
        const [newId] = create(env, comodel, [vals]);
        if (newId !== undefined) current.push(newId);
        break;
      }
      case 1:
        if (isStruct(payload)) write(env, comodel, [target], payload);
        break;
      case 2:
        unlink(env, comodel, [target]);
        current = current.filter((x) => x !== target);
        break;
      case 3:
        if (o2m) setInverse(target, false);
        current = current.filter((x) => x !== target);
        break;
      case 4:
        if (o2m) setInverse(target, id);
        if (!current.includes(target)) current.push(target);
        break;
      case 5:
        if (o2m) for (const c of current) setInverse(c, false);
        current = [];
        break;
      case 6: {
        const ids = Array.isArray(payload) ? payload.filter((x): x is number => typeof x === 'number') : [];
        if (o2m) {
          for (const c of current) if (!ids.includes(c)) setInverse(c, false);
          for (const c of ids) setInverse(c, id);
        }
        current = [...new Set(ids)];
        break;
      }
      default:
        throw badCommand(cmd);
    }
  }
  const fresh = env.store.get(model, id);
  if (!o2m || Array.isArray(fresh?.[field.name])) env.store.update(model, id, { [field.name]: current });
}

function now(env: OdooEnv): string {
  return odooDatetime(env.now(), true);
}

/** create(vals_list): returns the new ids, in order. */
export function create(env: OdooEnv, model: string, valsList: RpcStruct[]): number[] {
  const schema = modelSchema(env, model);
  checkAccess(env, model, 'create');
  const behaviour = env.behaviours.get(model);
  const ids: number[] = [];
  for (const vals of valsList) {
    const { scalars, x2many } = convertVals(env, model, vals, 'create');
    const row: Omit<Row, 'id'> = {};
    if (schema.fields.has('active') && scalars.active === undefined) row.active = true;
    Object.assign(row, scalars);
    for (const { field } of x2many) if (field.type === 'many2many') row[field.name] = [];
    const stamp = now(env);
    row.create_date = stamp;
    row.write_date = stamp;
    row.create_uid = env.uid;
    row.write_uid = env.uid;
    behaviour?.defaults?.(env, row);
    for (const f of schema.fields.values()) {
      if (row[f.name] === undefined && f.store && !MAGIC.has(f.name) && f.type !== 'one2many' && f.type !== 'many2many' && !schema.recorded) {
        row[f.name] = emptyValue(f);
      }
    }
    const id = env.store.insert(model, row);
    relinkParents(env, model, id, undefined, env.store.get(model, id));
    for (const op of x2many) applyX2Many(env, model, id, op);
    behaviour?.afterCreate?.(env, id);
    env.events.push({ model, id, kind: 'create' });
    ids.push(id);
  }
  return ids;
}

/** write(ids, vals): every write bumps write_date/write_uid, as Odoo does. */
export function write(env: OdooEnv, model: string, ids: number[], vals: RpcStruct): true {
  modelSchema(env, model);
  checkAccess(env, model, 'write');
  const { scalars, x2many } = convertVals(env, model, vals, 'write');
  const rule = recordRule(env, model);
  const rows = ids.map((id) => env.store.get(model, id));
  const missing = ids.filter((_, i) => rows[i] === undefined);
  if (missing.length) {
    // MissingError is a UserError: fault 2 with the bare message.
    throw new UserError(`Record does not exist or has been deleted.\n(Record: ${model}(${missing.join(', ')},), User: ${env.uid})`);
  }
  if (rule) {
    const denied = rows.filter((r): r is Row => r !== undefined && !rule(r)).map((r) => r.id);
    if (denied.length) throw ruleError(env, model, 'write', denied);
  }
  const behaviour = env.behaviours.get(model);
  behaviour?.beforeWrite?.(env, ids, vals);
  const stamp = now(env);
  for (const id of ids) {
    const before = { ...(env.store.get(model, id) as Row) };
    env.store.update(model, id, { ...scalars, write_date: stamp, write_uid: env.uid });
    relinkParents(env, model, id, before, env.store.get(model, id));
    for (const op of x2many) applyX2Many(env, model, id, op);
    env.events.push({ model, id, kind: 'write', changed: Object.keys(vals) });
  }
  behaviour?.afterWrite?.(env, ids, Object.keys(vals));
  return true;
}

export function unlink(env: OdooEnv, model: string, ids: number[]): true {
  modelSchema(env, model);
  checkAccess(env, model, 'unlink');
  const behaviour = env.behaviours.get(model);
  behaviour?.beforeUnlink?.(env, ids);
  const removed: Row[] = [];
  for (const id of ids) {
    const row = env.store.get(model, id);
    if (!row) continue;
    relinkParents(env, model, id, row, undefined);
    env.store.delete(model, id);
    removed.push(row);
  }
  behaviour?.afterUnlink?.(env, removed);
  return true;
}

/** The stored value of one field (business code). */
export function get(env: OdooEnv, model: string, id: number, field: string): StoredValue {
  const row = env.store.get(model, id);
  const def = env.schema.get(model)?.fields.get(field);
  if (!row || !def) return null;
  return fieldValue(env.store, model, row, def);
}
