import type { Express } from 'express';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { createCloudAdapter, type TeamsAuthOptions } from './create-cloud-adapter.ts';
import { mountTeams } from './mount-teams.ts';
import { redeliverOnInstall, redeliverToPeople } from './redeliver-on-install.ts';
import { RedisConversationStore } from './store/redis-conversation-store.ts';
import { RedisMemberDirectory } from './store/redis-member-directory.ts';
import { TeamsApprovalChat } from './teams-approval-chat.ts';
import { teamsMode, teamsRoutesApprovals, type TeamsMode } from './teams-mode.ts';
import { TeamsRoutes } from './teams-routes.ts';
import { TeamsSender } from './teams-sender.ts';

/** Teams, wired for one process: what features register on and send with. */
export interface Teams {
  mode: Exclude<TeamsMode, 'off'>;
  /** Whether approval cards are routed to Teams (see teamsRoutesApprovals). */
  routesApprovals: boolean;
  conversations: RedisConversationStore;
  members: RedisMemberDirectory;
  sender: TeamsSender;
  chat: TeamsApprovalChat;
  /** Card verbs and message handlers: features register here before `mount`. */
  routes: TeamsRoutes;
  /** Mounts POST /api/messages (web processes). */
  mount(app: Express): void;
}

/**
 * Teams for the configured mode, or null when Teams is off (no MICROSOFT_APP_ID outside demo
 * mode). Every botbuilder import of the project stays under adapters/teams, so moving to the
 * Microsoft 365 Agents SDK replaces this folder only.
 */
export function createTeams(options: { config: Config; policy: Policy; redis: Redis; logger: Logger; now: () => Date; auth?: TeamsAuthOptions; notify?: Pick<Queue, 'getFailed'> }): Teams | null {
  const { config, policy, redis, logger, now } = options;
  const mode = teamsMode(config);
  if (mode === 'off') return null;
  const prefix = config.redis.keyPrefix;
  const adapter = createCloudAdapter(config.teams, logger, options.auth);
  const conversations = new RedisConversationStore(redis, prefix);
  const members = new RedisMemberDirectory(redis, prefix);
  const sender = new TeamsSender(adapter, config.teams.appId ?? '', conversations, members);
  const routes = new TeamsRoutes();
  let mounted = false;
  return {
    mode,
    routesApprovals: teamsRoutesApprovals(mode, policy),
    conversations,
    members,
    sender,
    chat: new TeamsApprovalChat(sender, members, policy),
    routes,
    mount(app) {
      if (mounted) return;
      mounted = true;
      if (mode === 'dangerouslyUnauthenticated') {
        logger.warn(
          { path: '/api/messages' },
          'TEAMS RUNS WITHOUT AUTHENTICATION: MICROSOFT_APP_ID is not set, so /api/messages accepts any request (demo mode only). Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing the bot.',
        );
      }
      const notify = options.notify;
      mountTeams(app, {
        adapter, requireToken: mode === 'authenticated', routes, conversations, members, logger, now,
        ...(notify
          ? {
              onNewConversation: (ref) => redeliverOnInstall(ref, { notify, conversations, logger }),
              onNewPeople: (addresses) => redeliverToPeople(addresses, { notify, logger }),
            }
          : {}),
      });
    },
  };
}
