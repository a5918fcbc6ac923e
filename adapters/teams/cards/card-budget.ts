import type { CardElement } from './adaptive-card.ts';

/**
 * Teams refuses a message over about 28 KB (and the activity envelope needs room too). A list
 * card takes rows while their JSON fits `maxBytes` and counts the rest, so a page of long rows
 * becomes a shorter card that says what it left out, never a card Teams rejects.
 */
export function rowsWithinBytes<T>(items: readonly T[], render: (item: T) => CardElement[], maxBytes: number): { elements: CardElement[]; used: number } {
  const elements: CardElement[] = [];
  let bytes = 0;
  let used = 0;
  for (const item of items) {
    const rows = render(item);
    const size = Buffer.byteLength(JSON.stringify(rows));
    if (bytes + size > maxBytes && used > 0) break;
    elements.push(...rows);
    bytes += size;
    used += 1;
  }
  return { elements, used };
}
