import type { ChangeCursor } from '../ports/odoo-gateway.ts';
import type { CursorStore } from '../ports/cursor-store.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { OdooRecordChanged } from '../intake/odoo-webhook-event.ts';
import { lastOdooActor } from './last-odoo-actor.ts';
import { markDecidedElsewhere } from './mark-decided-elsewhere.ts';
import { requestApproval, type RequestApprovalDeps } from './request-approval.ts';

export interface ReconcileDeps extends RequestApprovalDeps {
  cursors: CursorStore;
  odoo: OdooGateway;
}

const CURSOR = 'approvals-waiting';

/**
 * A purchase order changed in Odoo (webhook or scan): waiting for approval -> make sure there is
 * a request; left `to approve` while a request was pending here -> it was decided in Odoo, so
 * the cards drop their buttons and say so.
 */
export async function onPurchaseOrderChanged(change: Pick<OdooRecordChanged, 'id'>, deps: ReconcileDeps): Promise<string> {
  const open = await deps.store.openFor(change.id);
  const state = await deps.odoo.readState(change.id);
  if (state === 'to approve') return requestApproval(change.id, deps);
  if (open && open.status === 'pending') {
    const by = state ? await lastOdooActor(deps.odoo, change.id) : null;
    return (await markDecidedElsewhere(open.id, state, deps, by)) ? 'decided_elsewhere' : 'unchanged';
  }
  return 'not_waiting';
}

/**
 * The reconciliation scan (a job scheduler runs it every few minutes): every PO waiting for
 * approval that changed since the cursor gets its request (webhooks can be lost: Odoo sends each
 * once, with a one-second timeout), and every open request whose PO left `to approve` is closed.
 */
export async function reconcileApprovals(deps: ReconcileDeps): Promise<{ seen: number; requested: number; closed: number }> {
  let seen = 0;
  let requested = 0;
  let closed = 0;
  const since = await deps.cursors.get<ChangeCursor>(CURSOR);
  for await (const page of deps.odoo.scanChanges('purchaseOrder', { since, domain: [['state', '=', 'to approve']], pageSize: 200 })) {
    for (const order of page.records) {
      seen += 1;
      if ((await requestApproval(order.id, deps)) === 'requested') requested += 1;
    }
    await deps.cursors.set(CURSOR, page.cursor);
  }
  const openIds = await deps.store.openIds();
  const open = (await Promise.all(openIds.map((id) => deps.store.get(id)))).filter((r) => r !== null && r.status === 'pending');
  if (open.length) {
    const orders = await deps.odoo.read('purchaseOrder', open.map((r) => r!.orderId));
    const stateOf = new Map(orders.map((o) => [o.id, o.state]));
    for (const r of open) {
      const state = stateOf.get(r!.orderId) ?? null;
      if (state === 'to approve') continue;
      const by = state ? await lastOdooActor(deps.odoo, r!.orderId) : null;
      if (await markDecidedElsewhere(r!.id, state, deps, by)) closed += 1;
    }
  }
  return { seen, requested, closed };
}
