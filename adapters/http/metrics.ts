import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BullQueues } from '../queue/bullmq-queues.ts';

export interface Metrics {
  registry: Registry;
  webhookRequests: Counter<'source' | 'outcome'>;
  odooCallDuration: Histogram<'model' | 'method' | 'outcome'>;
  /** Webhooks whose change Odoo never committed (17/18 POST before the commit, also for rollbacks). */
  odooWebhookRolledBack: Counter<'model'>;
  /** How long the worker waited for Odoo to commit what a webhook announced, by outcome. */
  odooWebhookCatchUp: Histogram<'model' | 'outcome'>;
  /** Feeds the Odoo call histogram; the gateway calls it after every call. */
  observeOdooCall(model: string, method: string, ms: number, outcome: string): void;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;

/**
 * One registry per process (not the global one) so tests can build several apps side by side.
 * Queue gauges are read from Redis at scrape time: they are shared by every process of the bot.
 */
export function createMetrics(queues?: BullQueues, options: { intakeBacklog?: () => Promise<number> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const webhookRequests = new Counter({ name: 'chatops_webhook_requests_total', help: 'Webhook requests by source and outcome', labelNames: ['source', 'outcome'] as const, registers: [registry] });
  const odooCallDuration = new Histogram({
    name: 'chatops_odoo_call_duration_seconds',
    help: 'Duration of Odoo external API calls',
    labelNames: ['model', 'method', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const odooWebhookRolledBack = new Counter({
    name: 'chatops_odoo_webhook_rolled_back_total',
    help: 'Odoo webhooks whose change Odoo never committed (rolled back): nothing was done, the reconciliation scan has the record',
    labelNames: ['model'] as const,
    registers: [registry],
  });
  const odooWebhookCatchUp = new Histogram({
    name: 'chatops_odoo_webhook_catch_up_seconds',
    help: 'Time the worker waited for Odoo to commit the version a webhook announced (Odoo 17/18 POST before the commit)',
    labelNames: ['model', 'outcome'] as const,
    buckets: [0, 0.05, 0.15, 0.35, 0.75, 1.55, 3.15, 5],
    registers: [registry],
  });
  if (queues) {
    new Gauge({
      name: 'chatops_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [name, queue] of Object.entries(queues)) {
          const counts = await queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'chatops_queue_failed_jobs',
      help: 'Failed jobs kept in each queue (they wait for a retry by a person)',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [name, queue] of Object.entries(queues)) this.set({ queue: name }, await queue.getFailedCount());
      },
    });
  }
  const intakeBacklog = options.intakeBacklog;
  if (intakeBacklog) {
    new Gauge({
      name: 'chatops_intake_backlog',
      help: 'Clicks and webhooks taken in by the web processes and not yet moved into their queue by a worker (the intake stream)',
      registers: [registry],
      async collect() {
        this.set(await intakeBacklog());
      },
    });
  }
  return {
    registry,
    webhookRequests,
    odooCallDuration,
    odooWebhookRolledBack,
    odooWebhookCatchUp,
    observeOdooCall(model, method, ms, outcome) {
      odooCallDuration.observe({ model, method, outcome }, ms / 1000);
    },
  };
}
