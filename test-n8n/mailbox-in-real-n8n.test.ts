import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../test/support/spawn-bot.ts';
import { HMAC_SECRET, TriageHarness, USERS } from '../test/triage-e2e/triage-harness.ts';
import { Dovecot } from './support/dovecot.ts';
import { freePort, N8n } from './support/n8n-cli.ts';

const BUYER_DM = `D${USERS.buyer.id.slice(1)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let h: TriageHarness;
let imap: Dovecot;
let n8n: N8n;

beforeAll(async () => {
  if (!Dovecot.available()) throw new Error('the mailbox flow needs an IMAP server: apt-get install dovecot-imapd (npm run test:n8n installs it when run as root)');
  h = await TriageHarness.start();
  imap = new Dovecot();
  await imap.start();
  n8n = new N8n(await freePort());
}, 120_000);
afterAll(async () => {
  await n8n?.close();
  await imap?.close();
  await h?.close();
});

describe('the mailbox workflow in a real n8n, reading a real IMAP mailbox', () => {
  it('imports as is with its credential, posts each new email signed, and the buyer gets one triage card per email', async () => {
    const po = await h.createConfirmedPo({ lines: 1 });
    const eta = day(9);
    h.openai.reply({ kind: 'json', content: { category: 'delay', summary: `${po.name} is delayed; new ship date ${eta}.`, new_eta: eta, confirmed_date: null, quantities: null, price_change_pct: null, confidence: 0.9, evidence: `will now ship on ${eta}`, injection_suspected: false } });
    // What the workflow's README says to create and change: the IMAP credential by its name, the
    // bot's URL and the HMAC secret. The credential is imported with the CLI (n8n encrypts it).
    await n8n.importCredentials([{ id: 'imapCred00000001', name: 'Supplier mailbox (IMAP)', type: 'imap', data: { user: imap.user, password: imap.password, host: '127.0.0.1', port: imap.port, secure: false, allowUnauthorizedCerts: true } }]);
    const w = N8n.shipped('mailbox-to-supplier-email.json');
    w.id = 'mailboxE2E000001';
    for (const n of w.nodes) {
      if (n.name === 'POST to the bot') n.parameters.url = `${h.url}/webhooks/supplier-email`;
      if (n.name === 'Sign (HMAC-SHA256)') n.parameters.secret = HMAC_SECRET;
    }
    await n8n.importAndPublish(w);
    imap.deliver([
      `From: Sales <sales@vendor-${po.id}.example>`, `To: ${imap.user}`, `Subject: Update on ${po.name}`,
      `Message-ID: <mailbox-${po.id}@vendor.example>`, `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '',
      `Hello, ${po.name} will now ship on ${eta} instead. Regards, Sales`, '',
    ].join('\n'));
    await n8n.start();
    const cardsOfPo = () => h.slack.callsOf('chat.postMessage').filter((c) => c.response?.ok && JSON.stringify(c.body).includes(po.name) && JSON.stringify(c.body).includes('triage_'));
    await waitFor(() => cardsOfPo().length > 0, 90_000, `the triage card of ${po.name} (n8n log: ${n8n.log().slice(-1500)})`);
    const card = await h.waitForCard(po.name, BUYER_DM);
    expect(h.cardText(card)).toContain(po.name);
    // The email is marked read after posting: n8n's next poll does not send it again, and a second
    // post of the same Message-ID would be a duplicate for the bot anyway. One card only.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(cardsOfPo()).toHaveLength(1);
  });
});
