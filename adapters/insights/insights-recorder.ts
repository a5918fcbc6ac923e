import type { Logger } from 'pino';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { approvalFacts, decidedOf, type InsightClock } from '../../src/insights/approval-facts.ts';
import { exceptionFacts } from '../../src/insights/exception-facts.ts';
import { factKey, type InsightFact } from '../../src/insights/insight-fact.ts';
import { weekOf } from '../../src/insights/insight-week.ts';
import { triageFacts } from '../../src/insights/triage-facts.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';
import type { RedisFactStore } from './redis-fact-store.ts';

/**
 * Records the control tower's facts as the stores change (called by the store wrappers of
 * adapters/events after each stored transition). Recording never changes the outcome of what was
 * stored: a failure is logged and counted, and the measures miss that one fact.
 */
export interface InsightsRecorder {
  approval(before: ApprovalRequest | null, after: ApprovalRequest): Promise<void>;
  exception(before: TrackedException | null, after: TrackedException | null): Promise<void>;
  triage(before: TriageProposal | null, after: TriageProposal | null): Promise<void>;
  /** The vendor confirmed a PO (a supplier event, or an email confirmed in chat) at `at`. */
  vendorConfirmed(orderId: number, at: string): Promise<void>;
}

export interface RecorderDeps {
  facts: Pick<RedisFactStore, 'record'>;
  clock: InsightClock;
  /** Reads a confirmed PO's sending date and vendor (one record per confirmation). */
  odoo: Pick<OdooGateway, 'read'>;
  logger: Pick<Logger, 'warn'>;
  now: () => Date;
  onFailed?: () => void;
}

export function createInsightsRecorder(deps: RecorderDeps): InsightsRecorder {
  const record = async (what: string, make: () => InsightFact[] | Promise<InsightFact[]>) => {
    try {
      await deps.facts.record(await make());
    } catch (err) {
      deps.onFailed?.();
      deps.logger.warn({ err: String(err), what }, 'could not record a control tower fact; what was stored stands');
    }
  };
  const confirmed = async (orderId: number, at: string): Promise<InsightFact[]> => {
    const [order] = await deps.odoo.read('purchaseOrder', [orderId]);
    if (!order?.dateApprove || !order.partner) return [];
    const hours = Math.max(0, deps.clock.hoursBetween(order.dateApprove, new Date(at)));
    return [{ key: factKey('sup', 'confirm', weekOf(order.dateApprove, deps.clock.timeZone), order.partner.id), member: String(orderId), score: hours }];
  };
  return {
    approval: (before, after) =>
      record(`approval ${after.id}`, async () => {
        // approved in Odoo: Odoo's date_approve is when (one read, once per request)
        const inOdoo = after.elsewhere?.outcome === 'approved' && !after.decision && !(before && decidedOf(before));
        const approvedAt = inOdoo ? (await deps.odoo.read('purchaseOrder', [after.orderId]))[0]?.dateApprove?.toISOString() ?? null : null;
        return approvalFacts(before, after, deps.clock, deps.now(), approvedAt);
      }),
    exception: (before, after) => record(`exception ${after?.key ?? ''}`, () => exceptionFacts(before, after, deps.clock)),
    triage: (before, after) =>
      record(`triage ${after?.id ?? ''}`, async () => {
        const { facts, confirmation } = triageFacts(before, after, deps.clock);
        return confirmation ? [...facts, ...(await confirmed(confirmation.orderId, confirmation.at))] : facts;
      }),
    vendorConfirmed: (orderId, at) => record(`vendor confirmation ${orderId}`, () => confirmed(orderId, at)),
  };
}
