import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRetryRoute, type EventsDeadLetters } from '../../adapters/workspace/ops/event-dead-letters.ts';

/** The ops page's Retry for an undelivered event: bad forms change nothing, a known one is queued once. */
const retried: Array<[string, string]> = [];
const dead = new Set(['n8n|approval.written:r1:d1']);
const events: EventsDeadLetters = {
  deadLetters: async () => [],
  retry: async (subscriber, eventId) => {
    if (!dead.delete(`${subscriber}|${eventId}`)) return false;
    retried.push([subscriber, eventId]);
    return true;
  },
};
let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.post('/events/retry', express.urlencoded({ extended: false, limit: '4kb' }), eventRetryRoute(events, pino({ level: 'silent' })));
  server = await new Promise<Server>((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events/retry`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (form: Record<string, string>) => fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

describe('POST /workspace/ops/events/retry', () => {
  it('refuses a form without subscriber or event id with 400 and retries nothing', async () => {
    expect((await post({ subscriber: 'n8n' })).status).toBe(400);
    expect((await post({ eventId: 'approval.written:r1:d1' })).status).toBe(400);
    expect((await post({ subscriber: 'x'.repeat(65), eventId: 'e' })).status).toBe(400);
    expect(retried).toEqual([]);
  });
  it('queues a dead letter again once, and says so; a second click or an unknown one finds nothing', async () => {
    const first = await post({ subscriber: 'n8n', eventId: 'approval.written:r1:d1' });
    expect(first.status).toBe(303);
    expect(decodeURIComponent(first.headers.get('location') ?? '')).toContain('is queued again for n8n');
    const again = await post({ subscriber: 'n8n', eventId: 'approval.written:r1:d1' });
    expect(decodeURIComponent(again.headers.get('location') ?? '')).toContain('no longer in n8n');
    const unknown = await post({ subscriber: 'nobody', eventId: 'approval.written:r1:d1' });
    expect(decodeURIComponent(unknown.headers.get('location') ?? '')).toContain('no longer in nobody');
    expect(retried).toEqual([['n8n', 'approval.written:r1:d1']]);
  });
});
