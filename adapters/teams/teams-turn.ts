import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { captureTurn, type CaptureDeps } from './capture-turn.ts';
import { readCardAction } from './invoke/card-action.ts';
import { invokeAnswer, type InvokeAnswer } from './invoke/invoke-response.ts';
import type { TeamsRoutes } from './teams-routes.ts';

export interface TeamsTurnDeps extends CaptureDeps {
  routes: TeamsRoutes;
  logger: Logger;
}

/**
 * One inbound activity: remember the conversation and the sender, then route invokes by verb
 * and messages to the registered handlers. conversationUpdate / installationUpdate need nothing
 * beyond the capture.
 */
export async function handleTeamsTurn(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const a = context.activity;
  try {
    await captureTurn(context, deps);
  } catch (err) {
    // A Redis hiccup must not cost the person their click: the answer does not depend on it.
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err), type: a.type }, 'could not store the Teams conversation reference');
  }
  if (a.type === 'invoke' && a.name === 'application/search') {
    await answerSearch(context, deps);
    return;
  }
  if (a.type === 'invoke') {
    await answerInvoke(context, a.name === 'adaptiveCard/action' ? await cardAction(context, deps) : { status: 501, body: { statusCode: 501, type: 'application/vnd.microsoft.error', value: { code: 'not_implemented', message: `the bot does not handle the invoke "${a.name ?? ''}"` } } });
    return;
  }
  if (a.type === 'message') {
    for (const handler of deps.routes.messageHandlers()) if (await handler(context)) return;
    deps.logger.debug({ conversation: a.conversation?.id }, 'teams message with no handler');
  }
}

async function cardAction(context: TurnContext, deps: TeamsTurnDeps): Promise<InvokeAnswer> {
  const reading = readCardAction(context);
  if (!reading.ok) return invokeAnswer.badRequest('invalid_invoke', reading.message);
  const handler = deps.routes.cardActionHandler(reading.action.verb);
  if (!handler) return invokeAnswer.badRequest('unknown_verb', `the bot does not know the card action "${reading.action.verb}"`);
  try {
    return await handler(reading.action);
  } catch (err) {
    deps.logger.error({ err, verb: reading.action.verb }, 'teams card action failed');
    return invokeAnswer.failed('action_failed', 'The bot could not handle this action. Nothing was changed: please try again in a moment.');
  }
}

/** The invoke's HTTP answer: CloudAdapter returns the `invokeResponse` activity's value as the response. */
async function answerInvoke(context: TurnContext, answer: InvokeAnswer): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: answer.status, body: answer.body } });
}

/**
 * `application/search`: a filtered Input.ChoiceSet with `choices.data` asks for the choices
 * matching what the person typed (value: { queryText, dataset, queryOptions: { skip, top } }).
 */
async function answerSearch(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const value = (context.activity.value ?? {}) as { queryText?: unknown; dataset?: unknown; queryOptions?: { top?: unknown } };
  const dataset = typeof value.dataset === 'string' ? value.dataset : '';
  const queryText = typeof value.queryText === 'string' ? value.queryText : '';
  const top = typeof value.queryOptions?.top === 'number' ? value.queryOptions.top : 15;
  let results: Array<{ title: string; value: string }> | null = null;
  try {
    for (const handler of deps.routes.searchHandlers()) if ((results = await handler(dataset, queryText))) break;
  } catch (err) {
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err), dataset }, 'teams search failed');
    await context.sendActivity({ type: 'invokeResponse', value: { status: 500, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'search_failed', message: 'The search did not answer; type again in a moment.' } } } });
    return;
  }
  if (!results) {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown_dataset', message: `the bot does not search "${dataset}"` } } } });
    return;
  }
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: results.slice(0, Math.max(1, Math.min(top, 50))) } } } });
}
