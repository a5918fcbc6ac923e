import type { Row, StoredValue } from '../store.ts';
import type { FieldDef } from '../schema/model-schema.ts';
import type { RpcValue } from '../../xmlrpc/rpc-value.ts';
import { PythonError, frame } from '../odoo-errors.ts';
import { displayName } from './display-name.ts';
import type { OdooEnv } from './env.ts';
import { fieldValue } from './field-value.ts';
import { pythonRepr, pythonTupleRepr } from './python-literal.ts';

/**
 * Odoo domains (prefix notation, implicit '&' between terms) compiled once into a predicate
 * over stored rows, so a search over 50,000 purchase orders is one linear pass.
 *
 * Operators: = != < <= > >= in, not in, like, ilike, not like, not ilike, =like, =ilike,
 * child_of, parent_of. Paths: 'field' or 'm2o_field.field' (one level). SQL NULL semantics as
 * Odoo renders them: `('x', '!=', v)` and the negative operators also match empty values;
 * `('x', '=', False)` matches empty values (and empty x2many).
 */
export type RowPredicate = (row: Row) => boolean;

const OPERATORS = new Set([
  '=', '!=', '<>', '<', '<=', '>', '>=', 'in', 'not in', 'like', 'ilike', 'not like', 'not ilike',
  '=like', '=ilike', 'child_of', 'parent_of', '=?',
]);

function invalidDomain(env: OdooEnv, message: string): PythonError {
  return new PythonError('ValueError', message, [
    frame('/opt/odoo/odoo/osv/expression.py', env.version === 17 ? 823 : 742, 'parse', 'raise ValueError(msg)'),
  ]);
}

export function invalidLeafField(env: OdooEnv, model: string, field: string, leaf: RpcValue[]): PythonError {
  // Odoo 17 (osv/expression.py) names the leaf; 18 (models.py _condition_to_sql) the model.
  const message =
    env.version === 17
      ? `Invalid field ${model}.${field} in leaf ${pythonTupleRepr(leaf)}`
      : `Invalid field '${field}' on model '${model}'`;
  return new PythonError('ValueError', message, [
    frame('/opt/odoo/odoo/models.py', env.version === 17 ? 3043 : 3284, '_search', `raise ValueError(${JSON.stringify(message)})`),
  ]);
}

const isEmpty = (v: StoredValue | undefined): boolean =>
  v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0);

function likeToRegExp(pattern: string, sqlWildcards: boolean, insensitive: boolean): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = sqlWildcards ? escaped.replace(/%/g, '.*').replace(/_/g, '.') : `.*${escaped}.*`;
  return new RegExp(`^${body}$`, insensitive ? 'is' : 's');
}

function compare(a: StoredValue, b: RpcValue, op: string): boolean {
  if (isEmpty(a) || b === null || b === false) return false; // SQL: NULL < x is unknown
  if (typeof a === 'number' && typeof b === 'number') {
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  const sa = String(a);
  const sb = String(b);
  return op === '<' ? sa < sb : op === '<=' ? sa <= sb : op === '>' ? sa > sb : sa >= sb;
}

function equals(a: StoredValue, b: RpcValue): boolean {
  if (b === false || b === null) return isEmpty(a);
  if (Array.isArray(a)) return typeof b === 'number' ? a.includes(b) : false;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b))) return a === Number(b);
  return a === b;
}

