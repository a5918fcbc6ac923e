import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import { remindAndEscalate } from '../../src/approvals/remind-and-escalate.ts';
import type { EnqueueOptions, JobQueue } from '../../src/ports/job-queue.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { pendingRequest } from '../support/approval-fixtures.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const POLICY = `
timezone: America/Chicago
working_hours: { mon-fri: "08:00-18:00" }
approvers:
  - { name: Avery Quinn, odoo_login: approver@northgate-supply.example, slack_user_id: U0AVERY }
  - { name: Helen Vargas, odoo_login: hvargas@northgate-supply.example }
rules:
  - name: two-levels
    levels:
      - { approvers: [Avery Quinn], escalate_after_business_hours: 8 }
      - { approvers: [Helen Vargas] }
    notify: { dm: true, channel: "C0APPROVALS" }
    remind_after_business_hours: 4
`;

/** A JobQueue that keeps what was added, deduplicating by job id as BullMQ does. */
class RecordingQueue implements JobQueue {
  jobs = new Map<string, { queue: string; name: string; data: unknown }>();
  async enqueue(queue: string, name: string, data: unknown, options: EnqueueOptions) {
    if (!this.jobs.has(options.jobId)) this.jobs.set(options.jobId, { queue, name, data });
  }
}

const prefix = uniquePrefix('remind');
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  await deleteKeys(testRedisUrl(), `${prefix}-decided`);
  redis.disconnect();
});

describe('reminders and escalation in business hours', () => {
  it('reminds after 4 business hours, escalates after 8, each once, and skips the night', async () => {
    const store = new RedisApprovalStore(redis, prefix);
    const rules = policyRules(parsePolicy(POLICY, 'test.yaml'), ['slack']);
    // Monday 2026-11-30 09:00 in Chicago (15:00 UTC).
    await store.open(pendingRequest({ orderId: 501, id: 'po-501-v1', ruleName: 'two-levels', requestedAt: '2026-11-30T15:00:00.000Z' }));
    const queue = new RecordingQueue();
    let now = new Date('2026-11-30T18:00:00Z'); // 12:00 local: 3 business hours
    const deps = { store, queue, rules, audit: new RedisAuditLog(redis, prefix, 30), now: () => now };

    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });
    now = new Date('2026-11-30T19:30:00Z'); // 13:30 local: 4.5 business hours
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 1, escalated: 0 });
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });
    const reminders = [...queue.jobs.values()].filter((j) => j.name === 'send-direct');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.data).toMatchObject({ to: { chatUser: { platform: 'slack', userId: 'U0AVERY' } } });
    expect(String((reminders[0]!.data as { text: string }).text)).toMatch(/^Reminder: P00042 .* has waited 4 business hours for approval/);

    now = new Date('2026-12-01T14:30:00Z'); // Tuesday 08:30 local: 9.5 business hours, the night skipped
    const second = await remindAndEscalate(deps);
    expect(second.escalated).toBe(1);
    const posted = [...queue.jobs.values()].filter((j) => j.name === 'approval-post-card').map((j) => (j.data as { target: unknown }).target);
    expect(posted).toContainEqual({ kind: 'odoo-user', platform: 'slack', login: 'hvargas@northgate-supply.example' });
    expect((await store.get('po-501-v1'))?.targets).toContainEqual({ kind: 'odoo-user', platform: 'slack', login: 'hvargas@northgate-supply.example' });
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });
  });

  it('does nothing for a request that was decided', async () => {
    const store = new RedisApprovalStore(redis, `${prefix}-decided`);
    const rules = policyRules(parsePolicy(POLICY, 'test.yaml'), ['slack']);
    await store.open(pendingRequest({ orderId: 502, id: 'po-502-v1', ruleName: 'two-levels', requestedAt: '2026-11-30T15:00:00.000Z', status: 'decided' }));
    const queue = new RecordingQueue();
    const deps = { store, queue, rules, audit: new RedisAuditLog(redis, prefix, 30), now: () => new Date('2026-12-02T15:00:00Z') };
    expect(await remindAndEscalate(deps)).toEqual({ reminded: 0, escalated: 0 });
    expect(queue.jobs.size).toBe(0);
  });
});
