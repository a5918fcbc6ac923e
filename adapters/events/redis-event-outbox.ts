import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import type { EventSubscriber } from '../../src/events/events-section.ts';
import type { EventOutbox } from '../../src/ports/event-outbox.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { eventKeys, SEEN_TTL_SECONDS } from './event-keys.ts';
import { enqueueDrain } from './event-jobs.ts';

// KEYS[1]: the event's seen key; KEYS[2..]: the streams of the subscribers that want it.
// The id is claimed and appended in one script, so an event is in each stream once or not at all.
const PUBLISH = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return {} end
local ids = {}
for i = 2, #KEYS do ids[#ids + 1] = redis.call('XADD', KEYS[i], '*', 'e', ARGV[2]) end
return ids`;

/**
 * The outbox in Redis: one stream per subscriber, in the order events were published (so a
 * subscriber sees each PO's events in order), plus a wake-up job on the `events` queue.
 */
export class RedisEventOutbox implements EventOutbox {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly subscribers: readonly EventSubscriber[],
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {
    this.keys = eventKeys(prefix);
  }

  async publish(events: readonly ChatopsEvent[]): Promise<void> {
    for (const event of events) {
      const to = this.subscribers.filter((s) => s.types.has(event.type));
      if (to.length === 0) continue;
      const ids = (await this.redis.eval(PUBLISH, 1 + to.length, this.keys.seen(event.id), ...to.map((s) => this.keys.stream(s.name)), SEEN_TTL_SECONDS, JSON.stringify(event))) as string[];
      if (ids.length === 0) continue; // published before: a re-run of the step that emitted it
      await Promise.all(to.map((s, i) => enqueueDrain(this.queue, s.name, ids[i]!)));
      this.logger.debug({ event: event.id, subscribers: to.map((s) => s.name) }, 'event published');
    }
  }
}

/** An outbox for a bot with no subscribers: nothing to store, nothing to wake. */
export const NO_OUTBOX: EventOutbox = { publish: async () => {} };
