import type { FieldErrors } from '../../../src/requests/check-request.ts';
import type { RequestFormData } from '../../../src/requests/open-request-form.ts';
import type { RequestField, RequestForm } from '../../../src/requests/purchase-request.ts';
import type { RequestCardView } from '../../../src/requests/request-card-view.ts';
import { plainCardText } from '../cards/escape-card-text.ts';
import type { AdaptiveCard } from '../cards/verbs.ts';

/** Teams' verbs and data sets of purchase requests (Universal Actions; `application/search`). */
export const REQUEST_VERBS = {
  prefix: 'request.',
  /** The home card's "Request purchase" button: answers with an empty form. */
  open: 'request.open',
  submit: 'request.submit',
  send: 'request.send',
  reject: 'request.reject',
  ask: 'request.ask',
  products: 'request.products',
  vendors: 'request.vendors',
} as const;

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: plainCardText(t, 2000), wrap: true, ...extra });
const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body, ...(actions.length ? { actions } : {}), msteams: { width: 'Full' } });

/**
 * The request form as an Adaptive Card: the product and vendor are Input.ChoiceSet with
 * `choices.data` (Data.Query), which Teams fills as the person types through `application/search`
 * invokes; errors from the core show under their field when the card comes back.
 */
export function requestFormCard(data: RequestFormData, options: { formId: string; values?: RequestForm; errors?: FieldErrors; labels?: Partial<Record<'productId' | 'vendorId', string>> }): AdaptiveCard {
  const v = options.values;
  const p = data.prefill;
  const err = (field: RequestField) => (options.errors?.[field] ? [text(options.errors[field]!, { color: 'attention', size: 'small', spacing: 'none', id: `error-${field}` })] : []);
  const productValue = v?.productId ?? (p.product ? String(p.product.id) : undefined);
  const productLabel = options.labels?.productId ?? p.product?.label;
  return card([
    text('Request purchase', { weight: 'bolder', size: 'medium', style: 'heading' }),
    {
      type: 'Input.ChoiceSet', id: 'productId', label: 'Product', isRequired: true, errorMessage: 'Pick a product', style: 'filtered',
      'choices.data': { type: 'Data.Query', dataset: REQUEST_VERBS.products },
      // Until the person types, the only choice is the prefilled product (or a hint to type).
      choices: productValue && productLabel ? [{ title: productLabel, value: productValue }] : [{ title: 'Type part of the name or code', value: 'none' }], ...(productValue ? { value: productValue } : {}),
    },
    ...err('productId'),
    // Text, not Input.Number / Input.Date (not on Teams mobile's allowlist): the core checks both.
    { type: 'Input.Text', id: 'quantity', label: 'Quantity', isRequired: true, errorMessage: 'Enter how many', maxLength: 20, ...(v?.quantity ?? p.quantity ? { value: String(v?.quantity ?? p.quantity) } : {}) },
    ...err('quantity'),
    { type: 'Input.ChoiceSet', id: 'uomId', label: 'Unit (empty: the product\'s purchase unit)', choices: data.units.map((u) => ({ title: u.name, value: String(u.id) })), ...(v?.uomId ? { value: v.uomId } : {}) },
    ...err('uomId'),
    { type: 'Input.ChoiceSet', id: 'warehouseId', label: 'Warehouse', isRequired: true, errorMessage: 'Pick the warehouse', choices: data.warehouses.map((w) => ({ title: `${w.name} (${w.code})`, value: String(w.id) })), ...((v?.warehouseId ?? p.warehouseId) ? { value: String(v?.warehouseId ?? p.warehouseId) } : {}) },
    ...err('warehouseId'),
    { type: 'Input.Text', id: 'neededBy', label: 'Needed by (YYYY-MM-DD)', isRequired: true, errorMessage: 'Give a day', maxLength: 10, ...((v?.neededBy ?? p.neededBy) ? { value: v?.neededBy ?? p.neededBy } : {}) },
    ...err('neededBy'),
    { type: 'Input.Text', id: 'reason', label: 'Reason', isMultiline: true, maxLength: 1000, ...(v?.reason ? { value: v.reason } : {}) },
    ...err('reason'),
    { type: 'Input.ChoiceSet', id: 'vendorId', label: 'Vendor (empty: the preferred one)', style: 'filtered', 'choices.data': { type: 'Data.Query', dataset: REQUEST_VERBS.vendors }, choices: [{ title: "The product's preferred vendor", value: 'preferred' }, ...(v?.vendorId && options.labels?.vendorId ? [{ title: options.labels.vendorId, value: v.vendorId }] : [])], ...(v?.vendorId ? { value: v.vendorId } : {}) },
    ...err('vendorId'),
    { type: 'Input.Text', id: 'attachment', label: 'Attachment link', maxLength: 500, ...(v?.attachment ? { value: v.attachment } : {}) },
    ...err('attachment'),
  ], [{ type: 'Action.Execute', verb: REQUEST_VERBS.submit, title: 'Submit request', data: { formId: options.formId } }]);
}

export function requestFiledCard(ref: string, summary: string): AdaptiveCard {
  return card([text(`Request ${ref} filed`, { weight: 'bolder' }), text(summary), text('Follow it with "po mine".', { isSubtle: true, size: 'small' })]);
}

/** The buyer's card: the request, then Convert to RFQ sent / Reject (reason) / Ask (question) while it waits. */
export function requestBuyerCard(v: RequestCardView): AdaptiveCard {
  const body: unknown[] = [
    text(`Purchase request ${v.ref}${v.overdue ? ' (waiting too long)' : ''}`, { weight: 'bolder', size: 'medium', style: 'heading' }),
    text(`${v.requester} needs ${v.quantity} of ${v.product} at ${v.warehouse} by ${v.neededBy}.`),
    { type: 'FactSet', facts: [
      { title: 'Vendor', value: plainCardText(v.vendor, 200) },
      { title: 'RFQ', value: v.order ? `${v.order.name}${v.order.grouped ? ' (grouped)' : ''}` : 'being written' },
      { title: 'State', value: v.stateWords },
      { title: 'Reason', value: plainCardText(v.reason ?? '(none given)', 500) },
    ] },
    ...(v.attachment ? [text(`Attachment: ${v.attachment}`, { size: 'small' })] : []),
    ...(v.outcome ? [text(v.outcome, { isSubtle: true })] : []),
  ];
  if (!v.actionable) return card(body, v.order ? [{ type: 'Action.OpenUrl', title: `Open ${v.order.name}`, url: v.order.url }] : []);
  body.push({ type: 'Input.Text', id: 'requestText', label: 'Reason to reject, or your question', isMultiline: true, maxLength: 1000 });
  const data = { requestId: v.requestId };
  return card(body, [
    { type: 'Action.Execute', verb: REQUEST_VERBS.send, title: 'Convert to RFQ sent', style: 'positive', data },
    { type: 'Action.Execute', verb: REQUEST_VERBS.ask, title: 'Ask requester', data },
    { type: 'Action.Execute', verb: REQUEST_VERBS.reject, title: 'Reject', style: 'destructive', data },
    ...(v.order ? [{ type: 'Action.OpenUrl', title: `Open ${v.order.name}`, url: v.order.url }] : []),
  ]);
}
