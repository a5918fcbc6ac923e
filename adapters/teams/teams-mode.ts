import type { Config } from '../../src/config/parse-config.ts';
import type { Policy } from '../../src/policy/policy-types.ts';

/**
 * Whether Teams runs, and how: with MICROSOFT_APP_ID every request must carry a valid Bot
 * Framework token; without one, only demo mode (no Slack token, or the embedded Odoo) runs
 * Teams, and then unauthenticated (for the Bot Framework Emulator and tests); otherwise Teams is off.
 */
export type TeamsMode = 'authenticated' | 'dangerouslyUnauthenticated' | 'off';

export function teamsMode(config: Pick<Config, 'teams' | 'demoMode' | 'odoo'>): TeamsMode {
  if (config.teams.appId) return 'authenticated';
  if (config.demoMode || config.odoo.mode === 'embedded') return 'dangerouslyUnauthenticated';
  return 'off';
}

/**
 * Whether approval cards are routed to Teams. With a real Teams app, always (channels, DMs by
 * email). Unauthenticated demo Teams has no tenant of people to DM, so it joins only when the
 * policy sends some rule to a Teams channel; else every DM would also be tried in Teams and fail.
 */
export function teamsRoutesApprovals(mode: TeamsMode, policy: Policy): boolean {
  if (mode === 'authenticated') return true;
  if (mode === 'off') return false;
  return policy.rules.some((r) => r.notify.teamsChannel !== null);
}
