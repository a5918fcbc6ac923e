import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';

/** One automation rule the bot asks Odoo for: kept by name, so running setup twice changes nothing. */
export interface WebhookRuleSpec {
  name: string;
  model: string;
  /** "Trigger Fields": the rule fires only when a write changes one of these. */
  triggers: string[];
  /** What the POST carries; the bot re-reads the record anyway, these make logs and dedupe useful. */
  fields: string[];
}

/** The rule of approvals: entering `to approve` and leaving it (approved or cancelled in Odoo). */
export const PO_STATE_RULE: WebhookRuleSpec = {
  name: 'Chatops bot: purchase order state changed',
  model: 'purchase.order',
  triggers: ['state'],
  fields: ['name', 'state', 'amount_total', 'partner_id', 'user_id', 'write_date'],
};

/** Every rule the bot uses: approvals, and the records exception alerts watch (receipts, bills). */
export const WEBHOOK_RULES: readonly WebhookRuleSpec[] = [
  PO_STATE_RULE,
  { name: 'Chatops bot: receipt changed', model: 'stock.picking', triggers: ['state', 'scheduled_date'], fields: ['name', 'state', 'scheduled_date', 'write_date'] },
  { name: 'Chatops bot: vendor bill changed', model: 'account.move', triggers: ['state', 'payment_state', 'ref'], fields: ['name', 'state', 'move_type', 'write_date'] },
];

/** Kept for callers that only need the approvals rule. */
export const WEBHOOK_RULE_NAME = PO_STATE_RULE.name;

/**
 * Creates (or points at a new URL) an Odoo 17/18 automation rule: trigger "On create and edit"
 * with Trigger Fields, action "Send Webhook Notification" to the bot.
 */
export async function ensureWebhookRule(odoo: OdooGateway, webhookUrl: string, spec: WebhookRuleSpec = PO_STATE_RULE): Promise<{ created: boolean; ruleId: number }> {
  const [modelId] = await odoo.searchIds('ir.model', [['model', '=', spec.model]], { limit: 1 });
  if (!modelId) throw new Error(`Odoo has no ${spec.model} model: is its app installed?`);
  const fieldIds = await odoo.searchIds('ir.model.fields', [['model', '=', spec.model], ['name', 'in', spec.fields]]);
  const triggerIds = await odoo.searchIds('ir.model.fields', [['model', '=', spec.model], ['name', 'in', spec.triggers]]);
  const [existing] = await odoo.searchIds('base.automation', [['name', '=', spec.name], ['active', 'in', [true, false]]], { limit: 1 });
  if (existing) {
    const actions = await odoo.searchIds('ir.actions.server', [['base_automation_id', '=', existing], ['state', '=', 'webhook']]);
    if (actions.length) await odoo.write('ir.actions.server', actions, { webhook_url: webhookUrl, webhook_field_ids: [[6, 0, fieldIds]] });
    await odoo.write('base.automation', [existing], { active: true });
    return { created: false, ruleId: existing };
  }
  const ruleId = await odoo.create('base.automation', {
    name: spec.name,
    model_id: modelId,
    trigger: 'on_create_or_write',
    trigger_field_ids: [[6, 0, triggerIds]],
    action_server_ids: [[0, 0, { name: `${spec.name}: notify`, model_id: modelId, state: 'webhook', webhook_url: webhookUrl, webhook_field_ids: [[6, 0, fieldIds]] }]],
  });
  return { created: true, ruleId };
}

/** Every rule of WEBHOOK_RULES, in order. */
export async function ensureWebhookRules(odoo: OdooGateway, webhookUrl: string): Promise<Array<{ name: string; created: boolean; ruleId: number }>> {
  const out = [];
  for (const spec of WEBHOOK_RULES) out.push({ name: spec.name, ...(await ensureWebhookRule(odoo, webhookUrl, spec)) });
  return out;
}
