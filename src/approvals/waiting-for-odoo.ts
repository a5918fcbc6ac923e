import { CodedError } from '../errors/coded-error.ts';

/**
 * An Odoo outage does not spend a job's attempts (with exponential backoff they would run out, or
 * leave minutes between tries, long before Odoo is back): the write-back, or a click waiting to
 * learn who clicked, tries again every `retryEveryMs` until Odoo answers, and gives up only after
 * `giveUpAfterMs` of outage. The card (or the clicker) is told meanwhile.
 */
export interface OdooOutagePolicy {
  retryEveryMs: number;
  giveUpAfterMs: number;
}

/** Thrown to have the queue run the job again after `retryAfterMs`, without spending an attempt. */
export class WaitingForOdoo extends CodedError {
  constructor(
    readonly retryAfterMs: number,
    options: { cause: unknown },
  ) {
    super('waiting_for_odoo', 'Odoo cannot be reached; the job tries again shortly', true, options);
    this.name = 'WaitingForOdoo';
  }
}

/** Odoo could not be reached or answered in time (refused, reset, timeout, 502/503/504). */
export const isOdooUnreachable = (err: unknown): boolean => typeof err === 'object' && err !== null && 'code' in err && err.code === 'odoo_transient';
