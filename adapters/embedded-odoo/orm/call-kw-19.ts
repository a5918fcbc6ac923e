import { isStruct, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { PythonError, UserError, frame } from '../odoo-errors.ts';
import type { FieldDef, ModelSchema } from '../schema/model-schema.ts';
import { callKw } from './call-kw.ts';
import type { OdooEnv } from './env.ts';

/**
 * Odoo 19.0 in front of the embedded Odoo's 17/18-shaped store and models: the names and states
 * real 19.0 answers (fields-19.json, from its recorded fields_get), translated at the call
 * boundary so the business methods stay one implementation. Seen on 19.0 (test/fixtures/odoo/19):
 * - renamed fields: res.users `group_ids`/`all_group_ids` (18 `groups_id`, which the store keeps
 *   closed under implied groups: both read it), purchase.order.line `product_uom_id`, `tax_ids`,
 *   purchase.order `note`, ir.actions.server `group_ids`; 18-only fields are invalid fields;
 *   the store's `mail_reception_confirmed` stands for 19's vendor acknowledgement `acknowledged`;
 * - purchase.order has no `done` state: a locked order is `purchase` with `locked` true (the store
 *   keeps 18's `done`); `button_cancel` on it is a UserError; `button_lock`/`button_unlock` answer None;
 * - `message_post` answers `[id]`; a draft bill's `name` and `ref` are false (18: '/' and '');
 * - an invalid field is `ValueError: Invalid field 'x' in 'model'` (18: `on model`).
 * Fields new in 19 the store has no counterpart for read as empty (false / []).
 */
const RENAMED: Record<string, Record<string, string>> = {
  'res.users': { group_ids: 'groups_id', all_group_ids: 'groups_id' },
  'ir.actions.server': { group_ids: 'groups_id' },
  'purchase.order': { note: 'notes', acknowledged: 'mail_reception_confirmed' },
  'purchase.order.line': { product_uom_id: 'product_uom', tax_ids: 'taxes_id' },
  'product.product': { property_price_difference_account_id: 'property_account_creditor_price_difference' },
};

export class Odoo19 {
  constructor(
    /** fields_get of real 19.0 (fields-19.json) plus the models the recordings do not cover. */
    private readonly publicSchema: Map<string, ModelSchema>,
  ) {}

  call(env: OdooEnv, model: string, method: string, args: RpcValue[], kwargs: RpcStruct): RpcValue {
    const pub = this.publicSchema.get(model);
    if (!pub || !pub.recorded) return this.after(env, model, method, callKw(env, model, method, args, kwargs));
    const a = [...args];
    const kw: RpcStruct = { ...kwargs };
    switch (method) {
      case 'fields_get':
        return callKw({ ...env, schema: this.publicSchema }, model, method, args, kwargs);
      case 'read':
        return this.readResult(model, callKw(env, model, method, [a[0] ?? [], this.fieldsArg(env, model, a[1] ?? kw.fields)], omit(kw, 'fields')), a[1] ?? kw.fields);
      case 'search_read': {
        const fields = a[1] ?? kw.fields;
        const domain = this.domain(env, model, a[0] ?? kw.domain ?? []);
        const order = this.order(model, a[4] ?? kw.order);
        const internal = callKw(env, model, method, [domain, this.fieldsArg(env, model, fields), a[2] ?? kw.offset ?? 0, a[3] ?? kw.limit ?? false, order ?? false], omit(kw, 'domain', 'fields', 'offset', 'limit', 'order'));
        return this.readResult(model, internal, fields);
      }
      case 'search':
      case 'search_count': {
        const domain = this.domain(env, model, a[0] ?? kw.domain ?? []);
        const rest = omit(kw, 'domain', 'order');
        if (method === 'search' && (a[3] ?? kw.order) !== undefined) rest.order = this.order(model, a[3] ?? kw.order) ?? false;
        return callKw(env, model, method, [domain, ...a.slice(1, method === 'search' ? 3 : 2)], rest);
      }
      case 'read_group':
      case 'formatted_read_group':
        return this.grouped(env, model, method, a, kw);
      case 'write': {
        const vals = a[1] ?? kw.vals;
        return callKw(env, model, method, [a[0] ?? kw.ids ?? [], this.vals(env, model, vals, 'write')], omit(kw, 'vals', 'ids'));
      }
      case 'create': {
        const v = a[0] ?? kw.vals_list;
        const list = Array.isArray(v) ? v.map((x) => this.vals(env, model, x, 'create')) : this.vals(env, model, v, 'create');
        return callKw(env, model, method, [list], omit(kw, 'vals_list'));
      }
      default: {
        if (model === 'purchase.order') this.purchaseMethod(env, method, a[0] ?? kw.ids);
        // 19.0 names 18's button_done (lock) button_lock
        const internalMethod = model === 'purchase.order' && method === 'button_lock' ? 'button_done' : method;
        return this.after(env, model, method, callKw(env, model, internalMethod, args, kwargs));
      }
    }
  }

  /**
   * read_group / formatted_read_group in 19.0's names: the domain and the field of every groupby
   * and aggregate spec translated to the store's, the answer's keys translated back.
   */
  private grouped(env: OdooEnv, model: string, method: string, a: RpcValue[], kw: RpcStruct): RpcValue {
    const specArgs = method === 'read_group' ? ['fields', 'groupby'] : ['groupby', 'aggregates'];
    const positions = method === 'read_group' ? [1, 2] : [1, 2];
    const back = new Map<string, string>();
    const translate = (v: RpcValue | undefined): RpcValue | undefined => {
      const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined;
      if (!list) return v;
      return list.map((spec) => {
        if (typeof spec !== 'string' || spec === '__count') return spec;
        const [field = '', ...rest] = spec.split(':');
        this.check(model, field);
        const internal = [RENAMED[model]?.[field] ?? field, ...rest].join(':');
        back.set(internal, spec);
        back.set(RENAMED[model]?.[field] ?? field, field);
        return internal;
      });
    };
    const args = [...a];
    const kwargs: RpcStruct = { ...kw };
    if (kwargs.domain !== undefined) kwargs.domain = this.domain(env, model, kwargs.domain);
    else args[0] = this.domain(env, model, args[0] ?? []);
    specArgs.forEach((name, i) => {
      const at = positions[i] ?? 0;
      if (kwargs[name] !== undefined) kwargs[name] = translate(kwargs[name]) ?? [];
      else if (args[at] !== undefined) args[at] = translate(args[at]) ?? [];
    });
    const result = callKw(env, model, method, args, kwargs);
    if (!Array.isArray(result)) return result;
    return result.map((row) => {
      if (!isStruct(row)) return row;
      const out: RpcStruct = {};
      for (const [k, v] of Object.entries(row)) out[back.get(k) ?? k] = v;
      return out;
    });
  }

  /** What 19.0 answers differently for the same business method. */
  private after(env: OdooEnv, model: string, method: string, result: RpcValue): RpcValue {
    if (method === 'message_post' && typeof result === 'number') return [result];
    if (model === 'purchase.order' && (method === 'button_lock' || method === 'button_unlock')) return null;
    void env;
    return result;
  }

  /** 19.0's purchase.order methods: locking is a flag, and a locked order cannot be cancelled. */
  private purchaseMethod(env: OdooEnv, method: string, idsArg: RpcValue | undefined): void {
    const ids = Array.isArray(idsArg) ? idsArg.filter((x): x is number => typeof x === 'number') : typeof idsArg === 'number' ? [idsArg] : [];
    if (method === 'button_cancel') {
      const locked = ids.map((id) => env.store.get('purchase.order', id)).filter((o) => o?.state === 'done');
      if (locked.length > 0) {
        throw new UserError(`Unable to cancel purchase order(s): ${locked.map((o) => String(o?.name)).join(', ')}. You must first unlock them.`);
      }
    }
  }

  private publicField(model: string, name: string): FieldDef | undefined {
    return this.publicSchema.get(model)?.fields.get(name);
  }

  private internalName(env: OdooEnv, model: string, name: string): string | undefined {
    const renamed = RENAMED[model]?.[name];
    if (renamed) return renamed;
    return env.schema.get(model)?.fields.has(name) ? name : undefined;
  }

  private check(model: string, name: string): void {
    if (!this.publicField(model, name)) throw invalidField19(model, name);
  }

  /** A read's field list in the store's names (19-only fields are left out and answered empty). */
  private fieldsArg(env: OdooEnv, model: string, fields: RpcValue | undefined): RpcValue {
    if (!Array.isArray(fields) || fields.length === 0) return fields ?? [];
    const out = new Set<string>();
    for (const f of fields) {
      if (typeof f !== 'string') continue;
      this.check(model, f);
      if (model === 'purchase.order' && f === 'locked') out.add('state');
      const internal = this.internalName(env, model, f);
      if (internal) out.add(internal);
    }
    // state decides `locked` and a draft bill's name
    if (model === 'account.move') out.add('state');
    if (model === 'purchase.order' && out.size === 0) out.add('state');
    return [...out];
  }

  /** Read rows in 19.0's names and states; `asked` the 19 field list (empty: all fields). */
  private readResult(model: string, result: RpcValue, asked: RpcValue | undefined): RpcValue {
    if (!Array.isArray(result)) return result;
    const names = Array.isArray(asked) && asked.length > 0 ? asked.filter((x): x is string => typeof x === 'string') : [...(this.publicSchema.get(model)?.fields.keys() ?? [])];
    return result.map((row) => {
      if (!isStruct(row)) return row;
      const out: RpcStruct = { id: row.id ?? false };
      for (const name of names) {
        if (name === 'id') continue;
        const internal = RENAMED[model]?.[name] ?? name;
        out[name] = internal in row ? (row[internal] ?? false) : emptyOf(this.publicField(model, name));
      }
      if (model === 'purchase.order') {
        const state = row.state;
        if ('locked' in out) out.locked = state === 'done';
        if ('state' in out && state === 'done') out.state = 'purchase';
      }
      if (model === 'account.move' && row.state === 'draft') {
        if (out.name === '/') out.name = false;
        if (out.ref === '') out.ref = false;
      }
      return out;
    });
  }

  /** Values to write in the store's names; 18-only names are invalid fields. */
  private vals(env: OdooEnv, model: string, vals: RpcValue | undefined, _method: string): RpcStruct {
    if (!isStruct(vals)) return {};
    const out: RpcStruct = {};
    for (const [k, v] of Object.entries(vals)) {
      this.check(model, k);
      if (model === 'purchase.order' && k === 'locked') {
        out.state = v === true ? 'done' : 'purchase';
        continue;
      }
      const internal = this.internalName(env, model, k);
      if (internal) out[internal] = v;
    }
    return out;
  }

  private order(model: string, order: RpcValue | undefined): string | undefined {
    if (typeof order !== 'string' || !order) return undefined;
    return order
      .split(',')
      .map((part) => {
        const [f = '', ...rest] = part.trim().split(/\s+/);
        this.check(model, f);
        return [RENAMED[model]?.[f] ?? f, ...rest].join(' ');
      })
      .join(', ');
  }

  /** A 19.0 domain as the store's: renamed paths, `locked` and `purchase` as 18's states. */
  private domain(env: OdooEnv, model: string, domain: RpcValue): RpcValue {
    if (!Array.isArray(domain)) return domain;
    const out: RpcValue[] = [];
    for (const term of domain) {
      if (!Array.isArray(term) || term.length !== 3 || typeof term[0] !== 'string') {
        out.push(term);
        continue;
      }
      const [path, op, value] = term as [string, RpcValue, RpcValue];
      let current: string | undefined = model;
      const segments = path.split('.');
      const mapped: string[] = [];
      segments.forEach((seg, i) => {
        if (current === undefined || !this.publicSchema.get(current)?.recorded) {
          mapped.push(seg);
          current = undefined;
          return;
        }
        this.check(current, seg);
        mapped.push(RENAMED[current]?.[seg] ?? seg);
        if (i < segments.length - 1) current = this.publicField(current, seg)?.relation;
      });
      const last = segments[segments.length - 1];
      const internalPath = mapped.join('.');
      if (current === 'purchase.order' && last === 'locked') {
        const prefix = internalPath.slice(0, internalPath.length - 'locked'.length);
        const lockedWanted = (op === '=' && value === true) || (op === '!=' && value === false);
        out.push([`${prefix}state`, lockedWanted ? '=' : '!=', 'done']);
      } else if (current === 'purchase.order' && last === 'state') {
        out.push(withDone(internalPath, op, value));
      } else {
        out.push([internalPath, op, value]);
      }
      void env;
    }
    return out;
  }
}

/** 19's `purchase` is 18's `purchase` or `done` (locked): widen conditions naming it. */
function withDone(path: string, op: RpcValue, value: RpcValue): RpcValue[] {
  if ((op === 'in' || op === 'not in') && Array.isArray(value) && value.includes('purchase')) return [path, op, [...value, 'done']];
  if (op === '=' && value === 'purchase') return [path, 'in', ['purchase', 'done']];
  if (op === '!=' && value === 'purchase') return [path, 'not in', ['purchase', 'done']];
  return [path, op, value];
}

function emptyOf(f: FieldDef | undefined): RpcValue {
  if (!f) return false;
  if (f.type === 'one2many' || f.type === 'many2many') return [];
  return false;
}

function omit(kw: RpcStruct, ...keys: string[]): RpcStruct {
  const out: RpcStruct = {};
  for (const [k, v] of Object.entries(kw)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** 19.0's invalid-field error (orm/models.py): `Invalid field 'x' in 'model'`. */
export function invalidField19(model: string, field: string): PythonError {
  return new PythonError('ValueError', `Invalid field '${field}' in '${model}'`, [
    frame('/opt/odoo/odoo/orm/models.py', 4383, 'write', 'raise ValueError(f"Invalid field {field_name!r} in {self._name!r}") from e'),
  ]);
}
