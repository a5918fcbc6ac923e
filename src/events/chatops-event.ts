/**
 * The events the bot tells subscribers (n8n flows, data warehouses, other bots) about what
 * happens in chat. Each has an id derived from what happened, so a re-run of the step that
 * emitted it gives the same id: subscribers dedupe on `id`, the outbox stores each id once.
 */
export const EVENT_TYPES = [
  'approval.requested',
  'approval.decided',
  'approval.written',
  'exception.opened',
  'exception.acknowledged',
  'exception.cleared',
  'triage.confirmed',
] as const;

export type ChatopsEventType = (typeof EVENT_TYPES)[number];

/** The Odoo record an event is about; subscribers order and group by it. */
export interface EventSubject {
  model: string;
  id: number;
  /** Display name (P00042), when known. */
  name: string | null;
}

export interface ChatopsEvent {
  id: string;
  type: ChatopsEventType;
  /** ISO instant the thing happened (not when it was delivered). */
  occurred_at: string;
  subject: EventSubject;
  data: Record<string, unknown>;
}

export function isEventType(value: string): value is ChatopsEventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
