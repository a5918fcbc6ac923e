import type { App } from '@slack/bolt';

type Matcher = (actionId: string) => boolean;

/**
 * The action_ids the Bolt app has listeners for, learnt as they are registered (every feature
 * registers on the one app): a click on any other is acked at once instead of being held by Bolt
 * for 3 s and answered 404. A constraint that does not name an action_id matches anything.
 */
export function learnKnownActions(bolt: App): (actionId: string) => boolean {
  const matchers: Matcher[] = [];
  const register = bolt.action.bind(bolt) as (...args: unknown[]) => void;
  bolt.action = ((...args: unknown[]) => {
    matchers.push(matcherOf(args[0]));
    register(...args);
  }) as App['action'];
  return (actionId) => matchers.some((m) => m(actionId));
}

function matcherOf(constraint: unknown): Matcher {
  const test = (c: unknown): Matcher => (typeof c === 'string' ? (id) => id === c : c instanceof RegExp ? (id) => new RegExp(c.source, c.flags.replace('g', '')).test(id) : () => true);
  if (typeof constraint === 'string' || constraint instanceof RegExp) return test(constraint);
  const actionId = (constraint as { action_id?: unknown } | null)?.action_id;
  return actionId === undefined ? () => true : test(actionId);
}
