import type { RequestFormData } from '../../src/requests/open-request-form.ts';
import type { RequestCardView } from '../../src/requests/request-card-view.ts';
import { INJECTION, longText } from './extreme-views.ts';

/** The purchase-request form's data and the buyer card's views, in every state, plus hostile ones. */
export const REQUEST_FORM_DATA: RequestFormData = {
  warehouses: [{ id: 1, name: 'Joliet DC', code: 'WH' }, { id: 2, name: 'Atlanta DC', code: 'ATL' }],
  units: [{ id: 1, name: 'Units' }, { id: 2, name: 'Dozens' }],
  prefill: { product: { id: 9, label: '[QG-N400-M] Nitrile Exam Gloves QG-N400 Blue M (10x100/ctn)' }, quantity: '40', warehouseId: 2, neededBy: '2026-12-11', reason: null },
};

const base: RequestCardView = {
  requestId: '5c0e83901ec08305b1e159e2dc30965b', ref: 'REQ-5C0E8390', state: 'requested', stateWords: 'requested', requester: 'Casey Morgan',
  product: '[QG-N400-M] Nitrile Exam Gloves QG-N400 Blue M (10x100/ctn)', quantity: '40 Units', warehouse: 'Atlanta DC (ATL)', neededBy: '2026-12-11',
  vendor: 'Quanta Gloves Sdn Bhd', reason: 'Flu season: glove use doubled', attachment: 'https://files.example/quote.pdf',
  order: { name: 'P00483', url: 'http://odoo.example/odoo/action-purchase.purchase_rfq/483', grouped: false }, outcome: null, actionable: true, overdue: false,
};

export function allRequestCardViews(): Record<string, RequestCardView> {
  return {
    requested: base,
    overdue: { ...base, overdue: true },
    'rfq sent': { ...base, state: 'rfq_sent', stateWords: 'RFQ sent', actionable: false, outcome: 'RFQ sent to Quanta Gloves Sdn Bhd by Jordan Blake' },
    rejected: { ...base, state: 'rejected', stateWords: 'rejected', actionable: false, outcome: 'Rejected by Jordan Blake: we have 200 in Joliet' },
    'request hostile and long': { ...base, requester: `${INJECTION} ${longText(300)}`, product: longText(600), reason: `${INJECTION} ${longText(1_000)}`, vendor: longText(300) },
  };
}
