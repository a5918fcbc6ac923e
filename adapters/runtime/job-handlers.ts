import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { OdooRecordChanged } from '../../src/intake/odoo-webhook-event.ts';
import { ODOO_RECORD_CHANGED_JOB } from '../../src/intake/receive-odoo-webhook.ts';
import { takeInOdooChange, type ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { Metrics } from '../http/metrics.ts';
import { RedisChangeLog } from '../store/redis-change-log.ts';
import type { OdooConnection } from './connect-odoo.ts';

export interface JobHandlerDeps {
  odoo: OdooConnection;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  /** Counts webhooks Odoo rolled back, and the wait for the ones it committed. */
  metrics?: Pick<Metrics, 'odooWebhookRolledBack' | 'odooWebhookCatchUp'>;
  /** Listeners of Odoo changes by model (approvals, alerts); none is required. */
  listeners?: Record<string, ChangeListener[]>;
  /** Extra handlers, merged over the built-in ones (per queue, per job name). */
  handlers?: JobHandlers;
}

/** Every job the workers know, by queue and name: one use case behind each. */
export function createJobHandlers(deps: JobHandlerDeps): JobHandlers {
  const changes = new RedisChangeLog(deps.redis, deps.keyPrefix);
  const builtIn: JobHandlers = {
    scan: {
      [ODOO_RECORD_CHANGED_JOB]: async (data) => {
        const change = data as OdooRecordChanged;
        const { outcome, reads, waitedMs } = await takeInOdooChange(change, { odoo: deps.odoo.gateway, changes, listeners: deps.listeners ?? {}, sleep: (ms) => sleep(ms) });
        const about = { model: change.model, id: change.id, version: change.version, state: change.fields.state, outcome, reads, waitedMs };
        deps.metrics?.odooWebhookCatchUp.observe({ model: change.model, outcome }, waitedMs / 1000);
        if (outcome === 'rolled_back') {
          deps.metrics?.odooWebhookRolledBack.inc({ model: change.model });
          deps.logger.warn(about, 'odoo webhook announced a change Odoo never committed (rolled back): nothing done, the reconciliation scan has the record');
        } else deps.logger.debug(about, 'odoo change taken in');
        return outcome;
      },
    },
  };
  const merged: JobHandlers = { ...builtIn };
  for (const [queue, byName] of Object.entries(deps.handlers ?? {}) as Array<[keyof JobHandlers, JobHandlers[keyof JobHandlers]]>) {
    merged[queue] = { ...(merged[queue] ?? {}), ...byName };
  }
  return merged;
}
