import type { Metrics } from '../../http/metrics.ts';
import type { BullQueues } from '../../queue/bullmq-queues.ts';
import type { RedisApprovalStore } from '../../store/redis-approval-store.ts';

export interface QueueRow {
  name: string;
  counts: Record<string, number>;
  failed: Array<{ id: string; name: string; reason: string; attempts: number; failedAt: string | null }>;
}

export interface OpenApprovalRow {
  requestId: string;
  orderId: number;
  orderName: string;
  vendor: string;
  amount: number;
  currency: string;
  rule: string;
  status: string;
  writeback: string | null;
  requestedAt: string;
  ageMinutes: number;
}

export interface OpsData {
  at: string;
  queues: QueueRow[];
  /** Clicks and webhooks taken in and not yet in their queue (chatops_intake_backlog); null when not measured. */
  intakeBacklog: number | null;
  approvals: OpenApprovalRow[];
  webhooks: Array<{ source: string; outcome: string; count: number }>;
  /** Open exceptions by type, state and age bucket (chatops_alert_open). */
  exceptions: Array<{ type: string; state: string; age: string; count: number }>;
  /** Share of proposals confirmed unchanged, by kind, category and provider (chatops_triage_agreement_ratio). */
  agreement: Array<{ kind: string; category: string; provider: string; ratio: number }>;
  /** Redis and Odoo as /readyz sees them (chatops_dependency_up): Odoo down is shown, not fatal. */
  dependencies: Array<{ name: string; up: boolean; required: boolean }>;
}

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const FAILED_SHOWN = 20;

/**
 * The operations picture from the sources /metrics reads: the BullMQ queues and the approval
 * store in Redis (shared by every process), and this process's webhook counter (a prom-client
 * counter, so per web process, as on /metrics).
 */
export async function readOpsData(deps: { queues: BullQueues; store: RedisApprovalStore; metrics: Metrics; now: () => Date }): Promise<OpsData> {
  const now = deps.now();
  const queues = await Promise.all(
    Object.entries(deps.queues).map(async ([name, queue]): Promise<QueueRow> => {
      const counts = await queue.getJobCounts(...STATES);
      const failed = await queue.getFailed(0, FAILED_SHOWN - 1);
      return {
        name,
        counts: Object.fromEntries(STATES.map((s) => [s, counts[s] ?? 0])),
        failed: failed.filter((j) => j?.id).map((j) => ({ id: j.id!, name: j.name, reason: j.failedReason ?? '', attempts: j.attemptsMade, failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null })),
      };
    }),
  );
  const requests = await Promise.all((await deps.store.openIds()).map((id) => deps.store.get(id)));
  const approvals = requests
    .filter((r) => r !== null)
    .map((r) => ({
      requestId: r.id,
      orderId: r.orderId,
      orderName: r.snapshot.orderName,
      vendor: r.snapshot.vendorName,
      amount: r.snapshot.amountTotal,
      currency: r.snapshot.currency,
      rule: r.ruleName,
      status: r.status,
      writeback: r.writeback?.state ?? null,
      requestedAt: r.requestedAt,
      ageMinutes: Math.max(0, Math.floor((now.getTime() - new Date(r.requestedAt).getTime()) / 60_000)),
    }))
    .sort((a, b) => b.ageMinutes - a.ageMinutes);
  const counter = await deps.metrics.webhookRequests.get();
  const webhooks = counter.values.map((v) => ({ source: String(v.labels.source ?? ''), outcome: String(v.labels.outcome ?? ''), count: v.value }));
  // The alert and triage gauges collect from Redis on read, as a /metrics scrape does.
  const gauge = async (name: string) => (await deps.metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  const exceptions = (await gauge('chatops_alert_open'))
    .filter((v) => v.value > 0)
    .map((v) => ({ type: String(v.labels.type ?? ''), state: String(v.labels.state ?? ''), age: String(v.labels.age ?? ''), count: v.value }))
    .sort((a, b) => a.type.localeCompare(b.type) || b.count - a.count);
  const agreement = (await gauge('chatops_triage_agreement_ratio')).map((v) => ({
    kind: String(v.labels.kind ?? ''), category: String(v.labels.category ?? ''), provider: String(v.labels.provider ?? ''), ratio: v.value,
  }));
  const dependencies = (await gauge('chatops_dependency_up')).map((v) => ({ name: String(v.labels.dependency ?? ''), up: v.value === 1, required: v.labels.required === 'true' }));
  const intakeBacklog = (await gauge('chatops_intake_backlog'))[0]?.value ?? null;
  return { at: now.toISOString(), queues, intakeBacklog, approvals, webhooks, exceptions, agreement, dependencies };
}
