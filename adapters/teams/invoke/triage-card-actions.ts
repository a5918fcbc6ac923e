import type { Logger } from 'pino';
import { triageCardViewOf } from '../../../src/triage/flow/triage-card-view.ts';
import { triageClickSchema, type TriageClick, type TriageClickSink } from '../../../src/triage/flow/triage-click.ts';
import type { TriageStore } from '../../../src/triage/flow/triage-ports.ts';
import { triageAdaptiveCard } from '../cards/triage-card.ts';
import { TEAMS_INPUTS, TEAMS_VERBS } from '../cards/verbs.ts';
import type { CardAction } from './card-action.ts';
import { clickSource, teamsActor } from './clicker.ts';
import { invokeAnswer, type InvokeAnswer } from './invoke-response.ts';

export interface TriageCardActionDeps {
  onTriageClick: TriageClickSink;
  store: Pick<TriageStore, 'get'>;
  odooUrl: string;
  logger: Logger;
  now: () => Date;
}

const ACTIONS: Record<string, TriageClick['action']> = {
  [TEAMS_VERBS.triageConfirm]: 'confirm',
  [TEAMS_VERBS.triageSetCategory]: 'set_category',
  [TEAMS_VERBS.triageDismiss]: 'dismiss',
  [TEAMS_VERBS.triageRetry]: 'retry',
};

const ACKS: Record<TriageClick['action'], string> = {
  confirm: 'Recording your confirmation…',
  set_category: 'Changing the category…',
  dismiss: 'Dismissing this proposal…',
  retry: 'Writing it to Odoo again…',
};

/**
 * The `triage.*` verbs of Teams triage cards: Confirm (the category the card showed), Set
 * category (the Input.ChoiceSet `category`), Dismiss and Retry become the TriageClick a Slack
 * button makes and go to the same queue; the core decides, claims and writes once. `triage.refresh`
 * answers the card in its newest state.
 */
export function triageCardActions(deps: TriageCardActionDeps): (action: CardAction) => Promise<InvokeAnswer> {
  return async (action) => {
    const proposalId = typeof action.data.proposalId === 'string' ? action.data.proposalId : '';
    if (action.verb === TEAMS_VERBS.triageRefresh) {
      const proposal = proposalId ? await deps.store.get(proposalId).catch(() => null) : null;
      if (!proposal) return invokeAnswer.badRequest('unknown_proposal', 'This triage card is no longer known to the bot. Nothing was changed.');
      return invokeAnswer.card(triageAdaptiveCard(triageCardViewOf(proposal, { odooUrl: deps.odooUrl })));
    }
    const kind = ACTIONS[action.verb];
    if (!kind) return invokeAnswer.badRequest('unknown_verb', `the bot does not know the card action "${action.verb}"`);
    // Confirm carries the category the card showed; Set category the choice set's value.
    const category = kind === 'set_category' ? action.data[TEAMS_INPUTS.triageCategory] : kind === 'confirm' ? action.data.category : undefined;
    const parsed = triageClickSchema.safeParse({
      proposalId,
      action: kind,
      ...(category !== undefined ? { category } : {}),
      ...(action.data.revision !== undefined ? { revision: action.data.revision } : {}),
      actor: teamsActor(action),
      source: clickSource(action),
      clickId: `teams-${action.context.activity.id ?? ''}`,
      clickedAt: deps.now().toISOString(),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invokeAnswer.badRequest('invalid_action', `the card action is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}); nothing was recorded`);
    }
    if (kind === 'set_category' && !parsed.data.category) return invokeAnswer.badRequest('category_required', 'Pick a category, then press Set category. Nothing was changed.');
    try {
      await deps.onTriageClick(parsed.data as TriageClick);
    } catch (err) {
      deps.logger.error({ err, proposalId, verb: action.verb }, 'could not hand the Teams triage click to the core');
      return invokeAnswer.failed('not_recorded', 'Your click could not be recorded. Nothing was changed: please try again in a moment.');
    }
    return invokeAnswer.message(ACKS[kind]);
  };
}
