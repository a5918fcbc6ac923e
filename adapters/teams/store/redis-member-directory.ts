import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A Teams user as TeamsInfo.getMember told it, and where the bot can reach them. */
export const teamsMemberSchema = z.object({
  /** The Teams user id (`29:...`). */
  id: z.string().min(1),
  aadObjectId: z.string().optional(),
  name: z.string(),
  email: z.string().optional(),
  userPrincipalName: z.string().optional(),
  tenantId: z.string().optional(),
  /** The Bot Connector of the user's region and the bot's account there: enough to open a personal chat. */
  serviceUrl: z.string().url(),
  botId: z.string().min(1),
  /** Their personal chat with the bot, when there is one. */
  personalConversationId: z.string().optional(),
  capturedAt: z.string(),
});

export type TeamsMember = z.infer<typeof teamsMemberSchema>;

/**
 * Teams members in Redis, so worker processes (which have no turn to ask TeamsInfo with) can
 * resolve a clicker's profile and find people by email or UPN. Keyed by the Teams user id, with
 * indexes by AAD object id, email and UPN (lower-cased).
 */
export class RedisMemberDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: string, id: string): string {
    return `${this.prefix}:teams:${kind}:${id}`;
  }

  async save(member: TeamsMember): Promise<void> {
    const m = teamsMemberSchema.parse(member);
    const multi = this.redis.multi().set(this.key('member', m.id), JSON.stringify(m));
    if (m.aadObjectId) multi.set(this.key('member-aad', m.aadObjectId.toLowerCase()), m.id);
    for (const address of [m.email, m.userPrincipalName]) if (address) multi.set(this.key('member-email', address.toLowerCase()), m.id);
    await multi.exec();
  }

  /** By Teams user id or AAD object id. */
  async get(userId: string): Promise<TeamsMember | null> {
    let json = await this.redis.get(this.key('member', userId));
    if (!json) {
      const id = await this.redis.get(this.key('member-aad', userId.toLowerCase()));
      json = id ? await this.redis.get(this.key('member', id)) : null;
    }
    return json ? teamsMemberSchema.parse(JSON.parse(json)) : null;
  }

  /** By email or user principal name, case-insensitive. */
  async findByEmail(address: string): Promise<TeamsMember | null> {
    const id = await this.redis.get(this.key('member-email', address.trim().toLowerCase()));
    return id ? this.get(id) : null;
  }

  /** Records the personal chat the user has with the bot (installed, or opened by the bot). */
  async setPersonalConversation(userId: string, conversationId: string): Promise<void> {
    const member = await this.get(userId);
    if (member && member.personalConversationId !== conversationId) await this.save({ ...member, personalConversationId: conversationId });
  }
}
