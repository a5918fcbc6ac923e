import { isStruct, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { AccessError, PythonError, frame } from '../odoo-errors.ts';
import { checkAccess } from './access.ts';
import { modelSchema, type OdooEnv } from './env.ts';
import { create, read, readRows, search, searchRows, unlink, write } from './records.ts';
import { displayName } from './display-name.ts';
import { formattedReadGroup, readGroup } from './read-group.ts';

/**
 * odoo.api.call_kw for the embedded Odoo: the generic ORM methods every model has, then the
 * model's business methods. Positional and keyword arguments as in Odoo 17/18 signatures.
 */
function arg(args: RpcValue[], kwargs: RpcStruct, index: number, name: string): RpcValue | undefined {
  return kwargs[name] !== undefined ? kwargs[name] : args[index];
}

function ids(v: RpcValue | undefined): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.filter((x): x is number => typeof x === 'number');
  return [];
}

function fieldList(v: RpcValue | undefined): string[] | undefined {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function num(v: RpcValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function str(v: RpcValue | undefined): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function fieldsGet(env: OdooEnv, model: string, args: RpcValue[], kwargs: RpcStruct): RpcStruct {
  const schema = modelSchema(env, model);
  checkAccess(env, model, 'read');
  const all = fieldList(arg(args, kwargs, 0, 'allfields'));
  const attrs = fieldList(arg(args, kwargs, 1, 'attributes'));
  const out: RpcStruct = {};
  for (const f of schema.fields.values()) {
    if (all && all.length && !all.includes(f.name)) continue;
    const full: RpcStruct = { type: f.type, string: f.string, required: f.required, readonly: f.readonly, store: f.store };
    if (f.relation) full.relation = f.relation;
    if (f.selection) full.selection = f.selection.map(([k, l]) => [k, l]);
    if (f.type === 'one2many' && f.inverse) full.relation_field = f.inverse;
    if (!attrs || attrs.length === 0) out[f.name] = full;
    else {
      const picked: RpcStruct = {};
      for (const a of attrs) if (full[a] !== undefined) picked[a] = full[a] ?? false;
      out[f.name] = picked;
    }
  }
  return out;
}

/** The AttributeError Odoo raises for an unknown public method (odoo/api.py call_kw). */
function noSuchMethod(env: OdooEnv, model: string, method: string): PythonError {
  return new PythonError('AttributeError', `The method '${method}' does not exist on the model '${model}'`, [
    frame('/opt/odoo/odoo/api.py', env.version === 17 ? 466 : 515, 'call_kw', `raise AttributeError(f"The method '{name}' does not exist on the model '{model._name}'")`),
  ]);
}

export function callKw(env: OdooEnv, model: string, method: string, args: RpcValue[], kwargs: RpcStruct): RpcValue {
  modelSchema(env, model);
  if (method.startsWith('_')) {
    // odoo/service/model.py check_method_name
    throw new AccessError(`Private methods (such as ${method}) cannot be called remotely.`);
  }
  switch (method) {
    case 'search': {
      const offset = num(arg(args, kwargs, 1, 'offset')) ?? 0;
      const limit = num(arg(args, kwargs, 2, 'limit'));
      const order = str(arg(args, kwargs, 3, 'order'));
      if (kwargs.count === true) return search(env, model, arg(args, kwargs, 0, 'domain') ?? []).length;
      return search(env, model, arg(args, kwargs, 0, 'domain') ?? [], { offset, limit, order });
    }
    case 'search_count': {
      const n = search(env, model, arg(args, kwargs, 0, 'domain') ?? []).length;
      const limit = num(arg(args, kwargs, 1, 'limit'));
      return limit !== undefined ? Math.min(n, limit) : n;
    }
    case 'search_read': {
      const rows = searchRows(env, model, arg(args, kwargs, 0, 'domain') ?? [], {
        offset: num(arg(args, kwargs, 2, 'offset')) ?? 0,
        limit: num(arg(args, kwargs, 3, 'limit')),
        order: str(arg(args, kwargs, 4, 'order')),
      });
      return readRows(env, model, rows, fieldList(arg(args, kwargs, 1, 'fields')));
    }
    case 'read':
      return read(env, model, ids(args[0]), fieldList(arg(args, kwargs, 1, 'fields')));
    case 'create': {
      const v = arg(args, kwargs, 0, 'vals_list');
      if (Array.isArray(v)) return create(env, model, v.filter(isStruct));
      const [id] = create(env, model, [isStruct(v) ? v : {}]);
      return id ?? false;
    }
    case 'write': {
      const vals = arg(args, kwargs, 1, 'vals');
      return write(env, model, ids(args[0]), isStruct(vals) ? vals : {});
    }
    case 'unlink':
      return unlink(env, model, ids(args[0]));
    case 'fields_get':
      return fieldsGet(env, model, args, kwargs);
    case 'exists':
      return ids(args[0]).filter((id) => env.store.get(model, id) !== undefined);
    case 'name_search': {
      const name = str(arg(args, kwargs, 0, 'name')) ?? '';
      const domain = arg(args, kwargs, 1, 'domain') ?? arg(args, kwargs, 1, 'args') ?? [];
      const operator = str(arg(args, kwargs, 2, 'operator')) ?? 'ilike';
      const limit = num(arg(args, kwargs, 3, 'limit')) ?? 100;
      const rows = searchRows(env, model, domain, {});
      const out: RpcValue[] = [];
      const needle = name.toLowerCase();
      for (const row of rows) {
        const dn = displayName(env.store, model, row);
        const hit = !name || (operator === '=' ? dn === name : operator === 'ilike' ? dn.toLowerCase().includes(needle) : dn.includes(name));
        if (hit) out.push([row.id, dn]);
        if (out.length >= limit) break;
      }
      return out;
    }
    case 'read_group':
      // 17 and 18; 19 keeps it, deprecated (a DeprecationWarning in its log), with the same answer
      return readGroup(env, model, args, kwargs);
    case 'formatted_read_group':
      // 19's successor (addons/web); 17 and 18 have no such method
      if (env.version !== 19) throw noSuchMethod(env, model, method);
      return formattedReadGroup(env, model, args, kwargs);
    case 'check_access_rights': {
      const op = str(arg(args, kwargs, 0, 'operation')) ?? 'read';
      try {
        checkAccess(env, model, op as 'read');
        return true;
      } catch (e) {
        if (arg(args, kwargs, 1, 'raise_exception') === false) return false;
        throw e;
      }
    }
    default:
      break;
  }
  const behaviour = env.behaviours.get(model);
  const recordMethod = behaviour?.methods?.[method];
  if (recordMethod) return recordMethod(env, ids(args[0]), args.slice(1), kwargs);
  const modelMethod = behaviour?.modelMethods?.[method];
  if (modelMethod) return modelMethod(env, args, kwargs);
  throw noSuchMethod(env, model, method);
}
