import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A message as the workspace keeps it: what the bot posted (or a person typed), Slack-shaped. */
export interface WorkspaceMessage {
  ts: string;
  channel: string;
  /** Author: a user id (the bot's user id for the bot's messages). */
  user: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  /** Set on ephemeral messages: only this user sees them. */
  ephemeralTo?: string;
  /**
   * Set on ephemeral answers to a click: the message clicked. The workspace shows the answer
   * right under that message, where the person is looking, not at the bottom of the channel.
   */
  nearTs?: string;
  edited?: boolean;
}

/** A modal (or Home tab) opened by the bot through views.open / views.update / views.publish. */
export interface WorkspaceView {
  id: string;
  user: string;
  /** The view object as the bot sent it (type, title, blocks, private_metadata...). */
  view: Record<string, unknown>;
  hash: string;
  /** Where the interaction that opened it happened, for view_submission's response_urls (none here). */
  channel?: string;
  /**
   * The options the bot answered for each external_select (block_suggestion), by block id: what
   * the person can pick, and what the view_submission reports as selected_option (as Slack keeps them).
   */
  loaded?: Record<string, Array<{ text: unknown; value: string }>>;
}

/** What a response_url stands for: the message the click came from, and who clicked. */
export interface ResponseTarget {
  channel: string;
  user: string;
  messageTs?: string;
}

// Slack keeps a channel's history; a demo needs the recent part only.
const MESSAGES_KEPT_PER_CHANNEL = 500;
// Slack's trigger_id expires 3 s after the interaction: the bot must open its modal in time.
const TRIGGER_TTL_SECONDS = 3;
// Slack accepts up to 5 posts to a response_url within 30 minutes.
const RESPONSE_URL_TTL_SECONDS = 30 * 60;
const VIEW_TTL_SECONDS = 24 * 3600;
// How long a click stays the person's latest interaction: a refusal comes from a worker within seconds.
const INTERACTION_TTL_SECONDS = 120;

/**
 * The workspace's state in Redis under `${prefix}:workspace:`, so the web process (which serves
 * the UI) and `npm run worker` processes (which call the Web API through it) see one workspace.
 * Every change bumps one revision counter; the browser polls it to know when to fetch again.
 */
