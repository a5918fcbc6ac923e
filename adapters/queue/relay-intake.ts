import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BullQueues } from './bullmq-queues.ts';
import { intakeStreamKey, readIntakeFields, type IntakeEntry } from './intake-stream.ts';

/** The consumer group every worker process's relay reads the intake stream in. */
export const INTAKE_RELAY_GROUP = 'relay';

export interface IntakeRelayOptions {
  /** The worker's connection; the relay reads on a duplicate of it (its reads block). */
  connection: Redis;
  prefix: string;
  queues: BullQueues;
  logger: Logger;
  /** This relay's name in the group; unique per process. */
  consumer?: string;
  /** An entry another relay read and did not finish for this long is taken over (that relay died). */
  claimIdleMs?: number;
  /** How long a read waits for new entries before the relay looks for abandoned ones. */
  blockMs?: number;
  batch?: number;
}

export interface IntakeRelay {
  /** Stops after the batch in hand is in its queues; entries read and not finished go to another relay. */
  close(): Promise<void>;
}

type StreamReply = Array<[string, Array<[string, string[]]>]> | null;

/** A relay's consumer left idle this long with nothing pending belongs to a process long gone. */
const FORGET_CONSUMER_AFTER_MS = 24 * 3600 * 1000;

/**
 * Moves what the web processes wrote to the intake stream (StreamIntakeQueue) into its BullMQ
 * queue, in the worker process, in batches: one addBulk per queue, then XACK + XDEL. The entry's
 * job id is the BullMQ job id, so an entry relayed twice (this relay died between the add and the
 * ack, and another took it over with XAUTOCLAIM after `claimIdleMs`) is still one job. An entry
 * whose add failed (Redis blip) stays pending for this relay and is read again first.
 */
export async function startIntakeRelay(options: IntakeRelayOptions): Promise<IntakeRelay> {
  const key = intakeStreamKey(options.prefix);
  const me = options.consumer ?? `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const claimIdleMs = options.claimIdleMs ?? 5_000;
  const blockMs = options.blockMs ?? 1_000;
  const batch = options.batch ?? 200;
  const log = options.logger;
  const reader = options.connection.duplicate();
  reader.on('error', (err) => log.warn({ err: err.message }, 'redis intake relay connection error'));
  let readerId: number | null = null;
  let closing = false;
  let blocked = false;

  const ensureGroup = async () => {
    try {
      await reader.xgroup('CREATE', key, INTAKE_RELAY_GROUP, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  };

  const relay = async (messages: Array<[string, string[] | null]>) => {
    if (messages.length === 0) return;
    const byQueue = new Map<string, IntakeEntry[]>();
    for (const [id, fields] of messages) {
      // A deleted entry (XDEL by a relay that finished it) comes back from XAUTOCLAIM as null: only the ack is left.
      const entry = fields ? readIntakeFields(fields) : null;
      if (fields && !entry) log.error({ id, fields }, 'an intake entry this bot did not write: dropped');
      if (!entry) continue;
      const list = byQueue.get(entry.queue);
      if (list) list.push(entry);
      else byQueue.set(entry.queue, [entry]);
    }
    const now = Date.now();
    await Promise.all(
      [...byQueue].map(([queue, entries]) =>
        options.queues[queue as keyof BullQueues].addBulk(entries.map((e) => ({ name: e.name, data: e.data, opts: { jobId: e.jobId, ...(e.notBefore && e.notBefore > now ? { delay: e.notBefore - now } : {}) } }))),
      ),
    );
    const ids = messages.map(([id]) => id);
    await reader.multi().xack(key, INTAKE_RELAY_GROUP, ...ids).xdel(key, ...ids).exec();
  };

  const read = async (from: '0' | '>') => {
    blocked = from === '>';
    try {
      const reply = (blocked
        ? await reader.xreadgroup('GROUP', INTAKE_RELAY_GROUP, me, 'COUNT', batch, 'BLOCK', blockMs, 'STREAMS', key, from)
        : await reader.xreadgroup('GROUP', INTAKE_RELAY_GROUP, me, 'COUNT', batch, 'STREAMS', key, from)) as StreamReply;
      return reply?.[0]?.[1] ?? [];
    } finally {
      blocked = false;
    }
  };

  // Entries other relays read and never finished (their process died), and consumers long gone.
  const takeOverAbandoned = async () => {
    let cursor = '0-0';
    do {
      const [next, messages] = (await reader.xautoclaim(key, INTAKE_RELAY_GROUP, me, claimIdleMs, cursor, 'COUNT', batch)) as [string, Array<[string, string[] | null]>];
      if (messages.length > 0) log.warn({ entries: messages.length }, 'intake entries of a relay that stopped: relayed here');
      await relay(messages);
      cursor = next;
    } while (cursor !== '0-0' && !closing);
    const consumers = (await reader.xinfo('CONSUMERS', key, INTAKE_RELAY_GROUP)) as unknown[][];
    for (const c of consumers) {
      const info = Object.fromEntries(Array.from({ length: c.length / 2 }, (_, i) => [String(c[2 * i]), c[2 * i + 1]]));
      if (info.name !== me && Number(info.pending) === 0 && Number(info.idle) > FORGET_CONSUMER_AFTER_MS) await reader.xgroup('DELCONSUMER', key, INTAKE_RELAY_GROUP, String(info.name));
    }
  };

  await ensureGroup();
  readerId = Number(await reader.client('ID'));
  // A reconnect (Redis restarted) gives the connection another id: CLIENT UNBLOCK needs the current one.
  reader.on('ready', () => void reader.client('ID').then((id) => (readerId = Number(id)), () => undefined));

  const loop = async () => {
    let ownPendingFirst = true;
    let lastTakeOver = 0;
    while (!closing) {
      try {
        if (Date.now() - lastTakeOver >= Math.min(claimIdleMs / 2, 5_000)) {
          lastTakeOver = Date.now();
          await takeOverAbandoned();
        }
        const messages = await read(ownPendingFirst ? '0' : '>');
        if (ownPendingFirst && messages.length === 0) ownPendingFirst = false;
        await relay(messages);
      } catch (err) {
        if (closing) break;
        // The stream was deleted under the group (a test's cleanup, an operator's FLUSH): recreate it.
        if (String(err).includes('NOGROUP')) {
          await ensureGroup().catch(() => undefined);
          continue;
        }
        log.warn({ err: String(err) }, 'intake relay: Redis refused; trying again in a second');
        ownPendingFirst = true;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  };
  const running = loop();

  return {
    async close() {
      closing = true;
      // A read blocked on an empty stream is woken at once (CLIENT UNBLOCK answers it with nothing).
      if (blocked && readerId !== null) await options.connection.client('UNBLOCK', readerId).catch(() => undefined);
      await running;
      await reader.quit().catch(() => reader.disconnect());
    },
  };
}
