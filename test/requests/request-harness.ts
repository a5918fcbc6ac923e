/**
 * Purchase requests against the embedded Odoo, without start-bot: the real gateway, the Redis
 * store and audit log, a job queue that keeps BullMQ's one-job-per-id rule and runs the request
 * handlers when drained, and a recording chat.
 */
import { Redis } from 'ioredis';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { RedisRequestStore } from '../../adapters/requests/redis-request-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { PostedMessage } from '../../src/ports/chat.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { writeRequestDecision, type RequestDecision } from '../../src/requests/decide-request.ts';
import { postRequestCard, tellRequester, updateRequestCards, type RequestCardJob, type RequestTellJob } from '../../src/requests/post-request-card.ts';
import { REQUEST_JOBS, type RequestChat, type RequestNotifyDeps } from '../../src/requests/request-deps.ts';
import type { RequestCardView } from '../../src/requests/request-card-view.ts';
import { DEFAULT_REQUESTS_SETTINGS, type RequestsSettings } from '../../src/requests/requests-section.ts';
import { writeRequest } from '../../src/requests/write-request.ts';
import type { RequestWriteJob } from '../../src/requests/submit-request.ts';
import type { BusinessCalendar } from '../../src/time/business-calendar.ts';
import { adminWire, type OdooProfile } from '../support/odoo-profile.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

export const DOMAIN = 'northgate-supply.example';
export const USERS: Record<string, string> = { U0CASEY: `warehouse@${DOMAIN}`, U0JORDAN: `buyer@${DOMAIN}`, U0RILEY: `finance@${DOMAIN}` };
export const chatOf = (userId: string): ChatUserRef => ({ platform: 'slack', userId, displayName: userId });

const weekdays = { startMinute: 8 * 60, endMinute: 17 * 60 };
export const CALENDAR: BusinessCalendar = { timeZone: 'America/Chicago', week: [[], [weekdays], [weekdays], [weekdays], [weekdays], [weekdays], []], holidays: new Set() };

interface Queued { queue: string; name: string; data: unknown; id: string }

export interface RequestHarness {
  odoo: EmbeddedOdoo;
  admin: OdooAwaitGateway;
  deps: RequestNotifyDeps;
  settings: RequestsSettings;
  jobs: Queued[];
  cards: Array<{ to: string; view: RequestCardView; updates: RequestCardView[] }>;
  dms: Array<{ to: string; text: string }>;
  /** Runs every queued job not run yet (and those they queue), in order. */
  drain(): Promise<void>;
  /** Runs one job again (a re-run after a crash). */
  rerun(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startRequestHarness(profile: OdooProfile, settings: Partial<RequestsSettings> = {}): Promise<RequestHarness> {
  const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void seedDistribution(store, { seed: 7, scale: 40, now: new Date() }) });
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000, ...adminWire(odoo, profile) });
  const prefix = uniquePrefix('requests');
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 2 });
  const jobs: Queued[] = [];
  const ran = new Set<string>();
  const queue: JobQueue = {
    async enqueue(q, name, data, options) {
      if (!jobs.some((j) => j.id === options.jobId)) jobs.push({ queue: q, name, data, id: options.jobId });
    },
  };
  const cards: RequestHarness['cards'] = [];
  const dms: RequestHarness['dms'] = [];
  const chat: RequestChat = {
    async postRequestCard(target, view) {
      const to = target.kind === 'user' ? target.userId : target.channel;
      cards.push({ to, view, updates: [] });
      return { platform: 'slack', channel: to, messageId: String(cards.length) } satisfies PostedMessage;
    },
    async updateRequestCard(message, view) {
      cards[Number(message.messageId) - 1]!.updates.push(view);
    },
    async sendDirect(user, text) {
      dms.push({ to: user.userId, text });
    },
  };
  const full: RequestsSettings = { ...DEFAULT_REQUESTS_SETTINGS, ...settings };
  const deps: RequestNotifyDeps = {
    odoo: admin,
    store: new RedisRequestStore(redis, prefix),
    queue,
    audit: new RedisAuditLog(redis, prefix, 30),
    settings: full,
    calendar: CALENDAR,
    odooUrl: odoo.url,
    now: () => new Date(),
    identify: async (c) => {
      const login = USERS[c.userId];
      const [user] = login ? await admin.search('user', { domain: [['login', '=', login]], limit: 1 }) : [];
      if (!user) return { ok: false, code: 'unknown_user', message: `${c.userId} is not mapped to an Odoo user.` };
      const groups = [...(user.isPurchaseUser ? ['purchase.group_purchase_user'] : []), ...(user.isPurchaseManager ? ['purchase.group_purchase_manager'] : [])];
      return { ok: true, viewer: { chat: c, odoo: { odooUserId: user.id, login: user.login, name: user.name, email: user.email, groups, isPurchaseManager: user.isPurchaseManager, companyIds: user.companyIds } } };
    },
    chat: () => chat,
    directory: { findByEmail: async (_p, email) => { const id = Object.entries(USERS).find(([, l]) => l === email)?.[0]; return id ? chatOf(id) : null; } },
  };
  const run = async (j: Queued) => {
    if (j.name === REQUEST_JOBS.write) await writeRequest(j.data as RequestWriteJob, deps);
    else if (j.name === REQUEST_JOBS.postCard) await postRequestCard(j.data as RequestCardJob, deps);
    else if (j.name === REQUEST_JOBS.updateCards) await updateRequestCards(j.data as RequestCardJob, deps);
    else if (j.name === REQUEST_JOBS.tell) await tellRequester(j.data as RequestTellJob, deps);
    else if (j.name === REQUEST_JOBS.decide) await writeRequestDecision(j.data as RequestDecision & { byName: string }, deps);
    else throw new Error(`no handler for ${j.name}`);
  };
  return {
    odoo, admin, deps, settings: full, jobs, cards, dms,
    async drain() {
      for (let i = 0; i < jobs.length; i++) {
        const j = jobs[i]!;
        if (ran.has(j.id)) continue;
        ran.add(j.id);
        await run(j);
      }
    },
    async rerun(name) {
      const j = jobs.find((x) => x.name === name);
      if (!j) throw new Error(`no ${name} job`);
      await run(j);
    },
    async close() {
      await deleteKeys(testRedisUrl(), prefix);
      redis.disconnect();
      await odoo.stop();
    },
  };
}
