import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';

/** The automation rule the bot asks Odoo for (kept by name, so running setup twice changes nothing). */
export const WEBHOOK_RULE_NAME = 'Chatops bot: purchase order state changed';
const ACTION_NAME = 'Chatops bot: notify';
/** What the POST carries; the bot re-reads the record anyway, these make logs and dedupe useful. */
const FIELDS = ['name', 'state', 'amount_total', 'partner_id', 'user_id', 'write_date'];

/**
 * Creates (or points at a new URL) the Odoo 17/18 automation rule that POSTs to the bot whenever
 * a purchase order's state changes: trigger "On create and edit" with Trigger Fields = state, so
 * entering `to approve` and leaving it (approved or cancelled in Odoo) both reach the bot, and
 * other edits do not. The action is "Send Webhook Notification".
 */
export async function ensureWebhookRule(odoo: OdooGateway, webhookUrl: string): Promise<{ created: boolean; ruleId: number }> {
  const [modelId] = await odoo.searchIds('ir.model', [['model', '=', 'purchase.order']], { limit: 1 });
  if (!modelId) throw new Error('Odoo has no purchase.order model: is the Purchase app installed?');
  const fieldIds = await odoo.searchIds('ir.model.fields', [['model', '=', 'purchase.order'], ['name', 'in', FIELDS]]);
  const [stateField] = await odoo.searchIds('ir.model.fields', [['model', '=', 'purchase.order'], ['name', '=', 'state']], { limit: 1 });
  const [existing] = await odoo.searchIds('base.automation', [['name', '=', WEBHOOK_RULE_NAME], ['active', 'in', [true, false]]], { limit: 1 });
  if (existing) {
    const actions = await odoo.searchIds('ir.actions.server', [['base_automation_id', '=', existing], ['state', '=', 'webhook']]);
    if (actions.length) await odoo.write('ir.actions.server', actions, { webhook_url: webhookUrl, webhook_field_ids: [[6, 0, fieldIds]] });
    await odoo.write('base.automation', [existing], { active: true });
    return { created: false, ruleId: existing };
  }
  const ruleId = await odoo.create('base.automation', {
    name: WEBHOOK_RULE_NAME,
    model_id: modelId,
    trigger: 'on_create_or_write',
    trigger_field_ids: stateField ? [[6, 0, [stateField]]] : [],
    action_server_ids: [[0, 0, { name: ACTION_NAME, model_id: modelId, state: 'webhook', webhook_url: webhookUrl, webhook_field_ids: [[6, 0, fieldIds]] }]],
  });
  return { created: true, ruleId };
}
