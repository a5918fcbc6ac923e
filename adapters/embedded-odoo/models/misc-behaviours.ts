import type { ModelBehaviour } from '../orm/behaviour.ts';
import { displayName } from '../orm/display-name.ts';
import { odooDatetime, type OdooEnv } from '../orm/env.ts';
import { UserError } from '../odoo-errors.ts';
import { chatterMethods } from './mail-thread.ts';

/**
 * The small behaviours: defaults and stored computed fields of contacts, activities, messages,
 * automation rules and server actions (Odoo 17/18 _order and defaults).
 */
function updateCompleteName(env: OdooEnv, id: number): void {
  const row = env.store.get('res.partner', id);
  if (!row) return;
  const { complete_name: _drop, ...rest } = row;
  env.store.update('res.partner', id, { complete_name: displayName(env.store, 'res.partner', { ...rest, id }) });
}

export const resPartnerBehaviour: ModelBehaviour = {
  order: 'complete_name ASC, id DESC',
  defaults(_env, row) {
    row.is_company ??= false;
    row.supplier_rank ??= 0;
    row.customer_rank ??= 0;
    row.parent_id ??= false;
    row.email ??= false;
    row.type ??= 'contact';
  },
  afterCreate: updateCompleteName,
  afterWrite(env, ids) {
    for (const id of ids) updateCompleteName(env, id);
  },
  methods: chatterMethods('res.partner'),
};

export const mailActivityBehaviour: ModelBehaviour = {
  order: 'date_deadline ASC, id ASC',
  defaults(env, row) {
    const model = typeof row.res_model_id === 'number' ? env.store.get('ir.model', row.res_model_id) : undefined;
    if (!model) throw new UserError('Document Model is required to create an activity.');
    const modelName = String(model.model);
    const target = typeof row.res_id === 'number' ? env.store.get(modelName, row.res_id) : undefined;
    row.res_model = modelName;
    row.res_name = target ? displayName(env.store, modelName, target) : false;
    row.user_id ??= env.uid;
    row.date_deadline ??= odooDatetime(env.now()).slice(0, 10);
    row.summary ??= false;
    row.note ??= false;
    row.automated ??= false;
    if (row.activity_type_id === undefined) {
      try {
        row.activity_type_id = env.store.ref('mail.mail_activity_data_todo');
      } catch {
        row.activity_type_id = false;
      }
    }
  },
  methods: {
    action_done: (env, ids) => {
      for (const id of ids) env.store.update('mail.activity', id, { active: false, date_done: odooDatetime(env.now()).slice(0, 10) });
      return false;
    },
    action_feedback: (env, ids) => {
      for (const id of ids) env.store.update('mail.activity', id, { active: false, date_done: odooDatetime(env.now()).slice(0, 10) });
      return false;
    },
  },
};

export const mailMessageBehaviour: ModelBehaviour = {
  order: 'id desc',
  defaults(env, row) {
    row.date ??= odooDatetime(env.now());
    row.message_type ??= 'notification';
    row.body ??= '';
    row.subject ??= false;
    row.partner_ids ??= [];
    row.parent_id ??= false;
  },
};

export const baseAutomationBehaviour: ModelBehaviour = {
  defaults(_env, row) {
    row.trigger ??= 'on_create_or_write';
    row.filter_domain ??= false;
    row.filter_pre_domain ??= false;
    row.trigger_field_ids ??= [];
    row.last_run ??= false;
  },
};

export const irActionsServerBehaviour: ModelBehaviour = {
  order: 'sequence,name',
  defaults(env, row) {
    row.state ??= 'code';
    row.usage ??= 'ir_actions_server';
    row.type ??= 'ir.actions.server';
    row.binding_type ??= 'action';
    row.sequence ??= 5;
    row.webhook_field_ids ??= [];
    const model = typeof row.model_id === 'number' ? env.store.get('ir.model', row.model_id) : undefined;
    row.model_name = model ? String(model.model) : false;
  },
};

export const stockWarehouseBehaviour: ModelBehaviour = { order: 'sequence,id' };
export const mailActivityTypeBehaviour: ModelBehaviour = { order: 'sequence, id' };
export const stockPickingTypeBehaviour: ModelBehaviour = { order: 'is_favorite desc, sequence, id' };
export const productBehaviour: ModelBehaviour = {
  order: 'default_code, name, id',
  defaults(env, row) {
    row.purchase_ok ??= true;
    row.sale_ok ??= true;
    row.standard_price ??= 0;
    row.default_code ??= false;
    row.type ??= 'consu';
    try {
      row.uom_id ??= env.store.ref('uom.product_uom_unit');
      row.uom_po_id ??= row.uom_id;
      row.categ_id ??= env.store.ref('product.product_category_all');
    } catch {
      // databases without these records keep the fields empty
    }
  },
};
