/**
 * Purchase requests in Microsoft Teams, through the same use cases as Slack: plain words in the
 * personal chat answer the form card (product typeahead over `application/search`), Submit is
 * checked by the core (errors come back in the card), the buyer's card arrives in their personal
 * chat and Convert to RFQ sent marks the RFQ sent in the embedded Odoo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn, addDays } from '../../src/delegation/delegation-days.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { cardOfCall } from '../support/teams-harness.ts';
import { TEAMS_USERS } from '../support/teams-harness.ts';
import { postActivity } from '../support/teams-activities.ts';
import { CrossPlatformHarness, personalChat } from './cross-platform-harness.ts';

let h: CrossPlatformHarness;
const WES = personalChat('warehouse');
const WES_CHAT = WES.kind === 'personal' ? WES.conversationId : '';
const BEA = personalChat('bea');
const BEA_CHAT = BEA.kind === 'personal' ? BEA.conversationId : '';

beforeAll(async () => {
  h = await CrossPlatformHarness.start();
  await h.installPersonal('warehouse');
  await h.installPersonal('bea');
}, 120_000);
afterAll(async () => h?.close());

function searchActivity(queryText: string, dataset: string) {
  return {
    type: 'invoke', name: 'application/search', id: `f:search-${queryText}`, channelId: 'msteams', serviceUrl: h.connector.url,
    from: { id: TEAMS_USERS.warehouse.id, name: TEAMS_USERS.warehouse.name, aadObjectId: TEAMS_USERS.warehouse.aadObjectId },
    recipient: { id: '28:procurement-bot-app', name: 'Procurement Bot' },
    conversation: { id: WES_CHAT, conversationType: 'personal', tenantId: 'tenant-0001' }, channelData: { tenant: { id: 'tenant-0001' } },
    value: { queryText, dataset, queryOptions: { skip: 0, top: 15 } },
  };
}

describe('purchase requests in Teams', () => {
  it('files a request from the form card and the buyer sends the RFQ from theirs', async () => {
    const { activityId } = await h.say('warehouse', WES, 'we need 40 cases of gloves for ATL by Friday');
    let reply: ReturnType<typeof h.repliesIn>[number] | undefined;
    await waitFor(() => (reply = h.repliesIn(WES_CHAT).find((c) => c.activityId === activityId)) !== undefined, 15_000, 'the form card');
    const form = cardOfCall(reply!);
    const text = JSON.stringify(form);
    expect(text).toContain('"choices.data":{"type":"Data.Query","dataset":"request.products"}');
    expect(text).toContain('"value":"40"');
    const formId = h.actionData(form, 'request.submit')!.formId as string;

    // The product typeahead: Teams asks, the bot searches Odoo.
    const search = await postActivity(h.bot.url, searchActivity('QG-N400-M', 'request.products'));
    expect(search.status).toBe(200);
    const results = (search.body as { type: string; value: { results: Array<{ title: string; value: string }> } });
    expect(results.type).toBe('application/vnd.microsoft.search.searchResponse');
    const gloves = results.value.results.find((r) => r.title.includes('QG-N400-M'))!;
    expect(gloves).toBeDefined();

    const warehouses = JSON.stringify(form).match(/"title":"Atlanta DC \(ATL\)","value":"(\d+)"/);
    const base = { formId, productId: gloves.value, warehouseId: warehouses![1], neededBy: addDays(dayIn(new Date(), 'America/Chicago'), 5), reason: 'Flu season' };
    // Refused in the card, nothing filed.
    const refused = await h.act('warehouse', WES, { conversationId: WES_CHAT, activityId: reply!.createdId ?? 'form' }, 'request.submit', { ...base, quantity: '0' });
    expect(JSON.stringify(refused.body)).toContain('The quantity must be more than 0.');
    expect(await h.bot.requests.store.forRequester('warehouse@northgate-supply.example')).toHaveLength(0);

    // The home card's Request purchase button answers with an empty form in the card's place.
    const fromHome = await h.act('warehouse', WES, { conversationId: WES_CHAT, activityId: 'home-card' }, 'request.open', {});
    const homeForm = JSON.stringify(fromHome.body);
    expect(homeForm).toContain('request.submit');
    expect(homeForm).toContain('"dataset":"request.products"');
    expect(homeForm).not.toContain('"value":"40"');

    const filed = await h.act('warehouse', WES, { conversationId: WES_CHAT, activityId: reply!.createdId ?? 'form' }, 'request.submit', { ...base, quantity: '40' });
    expect(JSON.stringify(filed.body)).toMatch(/Request REQ-[0-9A-F]{8} filed/);
    // Submitted again (a retry): the same request.
    await h.act('warehouse', WES, { conversationId: WES_CHAT, activityId: reply!.createdId ?? 'form' }, 'request.submit', { ...base, quantity: '40' });
    await waitFor(async () => (await h.bot.requests.store.forRequester('warehouse@northgate-supply.example'))[0]?.state === 'requested', 20_000, 'the RFQ line');
    const requests = await h.bot.requests.store.forRequester('warehouse@northgate-supply.example');
    expect(requests).toHaveLength(1);
    const request = requests[0]!;

    const card = await h.waitForTeamsCard(BEA_CHAT, request.ref);
    // The requester by their Odoo name (warehouse@ is Casey Morgan in Odoo).
    expect(JSON.stringify(h.teamsCard(card))).toContain('Casey Morgan');
    const send = await h.act('bea', BEA, card, 'request.send', h.actionData(h.teamsCard(card), 'request.send')!);
    expect(send.status).toBe(200);
    await h.waitForTeamsCardText(card, /RFQ sent to/);
    expect(await h.admin.readState(request.order!.id)).toBe('sent');
    await waitFor(() => h.textsTo('warehouse').some((t) => t.includes(`sent RFQ ${request.order!.name}`)), 15_000, 'the requester to be told');
  }, 90_000);
});
