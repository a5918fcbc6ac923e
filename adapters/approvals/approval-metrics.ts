import { Gauge, Histogram, type Registry } from 'prom-client';
import type { ApprovalObserver } from '../../src/approvals/approval-observer.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { ApprovalRules } from '../../src/approvals/approval-rules.ts';
import { levelWaiting } from '../../src/approvals/level-waiting.ts';
import type { ApprovalStore } from '../../src/ports/approval-store.ts';

/** Business hours: an hour up to a working week and then some (a level waiting 2 weeks is off the scale anyway). */
const WAIT_BUCKETS = [0.25, 0.5, 1, 2, 4, 8, 16, 24, 40, 80];

export interface ApprovalMetricsDeps {
  store: Pick<ApprovalStore, 'openIds' | 'get'>;
  rules: Pick<ApprovalRules, 'businessHours'>;
  /** Who a request's waiting level asks, by their names in the policy (bounded: never chat ids or logins). */
  approversAsked: (request: ApprovalRequest) => string[];
  now: () => Date;
}

/**
 * Approval aging on /metrics, on the registry the app passes (createMetrics().registry). Read
 * from Redis at scrape time, so every process shows the same numbers: per rule and level, the
 * oldest wait and the open count; per approver (as the policy names them), the business hours
 * open requests have waited on them. The histogram of level waits is fed as levels are decided
 * (in the process that decided them). Labels come from the policy only: rule, level number,
 * approver name.
 */
export function registerApprovalMetrics(registry: Registry, deps: ApprovalMetricsDeps): ApprovalObserver {
  const decidedAfter = new Histogram({
    name: 'chatops_approval_level_wait_business_hours',
    help: 'Business hours a level waited before it was decided, by rule and level (1 for single-level rules)',
    labelNames: ['rule', 'level'] as const,
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  // One scrape reads Redis once for its three gauges: a read younger than a second is reused.
  let snapshot: { at: number; waiting: Promise<Waiting[]> } | null = null;
  const waitingNow = () => {
    const at = Date.now();
    if (!snapshot || at - snapshot.at > 1000) snapshot = { at, waiting: readWaiting(deps) };
    return snapshot.waiting;
  };
  new Gauge({
    name: 'chatops_approval_level_waiting_business_hours',
    help: 'The oldest open approval at each rule and level: business hours its current level has waited',
    labelNames: ['rule', 'level'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const oldest = new Map<string, { rule: string; level: string; hours: number }>();
      for (const w of await waitingNow()) {
        const key = `${w.rule}|${w.level}`;
        if ((oldest.get(key)?.hours ?? -1) < w.hours) oldest.set(key, { rule: w.rule, level: w.level, hours: w.hours });
      }
      for (const o of oldest.values()) this.set({ rule: o.rule, level: o.level }, round(o.hours));
    },
  });
  new Gauge({
    name: 'chatops_approval_level_open_requests',
    help: 'Open approvals waiting at each rule and level',
    labelNames: ['rule', 'level'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const w of await waitingNow()) this.inc({ rule: w.rule, level: w.level });
    },
  });
  new Gauge({
    name: 'chatops_approval_waiting_on_person_business_hours',
    help: 'Business hours open approvals have waited on each approver their current level asks (summed over requests)',
    labelNames: ['approver'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const total = new Map<string, number>();
      for (const w of await waitingNow()) for (const name of w.approvers) total.set(name, (total.get(name) ?? 0) + w.hours);
      for (const [approver, hours] of total) this.set({ approver }, round(hours));
    },
  });
  return {
    levelDecided: ({ ruleName, level, hoursWaited }) => decidedAfter.observe({ rule: ruleName, level: String(level) }, hoursWaited),
  };
}

interface Waiting {
  rule: string;
  level: string;
  hours: number;
  approvers: string[];
}

async function readWaiting(deps: ApprovalMetricsDeps): Promise<Waiting[]> {
  const now = deps.now();
  const requests = await Promise.all((await deps.store.openIds()).map((id) => deps.store.get(id)));
  const out: Waiting[] = [];
  for (const r of requests) {
    const waiting = r ? levelWaiting(r) : null;
    if (!r || !waiting) continue;
    out.push({ rule: r.ruleName, level: String(waiting.level), hours: deps.rules.businessHours(r.ruleName, waiting.since, now), approvers: deps.approversAsked(r) });
  }
  return out;
}

const round = (hours: number) => Math.round(hours * 100) / 100;
