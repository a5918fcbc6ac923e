import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { OdooRecordChanged } from '../../src/intake/odoo-webhook-event.ts';
import { ODOO_RECORD_CHANGED_JOB } from '../../src/intake/receive-odoo-webhook.ts';
import { takeInOdooChange, type ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { RedisChangeLog } from '../store/redis-change-log.ts';
import type { OdooConnection } from './connect-odoo.ts';

export interface JobHandlerDeps {
  odoo: OdooConnection;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
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
        const outcome = await takeInOdooChange(change, { odoo: deps.odoo.gateway, changes, listeners: deps.listeners ?? {} });
        deps.logger.debug({ model: change.model, id: change.id, version: change.version, outcome }, 'odoo change taken in');
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
