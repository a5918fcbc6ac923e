import { describe, expect, it } from 'vitest';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { renderApprovalDetails } from '../../adapters/slack/blocks/approval-details.ts';
import { renderExceptionMessage } from '../../adapters/slack/blocks/exception-message.ts';
import { renderStatusAnswer } from '../../adapters/slack/blocks/status-answer.ts';
import { renderTriageCard } from '../../adapters/slack/blocks/triage-card.ts';
import { approvalAdaptiveCard, approvalDetailsCards } from '../../adapters/teams/cards/approval-card.ts';
import { exceptionAdaptiveCard } from '../../adapters/teams/cards/exception-card.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import { triageAdaptiveCard } from '../../adapters/teams/cards/triage-card.ts';
import { adaptiveCardEvents } from './adaptive-card-events.ts';
import { blockKitLimitViolations } from './block-kit-limits.ts';
import { everySlackSurface, everyTeamsCard } from './every-card.ts';
import { extremeApprovalViews, extremeDetailsView, extremeExceptionViews, extremeStatusAnswers, extremeTriageViews, INJECTION } from './extreme-views.ts';

type Json = Record<string, unknown>;
const long = extremeApprovalViews();
const url = long['reason-3000']!.odooUrl;
/** Every string in a card or blocks, wherever it sits. */
const strings = (node: unknown, out: string[] = []): string[] => {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === 'object') Object.values(node as Json).forEach((v) => strings(v, out));
  return out;
};
const mrkdwnTexts = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => mrkdwnTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach((v) => mrkdwnTexts(v, out));
  }
  return out;
};
const teamsLink = (u: string) => `… [full text in Odoo](${u})`;
const slackLink = (u: string) => `… <${u}|full text in Odoo>`;

