import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { newChain } from '../../src/approvals/approval-chain.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import { CHAIN_RESTARTED, refreshedRequest } from '../../src/approvals/refresh-request.ts';
import { remindAndEscalate } from '../../src/approvals/remind-and-escalate.ts';
import type { EnqueueOptions, JobQueue } from '../../src/ports/job-queue.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { decisionBy, pendingRequest } from '../support/approval-fixtures.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const POLICY = `
timezone: America/Chicago
working_hours: { mon-fri: "08:00-18:00" }
approvers:
  - { name: Avery Quinn, odoo_login: approver@northgate-supply.example, slack_user_id: U0AVERY }
  - { name: Helen Vargas, odoo_login: hvargas@northgate-supply.example, slack_user_id: U0HELEN }
rules:
  - name: chain
    sequential: true
    levels:
      - { label: Category manager, approvers: [Avery Quinn] }
      - { label: CFO, approvers: [Helen Vargas], above: 10000 }
    notify: { dm: true, channel: "C0APPROVALS" }
    remind_after_business_hours: 4
    max_reminders: 2
`;

/** A JobQueue that keeps what was added, deduplicating by job id as BullMQ does. */
class RecordingQueue implements JobQueue {
  jobs = new Map<string, { queue: string; name: string; data: unknown }>();
  async enqueue(queue: string, name: string, data: unknown, options: EnqueueOptions) {
    if (!this.jobs.has(options.jobId)) this.jobs.set(options.jobId, { queue, name, data });
  }
}

const policy = parsePolicy(POLICY, 'test.yaml');
const rules = policyRules(policy, ['slack']);
const chained = (overrides: Partial<ApprovalRequest>): ApprovalRequest => {
  const base = pendingRequest({ ruleName: 'chain', ...overrides });
  return { ...base, chain: newChain(rules.levelsOf('chain', base.subject)!, base.requestedAt) };
};
const avery = (o = {}) => decisionBy('U0AVERY', { id: 'approve-po-42-v-level-1', odooUserId: 10, at: '2026-11-30T16:00:00.000Z', ...o });
const helen = (o = {}) => decisionBy('U0HELEN', { id: 'approve-po-42-v-level-2', odooUserId: 12, at: '2026-11-30T17:00:00.000Z', ...o });

const prefix = uniquePrefix('chain');
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

describe('claiming the levels of a sequential chain in Redis', () => {
  it('makes one level decision out of many concurrent claims, then moves the wait to the next level', async () => {
    const store = new RedisApprovalStore(redis, `${prefix}-a`);
    const request = chained({ id: 'po-42-v', version: 'v1234' });
    await store.open(request);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claimLevelDecision(request.id, 'v1234', 1, avery({ odooUserId: 100 + i, actor: { platform: 'slack', userId: `U${i}` } }))));
    expect(claims.filter((c) => c.won)).toHaveLength(1);
    expect(claims.filter((c) => !c.won).map((c) => c.why)).toEqual(Array(19).fill('level_moved'));
    const after = await store.get(request.id);
    expect(after?.status).toBe('pending');
    expect(after?.chain?.map((l) => [l.state, l.since])).toEqual([['approved', request.requestedAt], ['waiting', '2026-11-30T16:00:00.000Z']]);
    expect(claims.find((c) => c.won)).toMatchObject({ final: false });
  });

  it('refuses the same Odoo user at a second level, and makes the last level final', async () => {
    const store = new RedisApprovalStore(redis, `${prefix}-b`);
    const request = chained({ id: 'po-43-v', orderId: 43, version: 'v1234' });
    await store.open(request);
    expect(await store.claimLevelDecision(request.id, 'v1234', 2, helen())).toMatchObject({ won: false, why: 'level_moved' });
    expect(await store.claimLevelDecision(request.id, 'v1234', 1, avery())).toMatchObject({ won: true, final: false });
    expect(await store.claimLevelDecision(request.id, 'v1234', 2, helen({ odooUserId: 10 }))).toMatchObject({ won: false, why: 'same_person' });
    expect(await store.claimLevelDecision(request.id, 'old-version', 2, helen())).toMatchObject({ won: false, why: 'stale' });
    const last = await store.claimLevelDecision(request.id, 'v1234', 2, helen());
    expect(last).toMatchObject({ won: true, final: true, request: { status: 'decided', decision: { id: 'approve-po-42-v-level-2' }, writeback: { state: 'queued' } } });
    expect(await store.claimLevelDecision(request.id, 'v1234', 2, helen())).toMatchObject({ won: false, why: 'already_decided' });
  });

  it('restarts the chain at level 1 when the PO changes between levels, recomputing which levels apply', () => {
    const decided = chained({});
    decided.chain = decided.chain!.map((l) => (l.level === 1 ? { ...l, state: 'approved', decision: avery() } : { ...l, state: 'waiting', since: '2026-11-30T16:00:00.000Z' }));
    const smaller = { snapshot: { ...decided.snapshot, amountTotal: 9000 }, subject: { ...decided.subject, amount: 9000 }, waitingSince: null };
    const refreshed = refreshedRequest(decided, smaller, 'v-new', rules, '2026-11-30T18:00:00.000Z');
    expect(refreshed.chain?.map((l) => [l.state, l.decision, l.since])).toEqual([['waiting', null, '2026-11-30T18:00:00.000Z'], ['skipped', null, null]]);
    expect(refreshed.changes).toEqual(['amount: $12,000.00 → $9,000.00', CHAIN_RESTARTED]);
  });
});

describe('reminders of a sequential chain', () => {
  it('reminds only the waiting level, counting from when that level started waiting', async () => {
    const store = new RedisApprovalStore(redis, `${prefix}-r`);
    // Level 1 waited from Monday 09:00 Chicago and was approved at 10:00; level 2 waits since then.
    const request = chained({ id: 'po-44-v', orderId: 44, requestedAt: '2026-11-30T15:00:00.000Z' });
    request.chain = request.chain!.map((l) => (l.level === 1 ? { ...l, state: 'approved', decision: avery() } : { ...l, state: 'waiting', since: '2026-11-30T16:00:00.000Z' }));
    await store.open(request);
    const queue = new RecordingQueue();
    let now = new Date('2026-11-30T19:30:00Z'); // 13:30 local: 4.5 h since the request, 3.5 h at level 2
    const deps = { store, queue, rules, audit: new RedisAuditLog(redis, `${prefix}-r`, 30), now: () => now };
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });

    now = new Date('2026-11-30T20:30:00Z'); // 4.5 h at level 2
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 1, escalated: 0 });
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });
    const sent = [...queue.jobs.values()].filter((j) => j.name === 'send-direct').map((j) => j.data as { to: unknown; text: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual({ chatUser: { platform: 'slack', userId: 'U0HELEN' } });
    expect(sent[0]!.text).toMatch(/^Reminder: P00042 .* has waited 4 business hours at level 2 \(CFO\) for your approval/);
    expect([...queue.jobs.values()].some((j) => j.name === 'approval-post-card')).toBe(false);
  });
});
