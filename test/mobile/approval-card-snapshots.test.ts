import { describe, expect, it } from 'vitest';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { approvalAdaptiveCard } from '../../adapters/teams/cards/approval-card.ts';
import { APPROVAL_SNAPSHOT_VIEWS } from './card-views.ts';

// The rendered JSON is pinned: a change to a card (a new element, a moved button) shows up as a
// snapshot diff in review, and the allowlist tests say whether it still works on mobile.
describe('approval card snapshots', () => {
  it.each(Object.entries(APPROVAL_SNAPSHOT_VIEWS))('Slack: %s', (_name, view) => {
    expect(renderApprovalCard(view)).toMatchSnapshot();
  });

  it.each(Object.entries(APPROVAL_SNAPSHOT_VIEWS))('Teams, as posted: %s', (_name, view) => {
    expect(approvalAdaptiveCard(view, null)).toMatchSnapshot();
  });

  it('Teams, refreshed for someone who may not decide: no buttons, the note', () => {
    expect(approvalAdaptiveCard(APPROVAL_SNAPSHOT_VIEWS.pending!, { mayDecide: false, mayRetry: false, note: 'You are not an approver of this PO' })).toMatchSnapshot();
  });
});
