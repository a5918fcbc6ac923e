import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_DIGEST_JOB } from '../../src/insights/digest/post-weekly-digest.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// The wiring in the running bot (demo mode): the policy's digest: section schedules the job on
// scan, and the job posts to the local workspace's channel with the measures' real reader.
let bot: TestBot;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-policy-'));
  const policy = join(dir, 'policy.yaml');
  const example = readFileSync(join(PROJECT_ROOT, 'policy.example.yaml'), 'utf8');
  writeFileSync(policy, `${example}\ndigest:\n  channel: "#po-approvals"\n  day: wednesday\n  time: "07:15"\n  time_zone: Europe/Brussels\n`);
  bot = await startTestBot({ POLICY_FILE: policy });
}, 60_000);
afterAll(async () => bot?.close());

describe('the weekly digest in the running bot', () => {
  it('is scheduled from the policy and posts to the channel once', async () => {
    expect(await bot.queues.scan.getJobScheduler(WEEKLY_DIGEST_JOB)).toMatchObject({ pattern: '15 7 * * 3', tz: 'Europe/Brussels' });
    const store = bot.workspace!.store;
    const digests = async () => (await store.messages('C0POAPPROVALS', 'U0JORDAN')).filter((m) => String(m.text).startsWith('Procurement this week'));
    await bot.queues.scan.add(WEEKLY_DIGEST_JOB, {}, { jobId: 'digest-now-1' });
    await waitFor(async () => (await digests()).length > 0, 30_000, 'the weekly digest in #po-approvals');
    const [digest] = await digests();
    const blocks = JSON.stringify(digest!.blocks);
    expect(blocks).toContain('Since the week before');
    expect(blocks).toMatch(new RegExp(`"image_url":"${bot.url!.replace(/[.]/g, '\\.')}/charts/[^"]+\\.png"`));
    expect(blocks).toContain(`${bot.url}/workspace/insights|Insights`);
    // A second run the same week (a retry, another worker) posts nothing more.
    const again = await bot.queues.scan.add(WEEKLY_DIGEST_JOB, {}, { jobId: 'digest-now-2' });
    await waitFor(async () => (await again.getState()) === 'completed', 30_000, 'the second digest job');
    expect(await digests()).toHaveLength(1);
  }, 60_000);
});