export class WorkspaceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private key = (...parts: string[]) => `${this.prefix}:workspace:${parts.join(':')}`;

  async revision(): Promise<number> {
    return Number((await this.redis.get(this.key('rev'))) ?? 0);
  }

  private async bump(): Promise<void> {
    await this.redis.incr(this.key('rev'));
  }

  /** A Slack-like ts ("1767225600.000042"): seconds, then a sequence that keeps every ts unique and ordered. */
  async nextTs(): Promise<{ ts: string; seq: number }> {
    const seq = await this.redis.incr(this.key('seq'));
    return { ts: `${Math.floor(this.now().getTime() / 1000)}.${String(seq % 1_000_000).padStart(6, '0')}`, seq };
  }

  async post(message: Omit<WorkspaceMessage, 'ts'>): Promise<WorkspaceMessage> {
    const { ts, seq } = await this.nextTs();
    const stored: WorkspaceMessage = { ...message, ts };
    const timeline = this.key('timeline', message.channel);
    await this.redis
      .multi()
      .hset(this.key('msg', message.channel), ts, JSON.stringify(stored))
      .zadd(timeline, seq, ts)
      .zremrangebyrank(timeline, 0, -MESSAGES_KEPT_PER_CHANNEL - 1)
      .incr(this.key('rev'))
      .exec();
    return stored;
  }

  async get(channel: string, ts: string): Promise<WorkspaceMessage | null> {
    const raw = await this.redis.hget(this.key('msg', channel), ts);
    return raw ? (JSON.parse(raw) as WorkspaceMessage) : null;
  }

  /** Replaces text and blocks of a message (chat.update, response_url replace_original); null when unknown. */
  async update(channel: string, ts: string, change: Pick<WorkspaceMessage, 'text' | 'blocks'>): Promise<WorkspaceMessage | null> {
    const current = await this.get(channel, ts);
    if (!current) return null;
    const next: WorkspaceMessage = { ...current, text: change.text, edited: true };
    if (change.blocks) next.blocks = change.blocks;
    else delete next.blocks;
    await this.redis.hset(this.key('msg', channel), ts, JSON.stringify(next));
    await this.bump();
    return next;
  }

  async remove(channel: string, ts: string): Promise<boolean> {
    const [[, removed] = [null, 0]] = ((await this.redis.multi().hdel(this.key('msg', channel), ts).zrem(this.key('timeline', channel), ts).incr(this.key('rev')).exec()) ?? []) as Array<[Error | null, unknown]>;
    return Number(removed) > 0;
  }

  /** The channel's recent messages, oldest first, without other people's ephemeral messages. */
  async messages(channel: string, viewer: string): Promise<WorkspaceMessage[]> {
    const tss = await this.redis.zrange(this.key('timeline', channel), 0, -1);
    if (tss.length === 0) return [];
    const raws = await this.redis.hmget(this.key('msg', channel), ...tss);
    return raws
      .filter((r): r is string => r !== null)
      .map((r) => JSON.parse(r) as WorkspaceMessage)
      .filter((m) => !m.ephemeralTo || m.ephemeralTo === viewer);
  }

  /** A trigger_id for an interaction of `user`; views.open consumes it within Slack's 3 s. */
  async issueTrigger(user: string, channel?: string): Promise<string> {
    const id = `${Math.floor(this.now().getTime() / 1000)}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(16).toString('hex')}`;
    await this.redis.set(this.key('trigger', id), JSON.stringify({ user, channel }), 'EX', TRIGGER_TTL_SECONDS);
    return id;
  }

  /** Who the trigger belongs to; a trigger works once (null when expired, used or unknown). */
  async consumeTrigger(id: string): Promise<{ user: string; channel?: string } | null> {
    const raw = await this.redis.getdel(this.key('trigger', id));
    return raw ? (JSON.parse(raw) as { user: string; channel?: string }) : null;
  }

  /**
   * Remembers the person's latest interaction in a conversation: the message they clicked, or
   * nothing (a command or a typed message), so a private answer can be shown where it belongs.
   */
  async noteInteraction(user: string, channel: string, messageTs: string | null): Promise<void> {
    const key = this.key('last-click', user, channel);
    if (messageTs) await this.redis.set(key, messageTs, 'EX', INTERACTION_TTL_SECONDS);
    else await this.redis.del(key);
  }

  /** The message `user` last clicked in `channel`, if that was their latest interaction there (within two minutes). */
  async lastClicked(user: string, channel: string): Promise<string | null> {
    const ts = await this.redis.get(this.key('last-click', user, channel));
    return ts && (await this.get(channel, ts)) ? ts : null;
  }

  async issueResponseToken(target: ResponseTarget): Promise<string> {
    const token = randomBytes(18).toString('base64url');
    await this.redis.set(this.key('respond', token), JSON.stringify({ ...target, uses: 0 }), 'EX', RESPONSE_URL_TTL_SECONDS);
    return token;
  }

  /** The target of a response_url, counting its use: Slack allows five. */
  async useResponseToken(token: string): Promise<ResponseTarget | null> {
    const raw = await this.redis.get(this.key('respond', token));
    if (!raw) return null;
    const target = JSON.parse(raw) as ResponseTarget & { uses: number };
    if (target.uses >= 5) return null;
    await this.redis.set(this.key('respond', token), JSON.stringify({ ...target, uses: target.uses + 1 }), 'KEEPTTL');
    return target;
  }

  async newViewId(): Promise<string> {
    const seq = await this.redis.incr(this.key('view-seq'));
    return `V0${String(seq).padStart(8, '0')}`;
  }

  /** Stores a view; `asModalOf` makes it the modal on that user's screen. */
  async saveView(view: WorkspaceView, asModalOf?: string): Promise<void> {
    const m = this.redis.multi().set(this.key('view', view.id), JSON.stringify(view), 'EX', VIEW_TTL_SECONDS);
    if (asModalOf) m.set(this.key('modal', asModalOf), view.id, 'EX', VIEW_TTL_SECONDS);
    await m.incr(this.key('rev')).exec();
  }

  async view(id: string): Promise<WorkspaceView | null> {
    const raw = await this.redis.get(this.key('view', id));
    return raw ? (JSON.parse(raw) as WorkspaceView) : null;
  }

  /** The modal open on this user's screen, if any. */
  async modalOf(user: string): Promise<WorkspaceView | null> {
    const id = await this.redis.get(this.key('modal', user));
    return id ? this.view(id) : null;
  }

  async closeModal(user: string, viewId: string): Promise<void> {
    const current = await this.redis.get(this.key('modal', user));
    if (current === viewId) await this.redis.multi().del(this.key('modal', user)).incr(this.key('rev')).exec();
  }

  async publishHome(user: string, view: WorkspaceView): Promise<void> {
    await this.redis.multi().set(this.key('home', user), JSON.stringify(view)).incr(this.key('rev')).exec();
  }

  async homeOf(user: string): Promise<WorkspaceView | null> {
    const raw = await this.redis.get(this.key('home', user));
    return raw ? (JSON.parse(raw) as WorkspaceView) : null;
  }
}
