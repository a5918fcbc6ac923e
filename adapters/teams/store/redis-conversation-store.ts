import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * Where the bot can talk without a turn: a Bot Framework conversation reference, minus the
 * activity id (a stored activity id would turn every proactive post into a reply).
 */
export const storedConversationSchema = z.object({
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional(), name: z.string().optional() }).loose(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }).loose(),
  /** 'channel' | 'groupChat' | 'personal'. */
  kind: z.enum(['channel', 'groupChat', 'personal']),
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  channelName: z.string().optional(),
  /** Personal chats: the user (Teams user id) the chat is with. */
  userId: z.string().optional(),
  locale: z.string().optional(),
  savedAt: z.string(),
});

export type StoredConversation = z.infer<typeof storedConversationSchema>;

/** Teams threads a channel reply into `19:...@thread.tacv2;messageid=123`: the channel is the part before. */
export function baseConversationId(id: string): string {
  const at = id.indexOf(';messageid=');
  return at === -1 ? id : id.slice(0, at);
}

/**
 * A conversation id that fits the 128 characters the core's click schema allows (personal chat
 * ids can be longer): long ids become `h:` + a digest, which this store resolves back.
 */
export function shortConversationId(id: string): string {
  return id.length <= 128 ? id : `h:${createHash('sha256').update(id).digest('base64url')}`;
}

/**
 * Teams conversation references in Redis, shared by every web and worker process: by
 * conversation id, by channel name (`Approvals` or `Team/Approvals`, case-insensitive) and by
 * the user of a personal chat.
 */
export class RedisConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: string, id: string): string {
    return `${this.prefix}:teams:${kind}:${id}`;
  }

  async save(ref: StoredConversation): Promise<void> {
    const id = ref.conversation.id;
    const json = JSON.stringify(storedConversationSchema.parse(ref));
    const multi = this.redis.multi().set(this.key('conv', id), json);
    if (shortConversationId(id) !== id) multi.set(this.key('conv-alias', shortConversationId(id)), id);
    for (const name of namesOf(ref)) multi.set(this.key('conv-name', name), id);
    if (ref.kind === 'personal' && ref.userId) multi.set(this.key('personal', ref.userId), id);
    await multi.exec();
  }

  /**
   * Forgets a conversation the bot was removed from (uninstalled, or taken out of the team): posts
   * routed there then fail as "unknown conversation" and wait until the bot is added back, instead
   * of failing against the Bot Connector. Name and personal indexes are dropped only while they
   * still point at this conversation (a newer one may have taken the name).
   */
  async remove(conversationId: string): Promise<void> {
    const ref = await this.get(conversationId);
    if (!ref) return;
    const id = ref.conversation.id;
    const indexes = [...namesOf(ref).map((n) => this.key('conv-name', n)), ...(ref.kind === 'personal' && ref.userId ? [this.key('personal', ref.userId)] : [])];
    const multi = this.redis.multi().del(this.key('conv', id));
    if (shortConversationId(id) !== id) multi.del(this.key('conv-alias', shortConversationId(id)));
    for (const key of indexes) multi.eval(DEL_IF_EQUALS, 1, key, id);
    await multi.exec();
  }

  /** By conversation id (a thread id is read as its channel), or by the short id of a long one. */
  async get(conversationId: string): Promise<StoredConversation | null> {
    let id = baseConversationId(conversationId);
    if (id.startsWith('h:')) id = (await this.redis.get(this.key('conv-alias', id))) ?? id;
    const json = await this.redis.get(this.key('conv', id));
    return json ? storedConversationSchema.parse(JSON.parse(json)) : null;
  }

  /**
   * What the policy's `teams_channel` names: a conversation id (`19:...@thread.tacv2`) or a
   * channel name, alone or as `Team/Channel`.
   */
  async find(target: string): Promise<StoredConversation | null> {
    const byId = await this.get(target);
    if (byId) return byId;
    const id = await this.redis.get(this.key('conv-name', nameKey(target)));
    return id ? this.get(id) : null;
  }

  async personalOf(userId: string): Promise<StoredConversation | null> {
    const id = await this.redis.get(this.key('personal', userId));
    return id ? this.get(id) : null;
  }
}

/** Deletes KEYS[1] only while it holds ARGV[1]. */
const DEL_IF_EQUALS = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

function nameKey(name: string): string {
  return name.trim().replace(/^#/, '').toLowerCase();
}

function namesOf(ref: StoredConversation): string[] {
  if (ref.kind !== 'channel') return ref.conversation.name ? [nameKey(ref.conversation.name)] : [];
  // Teams omits the name of a team's General channel (its id is the team's id).
  const channel = ref.channelName ?? (ref.teamId && ref.teamId === ref.conversation.id ? 'General' : undefined);
  if (!channel) return [];
  return [nameKey(channel), ...(ref.teamName ? [nameKey(`${ref.teamName}/${channel}`)] : [])];
}
