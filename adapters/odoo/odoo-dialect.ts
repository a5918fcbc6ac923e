import type { OdooDomain, OdooDomainTerm, OdooValue, OdooValues } from '../../src/ports/odoo-gateway.ts';

/**
 * What one Odoo server calls things, learned at connect (`common.version`, `fields_get`), so the
 * core only ever sees the 17.0/18.0 names and states. Seen on 19.0 (fields_get of 18 vs 19 in
 * test/fixtures/odoo/): res.users `groups_id` -> `group_ids` (direct) / `all_group_ids` (with the
 * implied groups, what 18's `groups_id` held), purchase.order.line `product_uom` ->
 * `product_uom_id`, `taxes_id` -> `tax_ids`, purchase.order `notes` -> `note`,
 * ir.actions.server `groups_id` -> `group_ids`; purchase.order state `done` replaced by the
 * boolean `locked` (state stays `purchase`), `mail_reception_confirmed` -> `acknowledged`; a draft
 * bill's `name` false instead of `/`.
 */
export interface FieldInfo {
  type: string;
  relation?: string;
}
export type ModelFields = ReadonlyMap<string, FieldInfo>;

/** The core's name -> the candidates a server may use instead, in order: [read/search, write]. */
const RENAMES: Record<string, Record<string, { read: string; write: string }>> = {
  'res.users': { groups_id: { read: 'all_group_ids', write: 'group_ids' } },
  'ir.actions.server': { groups_id: { read: 'group_ids', write: 'group_ids' } },
  'purchase.order': {
    notes: { read: 'note', write: 'note' },
    // 19 drops the vendor's "reception confirmed" flag; its vendor acknowledgement of the order
    // (`acknowledged`, set from the portal or by the buyer) is what the bot asks about
    mail_reception_confirmed: { read: 'acknowledged', write: 'acknowledged' },
  },
  'purchase.order.line': {
    product_uom: { read: 'product_uom_id', write: 'product_uom_id' },
    taxes_id: { read: 'tax_ids', write: 'tax_ids' },
  },
  'product.product': {
    property_account_creditor_price_difference: { read: 'property_price_difference_account_id', write: 'property_price_difference_account_id' },
  },
};

/** The 17.0/18.0 purchase.order states the core knows. */
const PO_STATES = ['draft', 'sent', 'to approve', 'purchase', 'done', 'cancel'] as const;

export class OdooDialect {
  constructor(
    /** The server's major version, e.g. 19. */
    readonly major: number,
    private readonly fields: (model: string) => ModelFields | undefined,
  ) {}

  /** Whether purchase.order locks with the `locked` boolean instead of the `done` state (19.0+). */
  locksWithFlag(): boolean {
    const po = this.fields('purchase.order');
    return po !== undefined && po.has('locked');
  }

  /** The server's name of a core field on a model (unchanged where the server has it). */
  serverField(model: string, field: string, use: 'read' | 'write' = 'read'): string {
    const known = this.fields(model);
    if (!known || known.has(field)) return field;
    const alias = RENAMES[model]?.[field];
    if (alias && known.has(alias[use])) return alias[use];
    return field;
  }

  /** The core's name of a server field (the inverse of serverField, for read results). */
  coreField(model: string, serverName: string): string {
    const known = this.fields(model);
    for (const [core, alias] of Object.entries(RENAMES[model] ?? {})) {
      if ((alias.read === serverName || alias.write === serverName) && !(known?.has(core) ?? true)) return core;
    }
    return serverName;
  }

  /** Field list of a read, in the server's names (plus `locked` where state needs it). */
  readFields(model: string, fields: readonly string[]): string[] {
    const out = fields.map((f) => this.serverField(model, f));
    if (model === 'purchase.order' && fields.includes('state') && this.locksWithFlag()) out.push('locked');
    return [...new Set(out)];
  }

  /** Values to create/write, in the server's names. */
  values(model: string, values: OdooValues): OdooValues {
    const out: Record<string, OdooValue> = {};
    for (const [k, v] of Object.entries(values)) out[this.serverField(model, k, 'write')] = v;
    return out;
  }

