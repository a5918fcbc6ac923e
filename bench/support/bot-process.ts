import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { cpuMsOf, ROOT, spawnTs, stopChild, waitForHttp } from './child-process.ts';

export interface BotProcess {
  role: 'web' | 'worker';
  pid: number;
  child: ChildProcess;
  /** CPU time the process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * The environment of a bot deployed as web + worker processes against a given Odoo, Redis and
 * (fake) Slack Web API; what an operator would put in .env.
 */
export function botEnv(options: { port: number; redisUrl: string; prefix: string; stateDir: string; odoo: { url: string; db: string }; slackApiUrl: string; signingSecret: string; webhookToken: string }): Record<string, string> {
  // xoxb-test-token: the token the fake Slack Web API (test/fakes) accepts.
  return {
    PORT: String(options.port), REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.prefix, REDIS_AUTOSTART: 'false', STATE_DIR: options.stateDir,
    LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '8',
    ODOO_URL: options.odoo.url, ODOO_DB: options.odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: options.webhookToken,
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: options.signingSecret, SLACK_API_URL: options.slackApiUrl,
    POLICY_FILE: resolve(ROOT, 'test/fixtures/approval-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600',
  };
}

/**
 * Starts `npm run web` or `npm run worker` (adapters/runtime/<role>.ts under node --import tsx,
 * what the npm script runs) in its own process; a web process is ready when /readyz answers.
 * BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of the web process there (--cpu-prof, every
 * BENCH_PROFILE_INTERVAL_US); BENCH_WEB_NODE_ARGS adds node options to it (`--trace-gc`, say).
 */
export async function startBotProcess(role: 'web' | 'worker', env: Record<string, string>): Promise<BotProcess> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = [
    ...(profileDir && role === 'web' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...(process.env.BENCH_PROFILE_INTERVAL_US ? [`--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL_US}`] : [])] : []),
    ...(role === 'web' && process.env.BENCH_WEB_NODE_ARGS ? process.env.BENCH_WEB_NODE_ARGS.split(' ').filter(Boolean) : []),
  ];
  const child = spawnTs(`adapters/runtime/${role}.ts`, { env, nodeArgs, stdout: 'ignore' });
  // /readyz answers 503 `starting` until every route is mounted (and Redis and Odoo answer).
  if (role === 'web') await waitForHttp(`http://127.0.0.1:${env.PORT}/readyz`);
  return { role, pid: child.pid!, child, cpuMs: () => cpuMsOf(child.pid!), stop: () => stopChild(child) };
}
