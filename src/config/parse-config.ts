import { envSchema, type Env } from './config-schema.ts';

/** ODOO_PROTOCOL: `auto` speaks JSON-2 to Odoo 19+ when an API key is set, else XML-RPC. */
export type OdooProtocol = 'auto' | 'xmlrpc' | 'json2';

export type OdooConnectionConfig =
  | { mode: 'external'; url: string; db: string; username: string; password: string; apiKey: string | undefined; protocol: OdooProtocol; timeoutMs: number }
  | {
      mode: 'embedded';
      port: number;
      version: 17 | 18 | 19;
      /** The admin's API key on the embedded 19 (ODOO_API_KEY, else one it issues at start). */
      apiKey: string | undefined;
      protocol: OdooProtocol;
      seed: number;
      scale: number;
      db: string;
      username: string;
      password: string;
      timeoutMs: number;
    };

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  port: number;
  publicUrl: string;
  stateDir: string;
  /**
   * No chat credentials at all (neither Slack nor Teams): the bot runs against the local
   * workspace that stands in for Slack. A Teams-only deployment is not a demo.
   */
  demoMode: boolean;
  redis: { url: string; keyPrefix: string; autostart: boolean };
  odoo: OdooConnectionConfig;
  webhooks: { odooToken: string | undefined; bodyLimitBytes: number; dedupeTtlSeconds: number; supplierEmailHmacSecret: string | undefined };
  slack: { botToken: string | undefined; signingSecret: string | undefined; apiUrl: string | undefined; appToken: string | undefined };
  teams: { appId: string | undefined; appPassword: string | undefined; tenantId: string | undefined; appType: Env['MICROSOFT_APP_TYPE'] };
  openai: { apiKey: string | undefined; baseUrl: string | undefined; model: string };
  policyFile: string | undefined;
  shutdownTimeoutMs: number;
  workerConcurrency: number;
  auditRetentionDays: number;
  /** How often the reconciliation scans run (job schedulers on the scan queue). */
  reconcileIntervalSeconds: number;
  /** Signed chart URLs (control tower): the secret, else one made once per Redis prefix. */
  charts: { urlSecret: string | undefined };
  /** While Odoo cannot be reached: a write-back tries again every `retryEveryMs`, for `giveUpAfterMs` at most. */
  writebackOdooOutage: { retryEveryMs: number; giveUpAfterMs: number };
  /** Job lock duration and stalled-job check interval of the workers. */
  jobLockMs: number;
}

/** A configuration problem, reported as one line that names the variable and what it expects. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(`Invalid configuration: ${variable} must be ${expected}${received === undefined ? ' (it is not set)' : ` (got ${received})`}`);
    this.name = 'ConfigError';
  }
}

/** Shows what was given without leaking secrets: values of secret-looking variables are never echoed. */
function describeReceived(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/PASSWORD|SECRET|TOKEN|KEY/.test(name)) return `a value of ${value.length} characters`;
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/**
 * Parses the environment into the typed configuration. Throws a ConfigError on the first problem,
 * in the order of the schema, so start-up stops with one clear line.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const expected = issue.message.replace(/^Invalid input: expected /, '');
    throw new ConfigError(variable, expected, describeReceived(variable, env[variable]));
  }
  const e = result.data;
  const odoo: OdooConnectionConfig = e.ODOO_URL
    ? { mode: 'external', url: e.ODOO_URL, db: e.ODOO_DB!, username: e.ODOO_USERNAME!, password: e.ODOO_PASSWORD ?? '', apiKey: e.ODOO_API_KEY, protocol: e.ODOO_PROTOCOL, timeoutMs: e.ODOO_TIMEOUT_MS }
    : {
        mode: 'embedded',
        port: e.EMBEDDED_ODOO_PORT,
        version: e.EMBEDDED_ODOO_VERSION === '17' ? 17 : e.EMBEDDED_ODOO_VERSION === '18' ? 18 : 19,
        apiKey: e.ODOO_API_KEY,
        protocol: e.ODOO_PROTOCOL,
        seed: e.EMBEDDED_ODOO_SEED,
        scale: e.EMBEDDED_ODOO_SCALE,
        db: e.ODOO_DB ?? 'odoo',
        username: e.ODOO_USERNAME ?? 'admin',
        password: e.ODOO_PASSWORD ?? 'admin',
        timeoutMs: e.ODOO_TIMEOUT_MS,
      };
  return {
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    stateDir: e.STATE_DIR,
    demoMode: !e.SLACK_BOT_TOKEN && !e.MICROSOFT_APP_ID,
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, autostart: e.REDIS_AUTOSTART },
    odoo,
    webhooks: {
      odooToken: e.ODOO_WEBHOOK_TOKEN,
      bodyLimitBytes: e.WEBHOOK_BODY_LIMIT_BYTES,
      dedupeTtlSeconds: e.WEBHOOK_DEDUPE_TTL_SECONDS,
      supplierEmailHmacSecret: e.SUPPLIER_EMAIL_HMAC_SECRET,
    },
    slack: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL, appToken: e.SLACK_APP_TOKEN },
    teams: { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    policyFile: e.POLICY_FILE,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    charts: { urlSecret: e.CHART_URL_SECRET },
    jobLockMs: e.JOB_LOCK_MS,
    writebackOdooOutage: { retryEveryMs: e.WRITEBACK_ODOO_RETRY_MS, giveUpAfterMs: e.WRITEBACK_ODOO_WAIT_SECONDS * 1000 },
  };
}