/** Compiles one leaf `[path, op, value]` into a predicate. */
function compileLeaf(env: OdooEnv, model: string, leaf: RpcValue[]): RowPredicate {
  const [path, rawOp, value] = leaf as [string, string, RpcValue];
  const op = rawOp === '<>' ? '!=' : rawOp;
  if (typeof path !== 'string' || typeof rawOp !== 'string' || !OPERATORS.has(rawOp)) {
    throw invalidDomain(env, `Invalid leaf ${pythonRepr(leaf)}`);
  }
  const schema = env.schema.get(model);
  const [head = '', rest] = path.split(/\.(.*)/s, 2) as [string, string | undefined];
  const field = schema?.fields.get(head);
  if (!field) throw invalidLeafField(env, model, head, leaf);
  if (rest !== undefined && rest !== '') {
    // One level of many2one/x2many path: ('partner_id.name', 'ilike', 'azure').
    if (!field.relation) throw invalidLeafField(env, model, path, leaf);
    const sub = compileLeaf(env, field.relation, [rest, rawOp, value]);
    const comodel = field.relation;
    return (row) => {
      const v = fieldValue(env.store, model, row, field);
      const ids = Array.isArray(v) ? v : typeof v === 'number' ? [v] : [];
      if (ids.length === 0) return sub({ id: 0 });
      return ids.some((id) => {
        const target = env.store.get(comodel, id);
        return target ? sub(target) : false;
      });
    };
  }
  if (op === '=?') return value === false || value === null ? () => true : compileLeaf(env, model, [path, '=', value]);
  if (op === 'child_of' || op === 'parent_of') return hierarchyLeaf(env, model, field, op, value);
  const store = env.store;
  const get = (row: Row): StoredValue => (head === 'id' ? row.id : fieldValue(store, model, row, field));
  const relational = field.type === 'many2one' && field.relation;
  // Names against a many2one compare with the target's display name (Odoo's name_search).
  const byName = (v: RpcValue): boolean => relational !== undefined && relational !== false && typeof v === 'string';
  const nameOf = (row: Row): string => {
    const id = get(row);
    const target = typeof id === 'number' && field.relation ? store.get(field.relation, id) : undefined;
    return target && field.relation ? displayName(store, field.relation, target) : '';
  };

  switch (op) {
    case '=':
      if (byName(value)) return (row) => nameOf(row) === value;
      return (row) => equals(get(row), value);
    case '!=':
      if (byName(value)) return (row) => nameOf(row) !== value;
      return (row) => !equals(get(row), value);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (row) => compare(get(row), value, op);
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const wantsEmpty = list.some((x) => x === false || x === null);
      const set = new Set<unknown>(list.filter((x) => x !== false && x !== null));
      const byNames = relational && [...set].some((x) => typeof x === 'string');
      const test = (row: Row): boolean => {
        const v = get(row);
        if (isEmpty(v)) return wantsEmpty;
        if (Array.isArray(v)) return v.some((x) => set.has(x));
        if (byNames) return set.has(nameOf(row)) || set.has(v);
        return set.has(v);
      };
      return op === 'in' ? test : (row) => !test(row);
    }
    default: {
      // like family
      const negative = op.startsWith('not ');
      const base = negative ? op.slice(4) : op;
      const insensitive = base.endsWith('ilike');
      const sqlWildcards = base.startsWith('=');
      const pattern = value === false || value === null ? '' : String(value);
      const re = likeToRegExp(pattern, sqlWildcards, insensitive);
      const text = (row: Row): string | undefined => {
        if (relational) return nameOf(row) || undefined;
        const v = get(row);
        return isEmpty(v) ? undefined : String(v);
      };
      if (negative) return (row) => {
        const t = text(row);
        return t === undefined || !re.test(t);
      };
      if (!sqlWildcards && pattern === '') return () => true; // ilike '' is a no-op in Odoo
      return (row) => {
        const t = text(row);
        return t !== undefined && re.test(t);
      };
    }
  }
}

function hierarchyLeaf(env: OdooEnv, model: string, field: FieldDef, op: string, value: RpcValue): RowPredicate {
  const targetModel = field.name === 'id' ? model : field.relation;
  if (!targetModel) throw invalidDomain(env, `Invalid hierarchy leaf on ${field.name}`);
  const parentField = targetModel === 'stock.location' ? 'location_id' : 'parent_id';
  const wanted = new Set((Array.isArray(value) ? value : [value]).filter((x): x is number => typeof x === 'number'));
  const ancestors = (id: number): number[] => {
    const out: number[] = [];
    let cur: number | undefined = id;
    for (let guard = 0; cur !== undefined && guard < 64; guard++) {
      out.push(cur);
      const p: StoredValue | undefined = env.store.get(targetModel, cur)?.[parentField];
      cur = typeof p === 'number' ? p : undefined;
    }
    return out;
  };
  const get = (row: Row): number[] => {
    const v = field.name === 'id' ? row.id : fieldValue(env.store, model, row, field);
    return Array.isArray(v) ? v : typeof v === 'number' ? [v] : [];
  };
  if (op === 'child_of') return (row) => get(row).some((id) => ancestors(id).some((a) => wanted.has(a)));
  // parent_of: the value's ancestors contain the record
  const parents = new Set([...wanted].flatMap(ancestors));
  return (row) => get(row).some((id) => parents.has(id));
}

/** Compiles a whole domain. Throws PythonError (fault 1) for malformed domains or fields. */
export function compileDomain(env: OdooEnv, model: string, domain: RpcValue): RowPredicate {
  if (domain === false || domain === null || domain === undefined) return () => true;
  if (!Array.isArray(domain)) throw invalidDomain(env, `Invalid domain ${pythonRepr(domain)}`);
  if (domain.length === 0) return () => true;
  let pos = 0;
  const parse = (): RowPredicate => {
    const term = domain[pos++];
    if (term === '&' || term === '|') {
      const a = parse();
      const b = parse();
      return term === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    if (term === '!') {
      const a = parse();
      return (r) => !a(r);
    }
    if (Array.isArray(term) && term.length === 3) {
      if (term[0] === 1 && term[2] === 1) return () => true; // TRUE_LEAF
      if (term[0] === 0 && term[2] === 1) return () => false; // FALSE_LEAF
      return compileLeaf(env, model, term);
    }
    if (term === true) return () => true;
    throw invalidDomain(env, `Invalid leaf ${pythonRepr(term ?? null)}`);
  };
  const terms: RowPredicate[] = [];
  while (pos < domain.length) terms.push(parse());
  if (terms.length === 1) return terms[0] ?? (() => true);
  return (row) => terms.every((t) => t(row));
}
