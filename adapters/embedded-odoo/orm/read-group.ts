import { TZDate, tzOffset } from '@date-fns/tz';
import type { Row, StoredValue } from '../store.ts';
import type { FieldDef } from '../schema/model-schema.ts';
import { PyFloat, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { PythonError, frame } from '../odoo-errors.ts';
import { displayName } from './display-name.ts';
import { modelSchema, type OdooEnv } from './env.ts';
import { fieldValue } from './field-value.ts';
import { sortRows } from './order.ts';
import { searchRows } from './records.ts';

/**
 * Odoo's grouped reads over the store, as `_read_group` computes them in SQL (odoo/models.py 17/18,
 * odoo/orm/models.py 19): the records matching a domain (access rights, record rules, active_test
 * as search), grouped by fields (`date_field:day|week|month|quarter|year`, datetimes in the
 * context's `tz`), with aggregates `field:sum|avg|min|max|count|count_distinct|bool_and|bool_or|
 * array_agg` and `__count`. Week groups start on the language's first day: en_US (the only
 * language here) starts on Sunday, as real Odoo does. `readGroup` formats the result as the public
 * `read_group` (17, 18, and 19 where it is deprecated but answers), `formattedReadGroup` as 19's
 * `formatted_read_group` (addons/web/models/models.py).
 */

type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';
const GRANULARITIES = new Set<string>(['day', 'week', 'month', 'quarter', 'year']);
const AGGREGATES = new Set(['sum', 'avg', 'max', 'min', 'bool_and', 'bool_or', 'array_agg', 'count', 'count_distinct']);
const NUMERIC = new Set(['integer', 'float', 'monetary']);

interface GroupSpec {
  spec: string;
  field: FieldDef;
  granularity?: Granularity;
}

interface AggregateSpec {
  spec: string;
  field?: FieldDef;
  func: string;
}

/** One group: its raw key per groupby (stored value, or the local period start as 'YYYY-MM-DD'). */
interface RawGroup {
  keys: StoredValue[];
  rows: Row[];
}

function valueError(message: string): PythonError {
  return new PythonError('ValueError', message, [
    frame('/opt/odoo/odoo/models.py', 2035, '_read_group', 'groupby_terms: dict[str, SQL] = {'),
  ]);
}

function parseSpec(spec: string): { field: string; func?: string } {
  const m = /^(\w+)(?::(\w+))?$/.exec(spec);
  if (!m?.[1]) {
    throw valueError(`Invalid aggregate/groupby specification '${spec}'.`);
  }
  return { field: m[1], func: m[2] };
}

function groupSpec(env: OdooEnv, model: string, spec: string): GroupSpec {
  const { field: name, func } = parseSpec(spec);
  const field = modelSchema(env, model).fields.get(name);
  if (!field) throw valueError(`Invalid field '${name}' on model '${model}'`);
  const temporal = field.type === 'date' || field.type === 'datetime';
  if (func && !temporal) throw valueError(`Granularity set on a no-datetime field or property: '${spec}'`);
  if (temporal) {
    if (!func) throw valueError(`Granularity not set on a date(time) field: '${spec}'`);
    if (!GRANULARITIES.has(func)) throw valueError(`Granularity specification isn't correct: '${func}'`);
    return { spec, field, granularity: func as Granularity };
  }
  if (field.type === 'one2many' || (field.store === false && field.type !== 'many2one')) {
    throw valueError(`Field ${model}.${name} is not a stored field, only stored fields (regular or many2many) are valid for the 'groupby' parameter`);
  }
  return { spec, field };
}

function aggregateSpec(env: OdooEnv, model: string, spec: string): AggregateSpec {
  if (spec === '__count') return { spec, func: '__count' };
  const { field: name, func } = parseSpec(spec);
  const field = modelSchema(env, model).fields.get(name);
  if (!field) throw valueError(`Invalid field '${name}' on model '${model}' for '${spec}'.`);
  if (!func) throw valueError(`Aggregate method is mandatory for '${name}'`);
  if (!AGGREGATES.has(func)) throw valueError(`Invalid aggregate method '${func}' for '${spec}'.`);
  return { spec, field, func };
}

/** A datetime's local wall clock in `tz` ('YYYY-MM-DD'), or the date itself. */
function localDate(value: string, type: string, tz: string | undefined): string {
  if (type === 'date' || !tz) return value.slice(0, 10);
  const utc = Date.parse(`${value.slice(0, 19).replace(' ', 'T')}Z`);
  const local = new TZDate(utc, tz);
  return `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The start of the period containing a local date. */
function periodStart(iso: string, g: Granularity): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  switch (g) {
    case 'day':
      return iso;
    case 'week': {
      // date_trunc('week', x + 1 day) - 1 day: weeks from Sunday (en_US week_start 7)
      const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
      return addDays(iso, -dow);
    }
    case 'month':
      return `${y}-${m}-01`;
    case 'quarter':
      return `${y}-${String(Math.floor((Number(m) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
  }
  void d;
}

function periodEnd(start: string, g: Granularity): string {
  const [y = 0, m = 1] = start.split('-').map(Number);
  switch (g) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    case 'quarter':
      return new Date(Date.UTC(y, m + 2, 1)).toISOString().slice(0, 10);
    case 'year':
      return `${y + 1}-01-01`;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** babel's label of a period in en_US, with Odoo's own week numbering (first week holds Jan 1). */
function periodLabel(start: string, g: Granularity): string {
  const [y = 0, m = 1, d = 1] = start.split('-').map(Number);
  switch (g) {
    case 'day':
      return `${String(d).padStart(2, '0')} ${MONTHS[m - 1]?.slice(0, 3) ?? ''} ${y}`;
    case 'week': {
      const end = addDays(start, 6);
      const endYear = Number(end.slice(0, 4));
      if (endYear > y) return `W1 ${endYear}`;
      const firstWeek = periodStart(`${y}-01-01`, 'week');
      const days = (Date.parse(`${start}T00:00:00Z`) - Date.parse(`${firstWeek}T00:00:00Z`)) / 86_400_000;
      return `W${Math.floor(days / 7) + 1} ${String(y).padStart(4, '0')}`;
    }
    case 'month':
      return `${MONTHS[m - 1] ?? ''} ${y}`;
    case 'quarter':
      return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    case 'year':
      return String(y);
  }
}

/** A local period bound as Odoo sends it: a date, or the UTC datetime of local midnight. */
function boundOf(localIso: string, type: string, tz: string | undefined): string {
  if (type === 'date') return localIso;
  if (!tz) return `${localIso} 00:00:00`;
  const [y = 0, m = 1, d = 1] = localIso.split('-').map(Number);
  const iso = new Date(new TZDate(y, m - 1, d, 0, 0, tz).getTime()).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function contextTz(env: OdooEnv): string | undefined {
  const tz = env.context.tz;
  if (typeof tz !== 'string' || !tz) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/** Zone offsets (minutes) per UTC hour in which the offset does not change; null where it does. */
type Offsets = Map<string, number | null>;

/** The local date of a stored UTC datetime in `tz`: one zone lookup per hour of data, not per row. */
function localDateOf(v: string, tz: string | undefined, offsets: Offsets): string {
  if (!tz) return v.slice(0, 10);
  const hour = v.slice(0, 13);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = Date.parse(`${hour.replace(' ', 'T')}:00:00Z`);
    const a = tzOffset(tz, new Date(start));
    const b = tzOffset(tz, new Date(start + 3_599_999));
    offsets.set(hour, (offset = a === b ? a : null));
  }
  if (offset === null) return localDate(v, 'datetime', tz);
  return new Date(Date.parse(`${v.slice(0, 19).replace(' ', 'T')}Z`) + offset * 60_000).toISOString().slice(0, 10);
}

function rawKey(env: OdooEnv, model: string, row: Row, g: GroupSpec, tz: string | undefined, offsets: Offsets): StoredValue {
  const v = fieldValue(env.store, model, row, g.field);
  if (g.granularity) {
    if (typeof v !== 'string' || !v) return false;
    return periodStart(g.field.type === 'date' ? v.slice(0, 10) : localDateOf(v, tz, offsets), g.granularity);
  }
  if (g.field.type === 'boolean') return v === true;
  if (v === null || v === undefined || v === '') return false;
  return v;
}

function aggregate(env: OdooEnv, model: string, rows: Row[], a: AggregateSpec): RpcValue {
  if (a.func === '__count') return rows.length;
  const field = a.field as FieldDef;
  const values = rows.map((r) => fieldValue(env.store, model, r, field)).filter((v) => v !== null && v !== undefined && !(v === false && field.type !== 'boolean'));
  switch (a.func) {
    case 'count':
      return values.length;
    case 'count_distinct':
      return new Set(values.map((v) => JSON.stringify(v))).size;
    case 'array_agg':
      return values.map((v) => (Array.isArray(v) ? [...v] : v as RpcValue));
    case 'bool_and':
      return values.length ? values.every((v) => v === true) : false;
    case 'bool_or':
      return values.length ? values.some((v) => v === true) : false;
    default:
      break;
  }
  if (values.length === 0) return false; // SQL NULL becomes the empty value
  if (NUMERIC.has(field.type) || field.type === 'many2one') {
    const nums = values.filter((v): v is number => typeof v === 'number');
    if (nums.length === 0) return false;
    const float = field.type !== 'integer' && field.type !== 'many2one';
    const out =
      a.func === 'sum' ? nums.reduce((s, n) => s + n, 0)
      : a.func === 'avg' ? nums.reduce((s, n) => s + n, 0) / nums.length
      : a.func === 'max' ? Math.max(...nums)
      : Math.min(...nums);
    // Postgres AVG of integers is numeric (a float on the wire)
    return float || a.func === 'avg' ? new PyFloat(out) : out;
  }
  if (a.func === 'max' || a.func === 'min') {
    const strs = values.map(String).sort();
    const v = a.func === 'max' ? strs[strs.length - 1] : strs[0];
    return v === undefined ? false : field.type === 'datetime' ? v.slice(0, 19) : v;
  }
  throw valueError(`Invalid aggregate method '${a.func}' for '${a.spec}'.`);
}

/** Groups in the order Postgres returns them for `ORDER BY <groupby...>` (many2one by comodel order). */
function sortGroups(env: OdooEnv, groups: RawGroup[], specs: GroupSpec[], descending: boolean[]): RawGroup[] {
  const ranks = specs.map((g) => {
    if (g.field.type !== 'many2one' || !g.field.relation) return undefined;
    const ids = new Set(groups.map((x) => x.keys[specs.indexOf(g)]).filter((v): v is number => typeof v === 'number'));
    const rows = [...ids].map((id) => env.store.get(g.field.relation as string, id)).filter((r): r is Row => r !== undefined);
    const order = env.behaviours.get(g.field.relation)?.order ?? 'id';
    return new Map(sortRows({ ...env, su: true }, g.field.relation, rows, order).map((r, i) => [r.id, i]));
  });
  const cmp = (a: StoredValue, b: StoredValue, rank: Map<number, number> | undefined): number => {
    // NULLS LAST ascending (Postgres default)
    const aNull = a === false || a === null;
    const bNull = b === false || b === null;
    if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
    if (rank && typeof a === 'number' && typeof b === 'number') return (rank.get(a) ?? a) - (rank.get(b) ?? b);
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  };
  return [...groups].sort((x, y) => {
    for (let i = 0; i < specs.length; i++) {
      const c = cmp(x.keys[i] ?? false, y.keys[i] ?? false, ranks[i]);
      if (c !== 0) return descending[i] ? -c : c;
    }
    return 0;
  });
}

interface GroupOptions {
  offset?: number;
  limit?: number;
  /** Groupby specs to sort descending (from an `order` naming them with `desc`). */
  descending?: Set<string>;
}

function groupRecords(env: OdooEnv, model: string, domain: RpcValue, specs: GroupSpec[], opts: GroupOptions): RawGroup[] {
  const rows = searchRows(env, model, domain ?? [], { unordered: true });
  const tz = contextTz(env);
  if (specs.length === 0) return [{ keys: [], rows }];
  const byKey = new Map<string, RawGroup>();
  const offsets: Offsets = new Map();
  for (const row of rows) {
    const keys = specs.map((g) => rawKey(env, model, row, g, tz, offsets));
    const k = JSON.stringify(keys);
    let group = byKey.get(k);
    if (!group) byKey.set(k, (group = { keys, rows: [] }));
    group.rows.push(row);
  }
  const sorted = sortGroups(env, [...byKey.values()], specs, specs.map((g) => opts.descending?.has(g.spec) ?? false));
  const offset = opts.offset ?? 0;
  return opts.limit ? sorted.slice(offset, offset + opts.limit) : sorted.slice(offset);
}

/** The group's value as Odoo formats it, and the domain that selects it. */
function formatKey(env: OdooEnv, g: GroupSpec, key: StoredValue, tz: string | undefined): { value: RpcValue; domain: RpcValue[]; range?: { from: string; to: string } } {
  const name = g.field.name;
  if (g.granularity) {
    if (typeof key !== 'string') return { value: false, domain: [[name, '=', false]] };
    const from = boundOf(key, g.field.type, tz);
    const to = boundOf(periodEnd(key, g.granularity), g.field.type, tz);
    return { value: periodLabel(key, g.granularity), domain: ['&', [name, '>=', from], [name, '<', to]], range: { from, to } };
  }
  if (g.field.type === 'many2one' && g.field.relation) {
    if (typeof key !== 'number') return { value: false, domain: [[name, '=', false]] };
    const target = env.store.get(g.field.relation, key);
    return { value: [key, target ? displayName(env.store, g.field.relation, target) : ''], domain: [[name, '=', key]] };
  }
  const value = Array.isArray(key) ? [...key] : (key as RpcValue);
  return { value, domain: [[name, '=', value]] };
}

/** Odoo's AND of domains in prefix notation (expression.AND): each normalized, then joined by '&'. */
function andDomains(domains: RpcValue[][]): RpcValue[] {
  const parts = domains.filter((d) => d.length > 0);
  const body: RpcValue[] = [];
  for (const d of parts) {
    const terms = d.filter((t) => Array.isArray(t)).length;
    const binary = d.filter((t) => t === '&' || t === '|').length;
    // top-level expressions of a domain are implicitly ANDed
    for (let i = 1; i < terms - binary; i++) body.push('&');
    body.push(...d);
  }
  return [...Array.from({ length: Math.max(0, parts.length - 1) }, () => '&' as RpcValue), ...body];
}

function list(v: RpcValue | undefined): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function orderDescending(order: RpcValue | undefined): Set<string> {
  const out = new Set<string>();
  if (typeof order !== 'string') return out;
  for (const part of order.split(',')) {
    const [term, dir] = part.trim().split(/\s+/);
    if (term && dir?.toLowerCase() === 'desc') out.add(term);
  }
  return out;
}

function num(v: RpcValue | undefined): number | undefined {
  return typeof v === 'number' && v > 0 ? v : undefined;
}

/**
 * The public `read_group(domain, fields, groupby, offset, limit, orderby, lazy=True)`: lazy groups
 * by the first groupby only (count key `<field>_count`, the rest in `__context`), eager by all
 * (`__count`); a plain date groupby is by month; aggregates are keyed by field name.
 */
export function readGroup(env: OdooEnv, model: string, args: RpcValue[], kwargs: RpcStruct): RpcValue {
  const arg = (i: number, name: string): RpcValue | undefined => (kwargs[name] !== undefined ? kwargs[name] : args[i]);
  const domain = arg(0, 'domain') ?? [];
  const fields = list(arg(1, 'fields'));
  const groupby = list(arg(2, 'groupby'));
  const lazy = arg(6, 'lazy') !== false;
  const lazyGroupby = lazy ? groupby.slice(0, 1) : groupby;
  const schema = modelSchema(env, model);
  const specs = lazyGroupby.map((spec) => {
    const { field } = parseSpec(spec);
    const def = schema.fields.get(field);
    if (!def) throw valueError(`Invalid field '${field}' on model '${model}'`);
    return groupSpec(env, model, (def.type === 'date' || def.type === 'datetime') && !spec.includes(':') ? `${spec}:month` : spec);
  });
  const countKey = lazy && lazyGroupby.length === 1 ? `${(lazyGroupby[0] ?? '').split(':')[0]}_count` : '__count';
  const aggregates: Array<{ key: string; agg: AggregateSpec }> = [];
  for (const f of fields) {
    if (f === '__count') continue;
    const m = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?$/.exec(f);
    if (!m?.[1]) throw valueError(`Invalid field specification '${f}'.`);
    const [, name, func, source] = m;
    if (source && func) aggregates.push({ key: name, agg: aggregateSpec(env, model, `${source}:${func}`) });
    else if (func) aggregates.push({ key: name, agg: aggregateSpec(env, model, `${name}:${func}`) });
    else {
      const def = schema.fields.get(name);
      if (!def) throw valueError(`Invalid field '${name}' on model '${model}'`);
      // a field's default aggregator: numbers are summed; other fields are left out
      if (NUMERIC.has(def.type) && def.store !== false && !lazyGroupby.includes(name)) aggregates.push({ key: name, agg: { spec: `${name}:sum`, field: def, func: 'sum' } });
    }
  }
  const orderby = arg(5, 'orderby');
  const groups = groupRecords(env, model, domain, specs, {
    offset: num(arg(3, 'offset')),
    limit: num(arg(4, 'limit')),
    descending: new Set([...orderDescending(orderby)].flatMap((t) => specs.filter((s) => s.spec === t || s.field.name === t).map((s) => s.spec))),
  });
  const tz = contextTz(env);
  const base = Array.isArray(domain) ? domain : [];
  return groups.map((g) => {
    const out: RpcStruct = {};
    const extra: RpcValue[][] = [];
    const ranges: RpcStruct = {};
    specs.forEach((s, i) => {
      const f = formatKey(env, s, g.keys[i] ?? false, tz);
      out[lazyGroupby[i] ?? s.spec] = f.value;
      extra.push(f.domain);
      if (s.granularity) ranges[lazyGroupby[i] ?? s.spec] = f.range ?? false;
    });
    out[countKey] = g.rows.length;
    for (const { key, agg } of aggregates) out[key] = aggregate(env, model, g.rows, agg);
    out.__domain = andDomains([base, ...extra]);
    if (Object.keys(ranges).length > 0) out.__range = ranges;
    if (lazyGroupby.length < groupby.length) out.__context = { group_by: groupby.slice(lazyGroupby.length) };
    return out;
  });
}

/**
 * 19's `formatted_read_group(domain, groupby=(), aggregates=(), having=(), offset=0, limit=None,
 * order=None)`: every groupby at once, keys and aggregates named by their spec, many2one and
 * period groups as `[value, label]` (a period's value is its start, a date or a UTC datetime),
 * `__extra_domain` the group's own condition; without groupby, one row even when nothing matches.
 */
export function formattedReadGroup(env: OdooEnv, model: string, args: RpcValue[], kwargs: RpcStruct): RpcValue {
  const arg = (i: number, name: string): RpcValue | undefined => (kwargs[name] !== undefined ? kwargs[name] : args[i]);
  const domain = arg(0, 'domain') ?? [];
  const groupby = list(arg(1, 'groupby'));
  const aggregates = list(arg(2, 'aggregates')).map((a) => aggregateSpec(env, model, a.replace(':recordset', ':array_agg')));
  const having = arg(3, 'having');
  if (Array.isArray(having) && having.length > 0) throw valueError('having is not supported by the embedded Odoo');
  const specs = groupby.map((g) => groupSpec(env, model, g));
  const groups = groupRecords(env, model, domain, specs, { offset: num(arg(4, 'offset')), limit: num(arg(5, 'limit')), descending: orderDescending(arg(6, 'order')) });
  const tz = contextTz(env);
  return groups.map((g) => {
    const out: RpcStruct = {};
    const extra: RpcValue[][] = [];
    specs.forEach((s, i) => {
      const f = formatKey(env, s, g.keys[i] ?? false, tz);
      out[s.spec] = f.range && Array.isArray(f.domain) ? [f.range.from, f.value] : f.value;
      extra.push(f.domain);
    });
    out.__extra_domain = andDomains(extra);
    for (const a of aggregates) out[a.spec] = aggregate(env, model, g.rows, a);
    return out;
  });
}
