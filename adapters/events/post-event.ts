import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import type { EventSubscriber } from '../../src/events/events-section.ts';
import { EVENT_SIGNATURE_HEADER, signEvent } from './sign-event.ts';

export type DeliveryResult = { ok: true } | { ok: false; retryable: boolean; reason: string };

export const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * POSTs one event to a subscriber, signed. 2xx is delivered; a network error, a timeout, 5xx,
 * 408, 425 and 429 are worth another try; any other 4xx says the subscriber will never take this
 * body (bad URL path, refused signature), so it goes to the dead letters at once.
 */
export async function postEvent(subscriber: EventSubscriber, event: ChatopsEvent, nowSeconds: number): Promise<DeliveryResult> {
  const body = JSON.stringify(event);
  try {
    const res = await fetch(subscriber.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'procurement-chatops-bot/events',
        'x-chatops-event': event.type,
        'x-chatops-event-id': event.id,
        [EVENT_SIGNATURE_HEADER]: signEvent(subscriber.secret, nowSeconds, body),
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      redirect: 'manual',
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true };
    const retryable = res.status >= 500 || [408, 425, 429].includes(res.status);
    return { ok: false, retryable, reason: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, retryable: true, reason: e.name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS} ms` : (e.cause?.code ?? e.message) };
  }
}
