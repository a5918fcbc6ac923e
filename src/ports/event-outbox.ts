import type { ChatopsEvent } from '../events/chatops-event.ts';

/**
 * Where the core hands the events it emits. Publishing stores the event for every subscriber
 * that wants its type (Redis) and wakes the delivery queue; the HTTP calls happen later in the
 * `events` queue, so a subscriber that is down never slows a click or a write-back. Publishing an
 * id a second time is a no-op.
 */
export interface EventOutbox {
  publish(events: readonly ChatopsEvent[]): Promise<void>;
}
