import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { InsightClock } from '../../src/insights/approval-facts.ts';
import { approvalStepFacts, exceptionTransitions } from '../../src/insights/backfill-facts.ts';
import type { AuditLog } from '../../src/ports/audit-log.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';
import { createInsightsRecorder } from './insights-recorder.ts';
import type { RedisFactStore } from './redis-fact-store.ts';

/** Bumped when the backfill learns to record more: every deployment then runs it once more (facts are ids: nothing counts twice). */
export const INSIGHTS_BACKFILL_VERSION = 1;
/** Keys asked of SCAN per round trip: a page of documents is read, recorded, then dropped. */
export const BACKFILL_PAGE = 200;

export interface BackfillDeps {
  redis: Redis;
  prefix: string;
  facts: Pick<RedisFactStore, 'record'>;
  clock: InsightClock;
  odoo: Pick<OdooGateway, 'read'>;
  audit: Pick<AuditLog, 'forOrder'>;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** Recomputes the cached answers once the history is in (the reader's refresh). */
  refresh: () => Promise<number>;
  pageSize?: number;
}

export interface BackfillResult {
  skipped: boolean;
  approvals: number;
  exceptions: number;
  triage: number;
  refreshed: number;
}

export function backfillMarkerKey(prefix: string): string {
  return `${prefix}:insights:backfill:v${INSIGHTS_BACKFILL_VERSION}`;
}

/**
 * Records the facts of what the stores held before the recorder existed: approval requests,
 * tracked exceptions and triage proposals, walked with SCAN a page at a time (never all in memory).
 * Done once per backfill version (a marker key, set only when every record was recorded; a failed
 * run throws and the job is retried). Two runs at once are harmless: facts are sorted-set members
 * named by ids, so recording one twice stores it once.
 */
export async function runInsightsBackfill(deps: BackfillDeps): Promise<BackfillResult> {
  const marker = backfillMarkerKey(deps.prefix);
  if (await deps.redis.exists(marker)) return { skipped: true, approvals: 0, exceptions: 0, triage: 0, refreshed: 0 };
  let failures = 0;
  // the recorder's own Odoo reads (date_approve, a confirmed PO's sending date), with failures counted, not only logged
  const recorder = createInsightsRecorder({ facts: deps.facts, clock: deps.clock, odoo: deps.odoo, logger: deps.logger, now: () => new Date(), onFailed: () => (failures += 1) });
  const approvals = await eachDocument<ApprovalRequest>(deps, `${deps.prefix}:approval:req:*`, async (r) => {
    await recorder.approval(null, r);
    if ((r.stepsDone ?? []).length > 0) await deps.facts.record(approvalStepFacts(r, await deps.audit.forOrder(r.orderId, 1000), deps.clock));
  });
  const exceptions = await eachDocument<TrackedException>(deps, `${deps.prefix}:alerts:exc:*`, async (t) => {
    for (const [before, after] of exceptionTransitions(t)) await recorder.exception(before, after);
  });
  const triage = await eachDocument<TriageProposal>(deps, `${deps.prefix}:triage:proposal:*`, (p) => recorder.triage(null, p));
  if (failures > 0) throw new Error(`control tower backfill: ${failures} record(s) could not be recorded; it runs again`);
  await deps.redis.set(marker, new Date().toISOString());
  const refreshed = await deps.refresh();
  deps.logger.info({ approvals, exceptions, triage, refreshed }, 'control tower history backfilled');
  return { skipped: false, approvals, exceptions, triage, refreshed };
}

/** SCANs the keys matching `pattern` page by page, reads each page's documents in one pipeline, and hands them on one at a time. */
async function eachDocument<T>(deps: BackfillDeps, pattern: string, each: (doc: T) => Promise<void>): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await deps.redis.scan(cursor, 'MATCH', pattern, 'COUNT', deps.pageSize ?? BACKFILL_PAGE);
    cursor = next;
    if (keys.length === 0) continue;
    const p = deps.redis.pipeline();
    for (const k of keys) p.hget(k, 'doc');
    for (const [err, raw] of (await p.exec()) ?? []) {
      if (err) throw err;
      if (typeof raw !== 'string') continue; // expired between SCAN and HGET
      await each(JSON.parse(raw) as T);
      n += 1;
    }
  } while (cursor !== '0');
  return n;
}
