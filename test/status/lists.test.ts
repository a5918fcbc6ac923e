import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-summary.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import { toApprover } from '../../src/approvals/resolve-approver.ts';
import { answerQuery } from '../../src/status/answer-query.ts';
import { approversAskedFrom } from '../../src/status/approvers-asked.ts';
import type { StatusAnswer, StatusList } from '../../src/status/status-answer.ts';
import type { StatusDeps } from '../../src/status/status-deps.ts';
import type { Viewer } from '../../src/status/viewer.ts';
import { pending, testPolicy } from './fixtures.ts';

const NOW = new Date();
let odoo: EmbeddedOdoo;
let summary: SeedSummary;
let gateway: OdooAwaitGateway;
const requests = new Map<string, ApprovalRequest>();

function deps(over: Partial<StatusDeps> = {}): StatusDeps {
  const policy = testPolicy();
  return {
    odoo: gateway,
    // The approval store as a plain map: these tests are about ordering, not Redis.
    store: { get: async (id) => requests.get(id) ?? null, openIds: async () => [...requests.keys()], openFor: async (orderId) => [...requests.values()].find((r) => r.orderId === orderId) ?? null },
    audit: { forOrder: async () => [] },
    rules: policyRules(policy, ['slack']),
    approversAsked: approversAskedFrom(policy),
    odooUrl: odoo.url,
    timeZone: 'America/Chicago',
    now: () => NOW,
    pageSize: 3,
    ...over,
  };
}

async function viewer(login: string): Promise<Viewer> {
  const [user] = await gateway.search('user', { domain: [['login', '=', login]] });
  return { chat: { platform: 'slack', userId: 'U0TEST' }, odoo: toApprover(user!) };
}

const list = (a: StatusAnswer): StatusList => {
  if (a.kind !== 'list') throw new Error(`not a list: ${a.kind}`);
  return a.list;
};

beforeAll(async () => {
  odoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void (summary = seedDistribution(store, { seed: 11, scale: 120, now: NOW })) });
  gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000 });
}, 60_000);

afterAll(async () => {
  await odoo?.stop();
});

describe('list queries: most urgent first, paged', () => {
  it('late receipts: the longest late first, pages without overlap, "more" until the last page', async () => {
    const me = await viewer('approver@northgate-supply.example');
    const first = list(await answerQuery({ kind: 'late_receipts', warehouse: null, vendor: null, page: 1 }, me, deps()));
    expect(first.items).toHaveLength(3);
    expect(first.total).toBeGreaterThan(3);
    expect(first.nextCommand).toBe('late page 2');
    const all = [first];
    for (let page = 2; all.at(-1)!.next; page++) all.push(list(await answerQuery(all.at(-1)!.next!, me, deps())));
    const items = all.flatMap((l) => l.items);
    expect(items).toHaveLength(first.total);
    const since = items.map((i) => i.since!.getTime());
    expect(since).toEqual([...since].sort((a, b) => a - b));
    expect(new Set(items.map((i) => i.headline)).size).toBe(items.length);
    expect(all.at(-1)!.next).toBeNull();
    expect(all.at(-1)!.from).toBe((all.length - 1) * 3 + 1);
  });

  it('late receipts at a warehouse and from a vendor narrow the list', async () => {
    const me = await viewer('approver@northgate-supply.example');
    const late = summary.interesting.lateReceipts[0]!;
    const wh = summary.warehouses.find((w) => w.id === late.warehouseId)!;
    const at = list(await answerQuery({ kind: 'late_receipts', warehouse: wh.code, vendor: null, page: 1 }, me, deps({ pageSize: 100 })));
    expect(at.items.length).toBeGreaterThan(0);
    expect(at.items.every((i) => i.headline.includes(` at ${wh.name} `))).toBe(true);
    const unknown = list(await answerQuery({ kind: 'late_receipts', warehouse: 'Atlantis', vendor: null, page: 1 }, me, deps()));
    expect(unknown.items).toEqual([]);
    expect(unknown.emptyText).toMatch(/^I know no warehouse called "Atlantis"\. Your warehouses: .*Joliet DC \(WH\)/);
  });

  it('my approvals: only what the viewer may approve, the longest waiting first', async () => {
    requests.clear();
    requests.set('a', pending({ id: 'a', orderId: 1, requestedAt: '2026-11-23T15:00:00.000Z' }));
    requests.set('b', pending({ id: 'b', orderId: 2, requestedAt: '2026-11-20T15:00:00.000Z' }));
    // Over Avery's 20,000 limit: Daniel can approve it, Avery cannot.
    requests.set('c', pending({ id: 'c', orderId: 3, requestedAt: '2026-11-19T15:00:00.000Z', subject: { ...pending().subject, amount: 50_000 } }));
    requests.set('d', pending({ id: 'd', orderId: 4, status: 'decided' }));
    const avery = list(await answerQuery({ kind: 'my_approvals', page: 1 }, await viewer('approver@northgate-supply.example'), deps()));
    expect(avery.items.map((i) => i.orderId)).toEqual([2, 1]);
    const daniel = list(await answerQuery({ kind: 'my_approvals', page: 1 }, await viewer('dokafor@northgate-supply.example'), deps({ pageSize: 2 })));
    expect(daniel.items.map((i) => i.orderId)).toEqual([3, 2]);
    expect(daniel.next).toEqual({ kind: 'my_approvals', page: 2 });
    expect(daniel.total).toBe(3);
  });

  it('unconfirmed POs: the oldest confirmation first, all older than N days', async () => {
    const me = await viewer('approver@northgate-supply.example');
    const found = list(await answerQuery({ kind: 'unconfirmed', olderThanDays: 2, vendor: null, page: 1 }, me, deps({ pageSize: 100 })));
    expect(found.items.length).toBeGreaterThan(0);
    const since = found.items.map((i) => i.since!.getTime());
    expect(since).toEqual([...since].sort((a, b) => a - b));
    expect(since.every((t) => t < NOW.getTime() - 2 * 86_400_000)).toBe(true);
  });
});

describe('access by company', () => {
  it('a user sees only the POs of the companies their Odoo user belongs to', async () => {
    const usOnly = await viewer('mholt@northgate-supply.example');
    const both = await viewer('approver@northgate-supply.example');
    const all = list(await answerQuery({ kind: 'late_receipts', warehouse: null, vendor: null, page: 1 }, both, deps({ pageSize: 500 })));
    const us = list(await answerQuery({ kind: 'late_receipts', warehouse: null, vendor: null, page: 1 }, usOnly, deps({ pageSize: 500 })));
    expect(all.items.some((i) => i.currency === 'EUR')).toBe(true);
    expect(us.items.every((i) => i.currency === 'USD')).toBe(true);
    expect(us.total).toBeLessThan(all.total);
    const [euPo] = await gateway.search('purchaseOrder', { domain: [['company_id.name', '=', 'Northgate Supply Europe B.V.']], limit: 1 });
    expect(await answerQuery({ kind: 'po_status', ref: euPo!.name }, usOnly, deps())).toEqual({ kind: 'forbidden', ref: euPo!.name, company: 'Northgate Supply Europe B.V.' });
    expect((await answerQuery({ kind: 'po_status', ref: euPo!.name }, both, deps())).kind).toBe('po_status');
    expect(await answerQuery({ kind: 'po_status', ref: 'P99999' }, both, deps())).toEqual({ kind: 'not_found', ref: 'P99999' });
  });
});
