/**
 * The Redis keys of the event outbox. Every key carries the `{events}` hash tag, so the Lua
 * scripts that touch several of them stay in one slot on Redis Cluster.
 */
export function eventKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, '{events}', ...parts].join(':');
  return {
    seen: (eventId: string) => k('seen', eventId),
    stream: (subscriber: string) => k('stream', subscriber),
    cursor: (subscriber: string) => k('cursor', subscriber),
    lock: (subscriber: string) => k('lock', subscriber),
    failure: (subscriber: string) => k('failure', subscriber),
    dead: (subscriber: string) => k('dead', subscriber),
  };
}

/** How long an event id is remembered: a re-emission within this time is dropped. */
export const SEEN_TTL_SECONDS = 30 * 24 * 3600;
