import type { StoredValue } from '../store.ts';
import type { FieldDef } from '../schema/model-schema.ts';
import { PyFloat, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { PythonError, frame } from '../odoo-errors.ts';
import { pythonRepr } from './python-literal.ts';

/**
 * Conversions between stored row values and what XML-RPC carries, per field type, as Odoo's
 * convert_to_read / convert_to_cache do: empty is `false`, floats are doubles, datetimes are
 * second-precision strings (rows may keep microseconds for write_date, webhooks send them).
 */
export function toRpc(field: FieldDef, v: StoredValue | undefined, nameOf: (model: string, id: number) => string): RpcValue {
  switch (field.type) {
    case 'many2one': {
      if (typeof v !== 'number' || !field.relation) return false;
      return [v, nameOf(field.relation, v)];
    }
    case 'one2many':
    case 'many2many':
      return Array.isArray(v) ? [...v] : [];
    case 'float':
    case 'monetary':
      return new PyFloat(typeof v === 'number' ? v : 0);
    case 'integer':
    case 'many2one_reference':
      return typeof v === 'number' ? v : 0;
    case 'boolean':
      return v === true;
    case 'datetime':
      return typeof v === 'string' && v ? v.slice(0, 19) : false;
    case 'date':
      return typeof v === 'string' && v ? v.slice(0, 10) : false;
    case 'binary':
      return false;
    default:
      if (v === null || v === undefined || v === false) return false;
      if (Array.isArray(v)) return [...v];
      return typeof v === 'number' ? v : String(v);
  }
}

function wrongValue(model: string, field: FieldDef, value: RpcValue): PythonError {
  return new PythonError('ValueError', `Wrong value for ${model}.${field.name}: ${pythonRepr(value)}`, [
    frame('/opt/odoo/odoo/fields.py', 2456, 'convert_to_cache', 'raise ValueError("Wrong value for %s: %r" % (self, value))'),
  ]);
}

function normalizeDatetime(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?/.exec(s);
  if (!m) return s;
  return `${m[1]} ${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
}

/** A scalar or many2one value from a create/write call, in stored shape (x2many: see x2many-commands). */
export function fromRpc(model: string, field: FieldDef, value: RpcValue): StoredValue {
  if (value === null || value === false) {
    return field.type === 'boolean' ? false : field.type === 'float' || field.type === 'monetary' || field.type === 'integer' ? 0 : false;
  }
  switch (field.type) {
    case 'many2one':
      if (typeof value === 'number') return value;
      if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
      throw wrongValue(model, field, value);
    case 'integer':
    case 'many2one_reference':
      if (typeof value === 'number') return Math.trunc(value);
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
      throw wrongValue(model, field, value);
    case 'float':
    case 'monetary': {
      const n = typeof value === 'object' && value !== null && 'value' in value ? Number(value.value) : Number(value);
      if (Number.isNaN(n)) throw wrongValue(model, field, value);
      return n;
    }
    case 'boolean':
      return Boolean(value);
    case 'datetime':
      return typeof value === 'string' ? normalizeDatetime(value) : false;
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : false;
    case 'selection':
      if (field.selection && field.selection.length > 0 && !field.selection.some(([k]) => k === value)) {
        throw wrongValue(model, field, value);
      }
      return String(value);
    case 'char':
    case 'text':
    case 'html':
      return typeof value === 'string' ? value : String(value);
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
}

/** The empty stored value Odoo gives a field nobody set. */
export function emptyValue(field: FieldDef): StoredValue {
  switch (field.type) {
    case 'float':
    case 'monetary':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'many2many':
      return [];
    default:
      return false;
  }
}
