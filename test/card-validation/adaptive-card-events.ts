/**
 * A card as Microsoft's own `adaptivecards` library (3.0, the renderer and parser behind Teams'
 * web client and the Adaptive Cards designer) reads it: every event of `AdaptiveCard.parse` and
 * of `validateProperties` (duplicate ids, unknown element or action types, unsupported version,
 * required inputs without label or error message, too many actions, empty collections). Both
 * run in Node without a DOM: only rendering needs one.
 */
import * as AC from 'adaptivecards';

/**
 * The host config of Teams where it differs from the library's default: Teams shows up to 6
 * card-level actions (the designer's "Microsoft Teams" host config), the default allows 5.
 */
export const TEAMS_HOST_CONFIG = new AC.HostConfig({ actions: { maxActions: 6 } });

/** "validation DuplicateId: Duplicate Id "reason"." for each event; [] when the card is clean. */
export function adaptiveCardEvents(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = TEAMS_HOST_CONFIG;
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    out.push(`parse ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) out.push(`${AC.ValidationPhase[e.phase].toLowerCase()} ${AC.ValidationEvent[e.event]}: ${e.message}`);
  return out;
}

/** What the library parsed back, as JSON: the elements it kept (an element it drops is an element the user never sees). */
export function adaptiveCardRoundTrip(card: unknown): unknown {
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = TEAMS_HOST_CONFIG;
  parsed.parse(card, new AC.SerializationContext());
  return parsed.toJSON(new AC.SerializationContext());
}
