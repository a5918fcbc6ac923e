import { TZDate } from '@date-fns/tz';
import type { GroupKey, GroupQuery, GroupRow } from '../../src/ports/odoo-gateway.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import type { OdooDialect } from './odoo-dialect.ts';
import type { WireValue } from './odoo-wire.ts';

/**
 * One grouped read, the call each Odoo version wants and its answer in one shape:
 * - 17/18: `read_group(domain, fields, groupby, lazy=False)`: aggregates named `alias:func(field)`
 *   so two functions of one field do not collide, `__count`, period groups as a label with their
 *   bounds in `__range[spec].from`;
 * - 19: `formatted_read_group(domain, groupby, aggregates)` (read_group still answers there, but is
 *   deprecated): keys and aggregates named by spec, a period group as `[start, label]`.
 * Datetime periods come back as the UTC instant of local midnight; the key is the local date.
 */
export interface GroupCall {
  method: 'read_group' | 'formatted_read_group';
  kwargs: Record<string, WireValue>;
  parse(raw: unknown): GroupRow[];
}

const AGG = /^(\w+):(sum|avg|min|max|count|count_distinct)$/;
const GROUP = /^(\w+)(?::(day|week|month|quarter|year))?$/;

export function groupCall(model: string, query: GroupQuery, dialect: OdooDialect, domain: WireValue[]): GroupCall {
  const tz = query.timeZone ?? 'UTC';
  const groupby = query.groupby.map((spec) => {
    const m = GROUP.exec(spec);
    if (!m?.[1]) throw invalid(model, `groupby ${JSON.stringify(spec)} is not a field or field:granularity`);
    const server = dialect.serverField(model, m[1]);
    return { spec, server: m[2] ? `${server}:${m[2]}` : server, period: m[2] !== undefined };
  });
  const aggregates = (query.aggregates ?? []).map((spec, i) => {
    const m = AGG.exec(spec);
    if (!m?.[1] || !m[2]) throw invalid(model, `aggregate ${JSON.stringify(spec)} is not field:sum|avg|min|max|count|count_distinct`);
    const server = dialect.serverField(model, m[1]);
    return { spec, server: `${server}:${m[2]}`, alias: `agg_${i}_${m[1]}`, field: server, func: m[2] };
  });
  const context: Record<string, WireValue> = { tz };
  const limit: Record<string, WireValue> = query.limit !== undefined ? { limit: query.limit } : {};
  if (dialect.major >= 19) {
    return {
      method: 'formatted_read_group',
      kwargs: { domain, groupby: groupby.map((g) => g.server), aggregates: ['__count', ...aggregates.map((a) => a.server)], context, ...limit },
      parse: (raw) =>
        rows(model, raw).map((r) => ({
          keys: Object.fromEntries(groupby.map((g) => [g.spec, keyOf(r[g.server], g.period, undefined, tz)])),
          count: numberOf(r.__count) ?? 0,
          values: Object.fromEntries(aggregates.map((a) => [a.spec, valueOf(r[a.server])])),
        })),
    };
  }
  return {
    method: 'read_group',
    kwargs: {
      domain,
      fields: ['__count', ...aggregates.map((a) => `${a.alias}:${a.func}(${a.field})`)],
      groupby: groupby.map((g) => g.server),
      lazy: false,
      context,
      ...limit,
    },
    parse: (raw) =>
      rows(model, raw).map((r) => {
        const range = (r.__range ?? {}) as Record<string, { from?: unknown } | false>;
        return {
          keys: Object.fromEntries(groupby.map((g) => [g.spec, keyOf(r[g.server], g.period, range[g.server], tz)])),
          count: numberOf(r.__count) ?? 0,
          values: Object.fromEntries(aggregates.map((a) => [a.spec, valueOf(r[a.alias])])),
        };
      }),
  };
}

function rows(model: string, raw: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(raw) || raw.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    throw new OdooError('odoo_invalid_response', `Odoo answered a grouped read of ${model} with an unexpected ${JSON.stringify(raw)?.slice(0, 120)}`, { model, method: 'read_group' });
  }
  return raw as Array<Record<string, unknown>>;
}

function invalid(model: string, message: string): OdooError {
  return new OdooError('odoo_invalid_request', `${model}: ${message}`, { model, method: 'read_group' });
}

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && 'valueOf' in v) {
    const n = Number((v as { valueOf(): unknown }).valueOf());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function valueOf(v: unknown): number | string | null {
  if (v === false || v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return numberOf(v);
}

/** The local date of a period start Odoo sent ('YYYY-MM-DD', or the UTC datetime of local midnight). */
function localStart(from: string, tz: string): string {
  if (from.length <= 10) return from;
  const local = new TZDate(Date.parse(`${from.slice(0, 19).replace(' ', 'T')}Z`), tz);
  return `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

function keyOf(v: unknown, period: boolean, range: { from?: unknown } | false | undefined, tz: string): GroupKey {
  if (v === false || v === null || v === undefined) return { value: null, label: null };
  if (period) {
    // 19: [start, label]; 17/18: the label, the start in __range
    if (Array.isArray(v) && typeof v[0] === 'string') return { value: localStart(v[0], tz), label: typeof v[1] === 'string' ? v[1] : null };
    const from = range && typeof range.from === 'string' ? range.from : null;
    return { value: from ? localStart(from, tz) : null, label: typeof v === 'string' ? v : null };
  }
  if (Array.isArray(v) && typeof v[0] === 'number') return { value: v[0], label: typeof v[1] === 'string' ? v[1] : null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v, label: typeof v === 'string' ? v : null };
  return { value: numberOf(v), label: null };
}
