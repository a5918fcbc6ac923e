import type { Row } from '../store.ts';
import { compileDomain } from '../orm/domain.ts';
import { sudo, type OdooEnv, type RecordEvent } from '../orm/env.ts';
import { parsePythonLiteral } from '../orm/python-literal.ts';
import { pythonFloatRepr } from '../../xmlrpc/rpc-value.ts';

/**
 * Automation rules (base.automation) with 'Send Webhook Notification' server actions, run after
 * the RPC call that wrote the records, as Odoo 17/18 do:
 * - triggers on_create, on_write, on_create_or_write; `filter_domain` is a Python literal
 *   string, parsed (never evaluated) and matched against the record after the write;
 * - EVERY matching write fires again: button_confirm into 'to approve' wrote the order three
 *   times on a real Odoo, which POSTed the same body three times (see purchase-order.ts);
 * - body: json.dumps(payload, sort_keys=True) with `_action`, `_id`, `_model`, `id` and the
 *   webhook_field_ids; relational fields as bare ids, write_date with microseconds.
 */
export interface WebhookRequest {
  url: string;
  body: string;
}

/** Python's json.dumps(..., sort_keys=True): ', ' and ': ' separators, ASCII only, floats as repr. */
export function pythonJsonDumps(value: unknown, floatFields: Set<string> = new Set(), key = ''): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return floatFields.has(key) || !Number.isInteger(value) ? pythonFloatRepr(value) : String(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map((v) => pythonJsonDumps(v)).join(', ')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(obj[k], floatFields, k)}`)
    .join(', ')}}`;
}

function payloadFor(env: OdooEnv, actionId: number, model: string, row: Row, fieldIds: number[]): WebhookRequest['body'] {
  const payload: Record<string, unknown> = { _action: `Send Webhook Notification(#${actionId})`, _id: row.id, _model: model, id: row.id };
  const floats = new Set<string>();
  const schema = env.schema.get(model);
  for (const fid of fieldIds) {
    const f = env.store.get('ir.model.fields', fid);
    if (!f || typeof f.name !== 'string') continue;
    const def = schema?.fields.get(f.name);
    let v = row[f.name];
    if (def?.type === 'float' || def?.type === 'monetary') {
      floats.add(f.name);
      v = typeof v === 'number' ? v : 0;
    }
    if (f.name === 'write_date' || f.name === 'create_date') {
      // Odoo sends the raw datetime with microseconds (str(datetime)).
      v = typeof v === 'string' ? (v.length === 19 ? `${v}.000000` : v) : v;
    }
    if (v === undefined || v === null) v = def?.type === 'one2many' || def?.type === 'many2many' ? [] : false;
    payload[f.name] = v;
  }
  return pythonJsonDumps(payload, floats);
}

function matches(env: OdooEnv, model: string, row: Row, filter: unknown): boolean {
  if (typeof filter !== 'string' || filter.trim() === '' || filter.trim() === '[]') return true;
  try {
    return compileDomain(sudo(env), model, parsePythonLiteral(filter))(row);
  } catch {
    return false; // a rule with a domain we cannot read never fires (Odoo would log an error)
  }
}

/**
 * `trigger_field_ids` ("Trigger Fields", Odoo 17/18): when set, a write fires the rule only if it
 * changed one of those fields; a write of other fields (followers, supplier info) does not.
 */
function touchesTriggerFields(env: OdooEnv, rule: Row, ev: RecordEvent): boolean {
  const ids = Array.isArray(rule.trigger_field_ids) ? rule.trigger_field_ids : [];
  if (ids.length === 0) return true;
  const names = new Set(ids.map((fid) => env.store.get('ir.model.fields', fid)?.name));
  return (ev.changed ?? []).some((f) => names.has(f));
}

/** The webhook requests the events of one call trigger, in order (one per matching event). */
export function collectWebhooks(env: OdooEnv, events: RecordEvent[]): WebhookRequest[] {
  const rules = env.store.rows('base.automation').filter((r) => r.active !== false);
  if (rules.length === 0) return [];
  const out: WebhookRequest[] = [];
  for (const ev of events) {
    for (const rule of rules) {
      const ruleModel = typeof rule.model_id === 'number' ? env.store.get('ir.model', rule.model_id)?.model : undefined;
      if (ruleModel !== ev.model) continue;
      const trigger = rule.trigger ?? 'on_create_or_write';
      const fires =
        trigger === 'on_create_or_write' || (trigger === 'on_create' && ev.kind === 'create') || (trigger === 'on_write' && ev.kind === 'write');
      if (!fires) continue;
      if (ev.kind === 'write' && !touchesTriggerFields(env, rule, ev)) continue;
      const row = env.store.get(ev.model, ev.id);
      if (!row || !matches(env, ev.model, row, rule.filter_domain)) continue;
      const actionIds = Array.isArray(rule.action_server_ids) ? rule.action_server_ids : env.store.childrenBy('ir.actions.server', 'base_automation_id', rule.id);
      for (const aid of actionIds) {
        const action = env.store.get('ir.actions.server', aid);
        if (!action || action.state !== 'webhook' || typeof action.webhook_url !== 'string' || !action.webhook_url) continue;
        const fieldIds = Array.isArray(action.webhook_field_ids) ? action.webhook_field_ids : [];
        out.push({ url: action.webhook_url, body: payloadFor(env, aid, ev.model, row, fieldIds) });
      }
    }
  }
  return out;
}
