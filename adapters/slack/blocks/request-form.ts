import type { types } from '@slack/bolt';
import type { RequestField, RequestForm } from '../../../src/requests/purchase-request.ts';
import type { RequestFormData } from '../../../src/requests/open-request-form.ts';
import { plainTextWithin } from '../mrkdwn.ts';

/** The request modal: block ids are the form's field names, so the core's errors land under their field. */
export const REQUEST_FORM = {
  callbackId: 'purchase_request',
  productAction: 'request_product',
  vendorAction: 'request_vendor',
  openAction: 'request_open',
} as const;

const ACTION_OF: Record<RequestField, string> = {
  productId: REQUEST_FORM.productAction,
  quantity: 'request_quantity',
  uomId: 'request_uom',
  warehouseId: 'request_warehouse',
  neededBy: 'request_needed_by',
  reason: 'request_reason',
  vendorId: REQUEST_FORM.vendorAction,
  attachment: 'request_attachment',
};

const plain = (text: string, max = 75): types.PlainTextElement => ({ type: 'plain_text', text: plainTextWithin(text, max) || ' ', emoji: true });
const option = (value: string, label: string): types.PlainTextOption => ({ text: plain(label, 75), value });

export function renderRequestForm(data: RequestFormData, chatLink: string | null): types.ModalView {
  const p = data.prefill;
  const warehouse = data.warehouses.find((w) => w.id === p.warehouseId);
  const input = (field: RequestField, label: string, element: types.InputBlock['element'], optional = false, hint?: string): types.InputBlock => ({
    type: 'input', block_id: field, label: plain(label), element, optional, ...(hint ? { hint: plain(hint, 150) } : {}),
  });
  return {
    type: 'modal',
    callback_id: REQUEST_FORM.callbackId,
    private_metadata: JSON.stringify({ l: chatLink }),
    title: plain('Request purchase', 24),
    submit: plain('Submit request', 24),
    close: plain('Cancel', 24),
    blocks: [
      input('productId', 'Product', {
        type: 'external_select', action_id: ACTION_OF.productId, min_query_length: 2, placeholder: plain('Type part of its name or code'),
        ...(p.product ? { initial_option: option(String(p.product.id), p.product.label) } : {}),
      }),
      input('quantity', 'Quantity', { type: 'plain_text_input', action_id: ACTION_OF.quantity, ...(p.quantity ? { initial_value: p.quantity } : {}), placeholder: plain('40') }),
      input('uomId', 'Unit', { type: 'static_select', action_id: ACTION_OF.uomId, placeholder: plain("The product's purchase unit"), options: data.units.slice(0, 100).map((u) => option(String(u.id), u.name)) }, true, "Leave empty for the product's purchase unit."),
      input('warehouseId', 'Warehouse', {
        type: 'static_select', action_id: ACTION_OF.warehouseId, placeholder: plain('Where it should arrive'),
        options: data.warehouses.map((w) => option(String(w.id), `${w.name} (${w.code})`)),
        ...(warehouse ? { initial_option: option(String(warehouse.id), `${warehouse.name} (${warehouse.code})`) } : {}),
      }),
      // Typed, not a datepicker: Slack mobile's date picker cannot be checked before submit (docs/chat-elements.md).
      input('neededBy', 'Needed by (YYYY-MM-DD)', { type: 'plain_text_input', action_id: ACTION_OF.neededBy, placeholder: plain('2026-12-31'), ...(p.neededBy ? { initial_value: p.neededBy } : {}) }),
      input('reason', 'Reason', { type: 'plain_text_input', action_id: ACTION_OF.reason, multiline: true, max_length: 1000, ...(p.reason ? { initial_value: p.reason } : {}) }, true),
      input('vendorId', 'Vendor', { type: 'external_select', action_id: ACTION_OF.vendorId, min_query_length: 2, placeholder: plain("The product's preferred vendor") }, true, "Leave empty for the product's preferred vendor in Odoo."),
      input('attachment', 'Attachment link', { type: 'plain_text_input', action_id: ACTION_OF.attachment, placeholder: plain('https://...') }, true),
    ],
  };
}

type StateValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null }>>;

/** The submitted form's values, by field (null when empty). */
export function readRequestForm(values: StateValues): RequestForm {
  const get = (field: RequestField): string | null => {
    const v = values[field]?.[ACTION_OF[field]];
    if (!v) return null;
    const raw = v.selected_option?.value ?? v.selected_date ?? v.value ?? null;
    return raw === null || raw === '' ? null : raw;
  };
  return {
    productId: get('productId'), quantity: get('quantity'), uomId: get('uomId'), warehouseId: get('warehouseId'),
    neededBy: get('neededBy'), reason: get('reason'), vendorId: get('vendorId'), attachment: get('attachment'),
  };
}

export function readRequestFormMetadata(raw: string | undefined): { chatLink: string | null } {
  try {
    const parsed = JSON.parse(raw ?? '{}') as { l?: unknown };
    return { chatLink: typeof parsed.l === 'string' ? parsed.l : null };
  } catch {
    return { chatLink: null };
  }
}

/** The button that opens the form (App Home, the DM answer to plain words); its value carries the words. */
export function requestOpenButton(words: string, label = 'Request purchase'): types.Button {
  return { type: 'button', action_id: REQUEST_FORM.openAction, text: plain(label, 75), style: 'primary', value: words.slice(0, 1900) };
}
