import type { Redis } from 'ioredis';
import type { LlmUsage } from '../llm/openai-email-reader.ts';
import type { TriageEvent, TriageRecorder } from '../../src/triage/flow/triage-ports.ts';

/**
 * The record of every proposal and its answer (a Redis stream, newest kept up to a cap), and the
 * counts /metrics shows (one Redis hash). Both live in Redis, not in process memory: proposals are
 * made on worker processes and confirmed on others, and any web process serves /metrics.
 */
export class RedisTriageRecorder implements TriageRecorder {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** @defaultValue 100_000 events */
    private readonly maxEvents = 100_000,
  ) {}

  get statsKey(): string {
    return `${this.prefix}:triage:stats`;
  }

  get logKey(): string {
    return `${this.prefix}:triage:log`;
  }

  async record(event: TriageEvent, at: Date): Promise<void> {
    const fields = Object.entries({ ...event, at: at.toISOString() }).flatMap(([k, v]) => [k, v === null ? '' : String(v)]);
    const m = this.redis.multi().xadd(this.logKey, 'MAXLEN', '~', String(this.maxEvents), '*', ...fields);
    const key = (...parts: string[]) => parts.map((p) => p.replace(/\|/g, '/')).join('|');
    switch (event.event) {
      case 'proposed':
        m.hincrby(this.statsKey, key('proposed', event.kind, event.category, event.provider), 1);
        if (event.fallbackReason) m.hincrby(this.statsKey, key('fallback', reasonCode(event.fallbackReason)), 1);
        break;
      case 'confirmed':
        m.hincrby(this.statsKey, key('confirmed', event.kind, event.proposed, event.provider, event.proposed === event.confirmed ? 'agreed' : 'changed'), 1);
        break;
      case 'dismissed':
        m.hincrby(this.statsKey, key('dismissed', event.kind, event.proposed, event.provider), 1);
        break;
    }
    await m.exec();
  }

  /** The OpenAiEmailReader observer: tokens and outcome of every model call. Never throws. */
  observeLlm(usage: LlmUsage): void {
    const key = (...parts: string[]) => parts.map((p) => p.replace(/\|/g, '/')).join('|');
    void this.redis
      .multi()
      .hincrby(this.statsKey, key('tokens', usage.provider, usage.model, 'prompt'), usage.promptTokens)
      .hincrby(this.statsKey, key('tokens', usage.provider, usage.model, 'completion'), usage.completionTokens)
      .hincrby(this.statsKey, key('llm_call', usage.provider, usage.model, usage.outcome), 1)
      .exec()
      .catch(() => undefined);
  }

  /** Every count, for the metrics collector. */
  async counts(): Promise<Array<{ parts: string[]; value: number }>> {
    const all = await this.redis.hgetall(this.statsKey);
    return Object.entries(all).map(([k, v]) => ({ parts: k.split('|'), value: Number(v) }));
  }
}

/** `triage_timeout: no answer within 20000 ms` -> `triage_timeout` (a bounded label). */
export function reasonCode(reason: string): string {
  return /^([a-z_]+):/.exec(reason)?.[1] ?? 'other';
}