  /** A raw record from the server, in the core's names and states. */
  row(model: string, raw: unknown, askedLocked = false): unknown {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[this.coreField(model, k)] = v;
    if (model === 'purchase.order' && 'locked' in out) {
      // 19.0: a locked confirmed order is what 17/18 call `done` ("Locked")
      if (out.state === 'purchase' && out.locked === true) out.state = 'done';
      if (askedLocked) delete out.locked;
    }
    // 19.0 leaves a draft bill's name false; 17/18 name it '/' until posted
    if (model === 'account.move' && out.name === false && (out.state === 'draft' || out.state === undefined)) out.name = '/';
    return out;
  }

  /** A domain in the server's names; purchase.order state `done` becomes `locked` on 19.0+. */
  domain(model: string, domain: OdooDomain): OdooDomain {
    const out: OdooDomainTerm[] = [];
    for (const term of domain) {
      if (typeof term === 'string') {
        out.push(term);
        continue;
      }
      const [path, op, value] = term;
      const { serverPath, finalModel, lastField } = this.path(model, path);
      if (finalModel === 'purchase.order' && lastField === 'state' && this.locksWithFlag()) {
        out.push(...poStateTerms(serverPath, op, value));
      } else {
        out.push([serverPath, op, value]);
      }
    }
    return out;
  }

  /** An order spec (`date_planned asc, id`) in the server's names. */
  order(model: string, order: string | undefined): string | undefined {
    if (order === undefined) return undefined;
    return order
      .split(',')
      .map((part) => {
        const [field = '', ...rest] = part.trim().split(/\s+/);
        return [this.serverField(model, field), ...rest].join(' ');
      })
      .join(', ');
  }

  /** A dotted path, segment by segment, following the relations fields_get gave. */
  private path(model: string, path: string): { serverPath: string; finalModel: string | undefined; lastField: string } {
    const segments = path.split('.');
    const out: string[] = [];
    let current: string | undefined = model;
    segments.forEach((seg, i) => {
      if (current === undefined) {
        out.push(seg);
        return;
      }
      const name = this.serverField(current, seg);
      out.push(name);
      if (i < segments.length - 1) current = this.fields(current)?.get(name)?.relation;
    });
    return { serverPath: out.join('.'), finalModel: current, lastField: segments[segments.length - 1] ?? '' };
  }
}

/**
 * A core condition on purchase.order `state` (which may name `done`) as 19.0 conditions on
 * `state` and `locked`: the core's set of matched states, rebuilt from (state, locked) pairs.
 */
function poStateTerms(path: string, op: string, value: OdooValue): OdooDomainTerm[] {
  const values = Array.isArray(value) ? (value as OdooValue[]) : [value];
  const named = new Set(values.filter((v): v is string => typeof v === 'string'));
  let matched: Set<string>;
  if (op === '=' || op === 'in') matched = named;
  else if (op === '!=' || op === 'not in') matched = new Set(PO_STATES.filter((s) => !named.has(s)));
  else return [[path, op, value]];
  const locked = path.includes('.') ? `${path.slice(0, path.lastIndexOf('.'))}.locked` : 'locked';
  const alternatives: OdooDomainTerm[][] = [];
  const plain = [...matched].filter((s) => s !== 'purchase' && s !== 'done');
  if (plain.length > 0) alternatives.push([[path, 'in', plain]]);
  if (matched.has('purchase') && matched.has('done')) alternatives.push([[path, '=', 'purchase']]);
  else if (matched.has('purchase')) alternatives.push(['&', [path, '=', 'purchase'], [locked, '=', false]]);
  else if (matched.has('done')) alternatives.push(['&', [path, '=', 'purchase'], [locked, '=', true]]);
  // no state at all: a condition that matches nothing
  if (alternatives.length === 0) return [['id', '=', 0]];
  const out: OdooDomainTerm[] = [];
  for (let i = 1; i < alternatives.length; i++) out.push('|');
  for (const a of alternatives) out.push(...a);
  return out;
}
