import type { DateMention } from '../dates/find-dates.ts';
import type { Segment } from './text-segments.ts';

// Words of shipping and delivery in the seven languages. Week words ("KW", "semana") are not
// here: they are part of a date, and "I'll visit in the week of 17 May" is not a delivery.
const DELIVERY_CONTEXT = /(?<![\p{L}])(?:deliver\p{L}*|ship\p{L}*|dispatch\p{L}*|despatch\p{L}*|eta|etd|arriv\p{L}*|truck|go(?:es)?\s+out|dates?|schedul\p{L}*|comes|will\s+come|due|follow\p{L}*|replacement\p{L}*|confirm\p{L}*|ready|at\s+your\s+dock|realistic|expect\p{L}*|estimated|previs\p{L}*|prevemos|prevediamo|prévu\p{L}*|calcul\p{L}*|verwacht\p{L}*|voraussichtlich|volg\p{L}*|entreg\p{L}*|\p{L}*liefer\p{L}*|geliefert|versand\p{L}*|versend\p{L}*|termin\p{L}*|erhalten|entrega\p{L}*|env[íi]\p{L}*|despach\p{L}*|llegada|llegar\p{L}*|tendr\p{L}*|recibir\p{L}*|sald\p{L}*|fecha|livr\p{L}*|exp[ée]di\p{L}*|\p{L}*lever\p{L}*|geleverd|verzend\p{L}*|verzonden|bezorg\p{L}*|consegn\p{L}*|spedi\p{L}*|spediz\p{L}*|arriv\p{L}*|cheg\p{L}*|envio\p{L}*|expedi\p{L}*|bestätig\p{L}*|bevestig\p{L}*|conferm\p{L}*)(?![\p{L}])/iu;
const CONFIRMING = /(?<![\p{L}])(?:confirm\p{L}*|bestätig\p{L}*|bevestig\p{L}*|conferm\p{L}*|as\s+(?:planned|scheduled)|all\s+good|on\s+track|wie\s+(?:geplant|gewünscht)|según\s+lo\s+previsto|comme\s+prévu|zoals\s+gepland|come\s+previsto|como\s+previsto)(?![\p{L}])/iu;
// "let me know by Monday", "orders received by 16.12." set a deadline for someone else, not a delivery.
const DEADLINE_BEFORE = /(?:know|reply|respond|answer|revert|order|orders|received|eingehen|place)\s+(?:\p{L}+\s+){0,2}(?:by|before|until|bis(?:\s+zum)?|antes\s+del?|avant\s+le)\s+(?:the\s+|el\s+|le\s+)?$/iu;

/** The delivery dates an email states, split into the moved date and the kept (confirmed) one. */
export interface DeliveryDates {
  /** The latest delivery date after the planned one (after the received day when no plan is known). */
  later: DateMention | null;
  /** A date equal to the planned date, in a delivery sentence or anywhere in a short reply ("yes 3/16 ok"). */
  planned: DateMention | null;
  /** A delivery date in a sentence that confirms it, whatever its relation to the plan. */
  confirmed: DateMention | null;
}

/**
 * Picks the dates that talk about delivery: mentions in sentences about shipping or delivery
 * (or table rows under such a column), not in the past, not a reply deadline.
 */
export function chooseDeliveryDates(mentions: DateMention[], segments: Segment[], receivedDay: string, datePlanned: string | null): DeliveryDates {
  const delivery = mentions
    .map((mention) => ({ mention, segment: segments.find((s) => mention.start >= s.start && mention.start < s.end) }))
    .filter(({ mention, segment }) => segment && inDeliveryContext(segment) && mention.day >= receivedDay && !isDeadline(mention, segment));
  const floor = datePlanned ?? receivedDay;
  const later = delivery.filter(({ mention }) => mention.day > floor).sort((a, b) => (a.mention.day < b.mention.day ? 1 : -1))[0];
  const planned = datePlanned ? (delivery.find(({ mention }) => mention.day === datePlanned) ?? plannedInShortReply(mentions, segments, datePlanned)) : undefined;
  const confirmed = delivery.find(({ segment }) => segment && CONFIRMING.test(segment.text));
  return { later: later?.mention ?? null, planned: planned?.mention ?? null, confirmed: confirmed?.mention ?? null };
}

function inDeliveryContext(segment: Segment): boolean {
  return DELIVERY_CONTEXT.test(segment.text) || (segment.header !== null && DELIVERY_CONTEXT.test(segment.header));
}

function isDeadline(mention: DateMention, segment: Segment | undefined): boolean {
  if (!segment) return false;
  const before = segment.text.slice(0, Math.max(0, mention.start - segment.start));
  return DEADLINE_BEFORE.test(before);
}

/** A terse reply that names the planned day ("yes 3/16 ok") restates it for delivery, whatever its words. */
function plannedInShortReply(mentions: DateMention[], segments: Segment[], datePlanned: string): { mention: DateMention } | undefined {
  const words = segments.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  if (words > 25) return undefined;
  const mention = mentions.find((m) => m.day === datePlanned);
  return mention ? { mention } : undefined;
}