describe('long content: cut with "…" and a link to the whole record in Odoo, inside every limit', () => {
  it('a reason of 3,000 characters: the card shows what fits, then the link (Teams 2,000, Slack 2,800 characters)', () => {
    const teams = strings(approvalAdaptiveCard(long['reason-3000']!, null)).find((s) => s.startsWith('**Needs approval because**'))!;
    expect(teams.endsWith(teamsLink(url))).toBe(true);
    const slack = strings(renderApprovalCard(long['reason-3000']!).blocks).find((s) => s.startsWith('*Needs approval because*'))!;
    expect(slack.endsWith(slackLink(url))).toBe(true);
    expect(slack.length).toBeLessThanOrEqual(3_000);
    expect(slack).toContain('Reason Lorem ipsum');
  });

  it('a rejection reason of 3,000 characters in the status line, on both platforms', () => {
    const view = long['rejected-reason-3000']!;
    expect(strings(approvalAdaptiveCard(view, null)).some((s) => s.includes('**Reason:**') && s.endsWith(teamsLink(url)))).toBe(true);
    expect(strings(renderApprovalCard(view).blocks).some((s) => s.includes('*Reason:*') && s.endsWith(slackLink(url)))).toBe(true);
  });

  it('a vendor name of 1,000 characters: the heading is cut to 150, the vendor fact ends in the link', () => {
    const view = long['vendor-1000']!;
    const teams = approvalAdaptiveCard(view, null);
    const heading = (teams.body[0] as Json).text as string;
    expect([...heading].length).toBeLessThanOrEqual(160);
    expect(heading.endsWith('…')).toBe(true);
    expect(JSON.stringify(teams.body)).toContain(`"title":"Vendor","value":"Vendor Lorem`);
    expect(strings(teams.body).some((s) => s.startsWith('Vendor Lorem') && s.endsWith(teamsLink(url)))).toBe(true);
    const slack = renderApprovalCard(view);
    const header = slack.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect(strings(slack.blocks).some((s) => s.startsWith('*Vendor*\nVendor Lorem') && s.endsWith(slackLink(url)))).toBe(true);
    expect(slack.text.length).toBeLessThanOrEqual(3_000);
  });

  it('a PO of 300 lines: five on the card, a count, Details; Details splits into messages and cards each platform takes, every line there', () => {
    const view = long['po-300-lines']!;
    expect(JSON.stringify(approvalAdaptiveCard(view, null))).toContain('…and 295 more lines (Details shows them all)');
    expect(JSON.stringify(renderApprovalCard(view).blocks)).toContain('…and 295 more lines (Details shows them all)');
    const details = extremeDetailsView();
    const cards = approvalDetailsCards(details);
    expect(cards.length).toBeGreaterThan(5);
    for (const c of cards) {
      expect(adaptiveCardEvents(c)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28_000);
    }
    expect(JSON.stringify(cards)).toContain('Line 300 Lorem');
    const messages = renderApprovalDetails(details);
    for (const m of messages) expect(blockKitLimitViolations({ kind: 'message', text: m.text, blocks: m.blocks })).toEqual([]);
    expect(JSON.stringify(messages)).toContain('Line 300 Lorem');
  });

  it('triage, exception and status texts past their room are followed by the link too', () => {
    const triage = extremeTriageViews()['triage-long']!;
    expect(strings(triageAdaptiveCard(triage)).some((s) => s.startsWith('Summary') && s.includes(teamsLink(triage.odooUrl!)))).toBe(true);
    expect(strings(renderTriageCard(triage).blocks).some((s) => s.startsWith('Summary') && s.includes(slackLink(triage.odooUrl!)))).toBe(true);
    const exception = extremeExceptionViews()['exception-long']!;
    expect(strings(exceptionAdaptiveCard(exception)).some((s) => s.includes('State Lorem') && s.includes(teamsLink(exception.odooUrl)))).toBe(true);
    expect(strings(renderExceptionMessage(exception).blocks).some((s) => s.includes('State Lorem') && s.includes(slackLink(exception.odooUrl)))).toBe(true);
    const status = extremeStatusAnswers()['po-long']!;
    if (status.kind !== 'po_status') throw new Error('fixture');
    expect(strings(statusAnswerCard(status)).some((s) => s.startsWith('What Lorem') && s.includes(teamsLink(status.po.odooUrl)))).toBe(true);
    expect(strings(renderStatusAnswer(status).blocks).some((s) => s.includes('What Lorem') && s.includes(slackLink(status.po.odooUrl)))).toBe(true);
  });

  it('every long variant about an Odoo record still links to it (a button or a link)', () => {
    for (const v of everyTeamsCard().filter((t) => t.extreme && t.odooUrl)) expect(JSON.stringify(v.card), v.name).toContain(v.odooUrl!.replace(/[()<>\s]/g, encodeURIComponent));
    for (const v of everySlackSurface().filter((s) => s.extreme && s.kind === 'message' && s.odooUrl)) expect(JSON.stringify(v), v.name).toContain(v.kind === 'message' ? v.odooUrl! : '');
  });

  it('hostile names stay text: no live markup, mention, link or template on either platform', () => {
    const view = long.injection!;
    const teams = JSON.stringify(approvalAdaptiveCard(view, null));
    expect(teams).not.toContain('](javascript:');
    expect(teams).not.toContain('{{DATE(2026-01-01T00:00:00Z, SHORT)}}');
    expect(teams).not.toMatch(/[^\\]\*\*Pay now\*\*/);
    // mrkdwn is where Slack reads mentions and links (plain_text headers and buttons never do).
    const message = renderApprovalCard(view);
    const mrkdwn = [message.text, ...mrkdwnTexts(message.blocks)].join('\n');
    expect(mrkdwn).toContain('&lt;!here&gt;');
    for (const live of ['<!here>', '<!channel>', '<@U0ADMIN>', '<#C0GENERAL>', '<https://evil.example|Odoo>', '<script>']) expect(mrkdwn).not.toContain(live);
    expect(INJECTION).toContain('<!here>');
  });
});
