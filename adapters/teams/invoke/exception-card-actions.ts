import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { EXCEPTION_ACTIONS, exceptionClickSchema, type ExceptionAction, type ExceptionClick, type ExceptionClickSink } from '../../../src/alerts/lifecycle/exception-click.ts';
import type { ExceptionStore } from '../../../src/alerts/lifecycle/exception-store.ts';
import { exceptionViewOf } from '../../../src/alerts/lifecycle/exception-view.ts';
import { exceptionAdaptiveCard } from '../cards/exception-card.ts';
import { TEAMS_VERBS } from '../cards/verbs.ts';
import type { CardAction } from './card-action.ts';
import { clickSource, teamsActor } from './clicker.ts';
import { invokeAnswer, type InvokeAnswer } from './invoke-response.ts';

export interface ExceptionCardActionDeps {
  onExceptionClick: ExceptionClickSink;
  store: Pick<ExceptionStore, 'get'>;
  odooUrl: string;
  logger: Logger;
  now: () => Date;
}

const ACKS: Record<ExceptionAction, string> = {
  acknowledge: 'Recording your acknowledgement…',
  'snooze-1h': 'Snoozing this alert for 1 hour…',
  'snooze-4h': 'Snoozing this alert for 4 hours…',
  'snooze-tomorrow': 'Snoozing this alert until tomorrow…',
  own: 'Making you the owner…',
  'ask-buyer': 'Asking the buyer in this thread…',
  open: 'Posting this exception in the thread…',
};

const UNKNOWN = 'I am not tracking that exception (any more): it may have been resolved and cleaned up. Open the record in Odoo to check where it stands.';

/**
 * The `exception.*` verbs of Teams exception and digest cards: a click becomes the ExceptionClick
 * a Slack button makes and goes to the same queue (the core does the transition, the card update
 * and the Odoo write-back); `exception.refresh` answers the card in its newest state.
 */
export function exceptionCardActions(deps: ExceptionCardActionDeps): (action: CardAction) => Promise<InvokeAnswer> {
  return async (action) => {
    const key = typeof action.data.key === 'string' ? action.data.key : '';
    if (action.verb === TEAMS_VERBS.exceptionRefresh) {
      const tracked = key ? await deps.store.get(key) : null;
      if (!tracked) return invokeAnswer.badRequest('unknown_exception', UNKNOWN);
      return invokeAnswer.card(exceptionAdaptiveCard(exceptionViewOf(tracked, { odooUrl: deps.odooUrl, now: deps.now() })));
    }
    const kind = action.verb.slice(TEAMS_VERBS.exceptionPrefix.length) as ExceptionAction;
    if (!EXCEPTION_ACTIONS.includes(kind)) return invokeAnswer.badRequest('unknown_verb', `the bot does not know the card action "${action.verb}"`);
    const actor: ChatUserRef = teamsActor(action);
    const parsed = exceptionClickSchema.safeParse({ key, action: kind, actor, source: clickSource(action), clickId: `teams-${action.context.activity.id ?? ''}`, clickedAt: deps.now().toISOString() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invokeAnswer.badRequest('invalid_action', `the card action is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}); nothing was recorded`);
    }
    try {
      await deps.onExceptionClick(parsed.data as ExceptionClick);
    } catch (err) {
      deps.logger.error({ err, key, verb: action.verb }, 'could not hand the Teams exception click to the core');
      return invokeAnswer.failed('not_recorded', 'Your click could not be recorded. Nothing was changed: please try again in a moment.');
    }
    return invokeAnswer.message(ACKS[kind]);
  };
}
