import { describe, expect, it } from 'vitest';
import type { ApprovalCardStatus } from '../../src/approvals/approval-card-view.ts';
import { retryOfferWords } from '../../src/approvals/card-words.ts';
import { renderRetryOffer } from '../../adapters/slack/blocks/approval-card.ts';
import { decodeCardButtonValue } from '../../adapters/slack/blocks/card-button-value.ts';
import { TeamsApprovalChat } from '../../adapters/teams/teams-approval-chat.ts';
import type { TeamsSender } from '../../adapters/teams/teams-sender.ts';
import type { RedisMemberDirectory } from '../../adapters/teams/store/redis-member-directory.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { cardView } from '../slack/card-view-fixture.ts';

const failed: ApprovalCardStatus = { kind: 'failed', decision: 'approve', by: 'Daniel Okafor', reason: 'Odoo could not be reached for 900 s', retryableBy: { platform: 'slack', userId: 'U0DANIEL', displayName: 'Daniel Okafor' } };

describe('the private message offering a Retry', () => {
  it('on Slack: the words and the card\'s own Retry button, pinned to the request, version and decider', () => {
    const view = cardView({ status: failed });
    const text = retryOfferWords(view.orderName, 'approve', 'Odoo could not be reached for 900 s');
    const message = renderRetryOffer(view, text);
    expect(message.text).toContain(`Your approval of ${view.orderName} could not be written to Odoo`);
    const buttons = message.blocks.flatMap((b) => ('elements' in b ? (b.elements as Array<{ action_id?: string; value?: string }>) : []));
    const retry = buttons.find((e) => e.action_id === 'approval_retry');
    expect(decodeCardButtonValue(retry!.value!)).toMatchObject({ r: view.requestId, v: view.version, u: 'U0DANIEL' });
  });

  it('on Slack: no Retry button once the decision is no longer failed', () => {
    const message = renderRetryOffer(cardView({ status: { kind: 'queued', decision: 'approve', by: 'Daniel Okafor' } }), 'text');
    expect(JSON.stringify(message.blocks)).not.toContain('approval_retry');
  });

  it('on Teams: the card with Retry and the words, in the person\'s personal chat', async () => {
    const sent: Array<{ to: string; message: unknown }> = [];
    const sender = { sendToUser: async (to: string, message: unknown) => void sent.push({ to, message }) } as unknown as TeamsSender;
    const chat = new TeamsApprovalChat(sender, {} as RedisMemberDirectory, { approvers: new Map(), identities: { slack: new Map(), teams: new Map() } } as unknown as Policy);
    const view = cardView({ status: { ...failed, retryableBy: { platform: 'teams', userId: 'aad-daniel' } } });
    await chat.offerRetry('19:channel', { platform: 'teams', userId: 'aad-daniel' }, view, 'Your approval could not be written to Odoo');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('aad-daniel');
    const json = JSON.stringify(sent[0]!.message);
    expect(json).toContain(TEAMS_VERBS.approvalRetry);
    expect(json).toContain('Your approval could not be written to Odoo');
    expect(json).not.toContain(TEAMS_VERBS.approvalApprove);
  });
});
