import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DeadLetter } from '../../events/drain-events.ts';
import { html, raw } from './render-ops-page.ts';

/** What the operations page needs of the events feature. */
export interface EventsDeadLetters {
  deadLetters(): Promise<DeadLetter[]>;
  retry(subscriber: string, eventId: string): Promise<boolean>;
}

const SHOWN = 50;

/** The dead letters of outbound events: what a subscriber never took, with a Retry per event. */
export function renderDeadLetters(dead: readonly DeadLetter[]): string {
  const rows = dead.slice(0, SHOWN).map(
    (d) => html`<tr><td>${d.subscriber}</td><td>${d.event.type}</td><td>${d.event.subject.name ?? d.event.subject.id}</td><td><code>${d.event.id}</code></td><td class="reason">${d.reason}</td><td class="num">${d.attempts}</td><td>${d.at.slice(0, 19).replace('T', ' ')}</td>
      <td><form method="post" action="/workspace/ops/events/retry"><input type="hidden" name="subscriber" value="${d.subscriber}"><input type="hidden" name="eventId" value="${d.event.id}"><button type="submit">Retry</button></form></td></tr>`,
  );
  const table = html`<table><thead><tr><th>subscriber</th><th>event</th><th>record</th><th>id</th><th>reason</th><th>attempts</th><th>given up (UTC)</th><th></th></tr></thead><tbody>${raw(rows.join(''))}</tbody></table>`;
  return html`<section><h2>Undelivered events (${dead.length})</h2>${dead.length ? raw(table) : raw('<p class="muted">None.</p>')}</section>`;
}

const retrySchema = z.object({ subscriber: z.string().min(1).max(64), eventId: z.string().min(1).max(300) });

/** POST /workspace/ops/events/retry: the event goes back to its subscriber's queue, once. */
export function eventRetryRoute(events: EventsDeadLetters, logger: Logger) {
  return (req: Request, res: Response) => {
    void (async () => {
      const parsed = retrySchema.safeParse(req.body);
      if (!parsed.success) return void res.status(400).type('text').send('subscriber and eventId are required');
      const { subscriber, eventId } = parsed.data;
      const queued = await events.retry(subscriber, eventId);
      if (queued) logger.info({ subscriber, eventId }, 'dead-lettered event retried from the operations page');
      const notice = queued ? `Event ${eventId} is queued again for ${subscriber}.` : `Event ${eventId} is no longer in ${subscriber}'s dead letters.`;
      res.redirect(303, `/workspace/ops?notice=${encodeURIComponent(notice)}`);
    })().catch((err: unknown) => {
      logger.error({ err }, 'event retry failed');
      res.status(500).type('text').send('the retry failed; see the log');
    });
  };
}
