import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Metrics } from '../../http/metrics.ts';
import type { BullQueues } from '../../queue/bullmq-queues.ts';
import type { RedisApprovalStore } from '../../store/redis-approval-store.ts';
import { readOpsData } from './ops-data.ts';
import { renderOpsPage } from './render-ops-page.ts';
import { eventRetryRoute, type EventsDeadLetters } from './event-dead-letters.ts';
import { supplierEmailCurl, type ExampleEmail } from './supplier-email-curl.ts';

/** The demo's supplier-email webhook, shown on the page with a signed curl example. */
export interface OpsSupplierEmail {
  secret: string;
  /** An email that makes a card for the demo buyer (null when no open order is left). */
  example(): Promise<ExampleEmail | null>;
}

const retrySchema = z.object({ queue: z.string(), jobId: z.string().min(1).max(200) });

/** GET /workspace/ops (HTML), GET /workspace/ops/data (JSON), POST /workspace/ops/retry (a failed job), POST /workspace/ops/events/retry (a dead-lettered event). */
export function opsRoutes(deps: { queues: BullQueues; store: RedisApprovalStore; events?: EventsDeadLetters; metrics: Metrics; logger: Logger; now: () => Date; supplierEmail?: OpsSupplierEmail }): Router {
  const router = express.Router();
  const data = async () => ({ ...(await readOpsData(deps)), deadLetters: deps.events ? await deps.events.deadLetters() : [] });
  // The address the person's browser used: what they can paste into a shell on the same machine.
  const webhook = async (host: string) => {
    if (!deps.supplierEmail) return undefined;
    const url = `http://${host}/webhooks/supplier-email`;
    const example = await deps.supplierEmail.example().catch(() => null);
    return { url, secret: deps.supplierEmail.secret, curl: example ? supplierEmailCurl(url, deps.supplierEmail.secret, example) : null };
  };
  router.get('/', (req, res) => {
    void Promise.all([data(), webhook(req.get('host') ?? 'localhost:3000')])
      .then(([d, w]) => res.type('html').set('cache-control', 'no-store').send(renderOpsPage(d, typeof req.query.notice === 'string' ? req.query.notice.slice(0, 300) : undefined, w)))
      .catch((err: unknown) => {
        deps.logger.error({ err }, 'ops page failed');
        res.status(500).type('text').send('the operations page could not read Redis; see the log');
      });
  });
  router.get('/data', (_req, res) => {
    void data()
      .then((d) => res.json(d))
      .catch((err: unknown) => {
        deps.logger.error({ err }, 'ops data failed');
        res.status(500).json({ error: 'internal_error' });
      });
  });
  router.post('/retry', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    void (async () => {
      const parsed = retrySchema.safeParse(req.body);
      const queue = parsed.success ? deps.queues[parsed.data.queue as keyof BullQueues] : undefined;
      if (!parsed.success || !queue) return void res.status(400).type('text').send('unknown queue or job');
      const job = await queue.getJob(parsed.data.jobId);
      let notice: string;
      if (!job) notice = `Job ${parsed.data.jobId} is gone from ${parsed.data.queue}.`;
      else if (!(await job.isFailed())) notice = `Job ${parsed.data.jobId} is not failed any more.`;
      else {
        // Handlers re-read Odoo before acting, so a retry never acts twice (see ARCHITECTURE).
        await job.retry('failed');
        deps.logger.info({ queue: parsed.data.queue, jobId: job.id }, 'failed job retried from the operations page');
        notice = `Job ${parsed.data.jobId} of ${parsed.data.queue} is queued again.`;
      }
      res.redirect(303, `/workspace/ops?notice=${encodeURIComponent(notice)}`);
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'ops retry failed');
      res.status(500).type('text').send('the retry failed; see the log');
    });
  });
  if (deps.events) router.post('/events/retry', express.urlencoded({ extended: false, limit: '4kb' }), eventRetryRoute(deps.events, deps.logger));
  return router;
}
