import type { TurnContext } from 'botbuilder';
import { z } from 'zod';

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions, Action.Execute). */
const cardActionInvokeSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    /** The action's `data`, merged with the values of the card's inputs. */
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  /** `automatic` for a refresh Teams asks for by itself, `manual` for a click. */
  trigger: z.enum(['automatic', 'manual']).optional(),
});

/** A card action as the handlers see it: who, where, which verb, with what data. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
  trigger: 'automatic' | 'manual';
  context: TurnContext;
}

export type CardActionReading = { ok: true; action: CardAction } | { ok: false; message: string };

/** Reads an `adaptiveCard/action` invoke; anything else is a clear 400 for the sender. */
export function readCardAction(context: TurnContext): CardActionReading {
  const parsed = cardActionInvokeSchema.safeParse(context.activity.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `not an Action.Execute invoke: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}` };
  }
  return { ok: true, action: { verb: parsed.data.action.verb, data: parsed.data.action.data ?? {}, trigger: parsed.data.trigger ?? 'manual', context } };
}
