import type { TurnContext } from 'botbuilder';
import type { CardAction } from './invoke/card-action.ts';
import type { InvokeAnswer } from './invoke/invoke-response.ts';

/** Answers one card action (a click or a refresh) within Teams' invoke time limit. */
export type CardActionHandler = (action: CardAction) => Promise<InvokeAnswer>;

/** Answers an `application/search` invoke (a filtered Input.ChoiceSet's `choices.data`); null: not this handler's data set. */
export type SearchHandler = (dataset: string, queryText: string) => Promise<Array<{ title: string; value: string }> | null>;

/** Handles a message activity (a command, a question); returns false to let the next one try. */
export type MessageHandler = (context: TurnContext) => Promise<boolean>;

/**
 * What the Teams adapter routes, filled by the features: card verbs by prefix (`approval.`,
 * `exception.`, `triage.`; see cards/verbs.ts) and message handlers in order. One registration
 * point per kind, so a feature adds Teams support without touching the adapter.
 */
export class TeamsRoutes {
  private readonly verbs = new Map<string, CardActionHandler>();
  private readonly messages: MessageHandler[] = [];
  private readonly searches: SearchHandler[] = [];

  /** Adds a handler of `application/search` invokes (typeahead choice sets). */
  onSearch(handler: SearchHandler): void {
    this.searches.push(handler);
  }

  searchHandlers(): readonly SearchHandler[] {
    return this.searches;
  }

  /** Registers the handler of every verb that starts with `prefix` (e.g. `exception.`). */
  onCardAction(prefix: string, handler: CardActionHandler): void {
    if (!prefix) throw new Error('a card action prefix must not be empty');
    if (this.verbs.has(prefix)) throw new Error(`card actions starting with "${prefix}" already have a handler`);
    this.verbs.set(prefix, handler);
  }

  /** Adds a handler for message activities (personal chat, or an @mention in a channel). */
  onMessage(handler: MessageHandler): void {
    this.messages.push(handler);
  }

  /** The handler of a verb: the longest registered prefix wins. */
  cardActionHandler(verb: string): CardActionHandler | null {
    let best: { prefix: string; handler: CardActionHandler } | null = null;
    for (const [prefix, handler] of this.verbs) if (verb.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, handler };
    return best?.handler ?? null;
  }

  messageHandlers(): readonly MessageHandler[] {
    return this.messages;
  }
}
