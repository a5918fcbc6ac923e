import type { BehaviourRegistry, ModelBehaviour } from '../orm/behaviour.ts';
import {
  baseAutomationBehaviour,
  irActionsServerBehaviour,
  mailActivityBehaviour,
  mailActivityTypeBehaviour,
  mailMessageBehaviour,
  productBehaviour,
  resPartnerBehaviour,
  stockPickingTypeBehaviour,
  stockWarehouseBehaviour,
} from './misc-behaviours.ts';
import { purchaseOrderBehaviour, purchaseOrderLineBehaviour } from './purchase-order.ts';
import { resUsersBehaviour } from './res-users.ts';
import { backorderWizardBehaviour, stockMoveBehaviour, stockPickingBehaviour } from './stock-picking.ts';
import { accountMoveBehaviour, accountMoveLineBehaviour } from './vendor-bill.ts';

/** The business behaviour of each model that has one; the others are plain ORM models. */
export function behaviourRegistry(): BehaviourRegistry {
  return new Map<string, ModelBehaviour>([
    ['purchase.order', purchaseOrderBehaviour],
    ['purchase.order.line', purchaseOrderLineBehaviour],
    ['stock.picking', stockPickingBehaviour],
    ['stock.move', stockMoveBehaviour],
    ['stock.backorder.confirmation', backorderWizardBehaviour],
    ['account.move', accountMoveBehaviour],
    ['account.move.line', accountMoveLineBehaviour],
    ['res.users', resUsersBehaviour],
    ['res.partner', resPartnerBehaviour],
    ['mail.activity', mailActivityBehaviour],
    ['mail.activity.type', mailActivityTypeBehaviour],
    ['mail.message', mailMessageBehaviour],
    ['base.automation', baseAutomationBehaviour],
    ['ir.actions.server', irActionsServerBehaviour],
    ['stock.warehouse', stockWarehouseBehaviour],
    ['stock.picking.type', stockPickingTypeBehaviour],
    ['product.product', productBehaviour],
  ]);
}
