import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventsSection } from '../../adapters/events/read-events-section.ts';
import { startFakeEventSubscriber, type FakeEventSubscriber } from '../fakes/fake-event-subscriber.ts';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';

const SECRET = 'e2e-events-secret-0123456789';
const SECRET_ENV = `CHATOPS_TEST_EVENTS_SECRET_${process.pid}`;

let h: ApprovalHarness;
let sub: FakeEventSubscriber;
let dir: string;

beforeAll(async () => {
  sub = await startFakeEventSubscriber(SECRET);
  process.env[SECRET_ENV] = SECRET;
  dir = mkdtempSync(join(tmpdir(), 'events-policy-'));
  const policy = `${readFileSync(resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), 'utf8')}
events:
  subscribers:
    - name: n8n
      url: ${sub.url}
      types: [approval.requested, approval.decided, approval.written]
      secret_env: ${SECRET_ENV}
`;
  writeFileSync(join(dir, 'policy.yaml'), policy);
  h = await startApprovalHarness({ POLICY_FILE: join(dir, 'policy.yaml') });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await sub?.close();
  delete process.env[SECRET_ENV];
  rmSync(dir, { recursive: true, force: true });
});

describe('outbound events from a real approval', () => {
  it('tells the subscriber requested, decided (who, card version) and written, in order, each once, signed', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'approve');
    await h.click('avery', card, 'approve'); // a double click: still one decision, one event
    await h.waitForCardText(card, /written to Odoo/i, 30_000);
    const ofPo = () => sub.received.filter((r) => r.event.subject.id === po.id);
    await waitFor(() => ofPo().length >= 3, 30_000, 'three events for the PO');
    await new Promise((r) => setTimeout(r, 500));
    const events = ofPo().map((r) => r.event);
    expect(events.map((e) => e.type)).toEqual(['approval.requested', 'approval.decided', 'approval.written']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(ofPo().every((r) => r.signatureProblem === null)).toBe(true);
    const decided = events[1]!;
    expect(decided.subject).toEqual({ model: 'purchase.order', id: po.id, name: po.name });
    expect(decided.data).toMatchObject({ action: 'approve', source: 'chat', on_behalf_of: null, by: { name: 'Avery Quinn', platform: 'slack' } });
    expect(typeof decided.data.card_version).toBe('string');
  }, 60_000);

  it('refuses to start when the policy names a secret that is not set, with file:line', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(dir, 'policy.yaml'), 'utf8').replace(SECRET_ENV, 'CHATOPS_NOT_SET_ANYWHERE'));
    // What start-up reads before it starts anything (adapters/runtime/start-bot.ts).
    await expect(readEventsSection({ policyFile: bad, demoMode: false })).rejects.toThrow(/bad\.yaml:\d+:\d+: events\.subscribers\[0\]\.secret_env names an environment variable that is not set/);
  });
});
