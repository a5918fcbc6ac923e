import { z } from 'zod';

/**
 * The bot's configuration, parsed from the environment (and `.env`) at start-up.
 * Names are the external contract of ARCHITECTURE.md: operators and scripts rely on them.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const url = (protocols: string[]) =>
  z.url({ message: `a URL (${protocols.join(' or ')})` }).refine(
    (u) => protocols.some((p) => u.startsWith(`${p}://`)),
    { message: `a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` },
  );
const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'a TCP port number' })
      .int({ message: 'a TCP port number' })
      .min(0, { message: 'a TCP port number (0-65535)' })
      .max(65535, { message: 'a TCP port number (0-65535)' })
      .default(fallback),
  );
const positiveInt = (fallback: number, what: string) =>
  z.preprocess(emptyToUndefined, z.coerce.number({ message: what }).int({ message: what }).positive({ message: what }).default(fallback));
const bool = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test'], { message: 'development, production or test' }).default('development')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info')),
    PORT: port(3000),
    PUBLIC_URL: z.preprocess(emptyToUndefined, url(['http', 'https']).optional()),
    STATE_DIR: z.preprocess(emptyToUndefined, z.string().default('var')),

    REDIS_URL: z.preprocess(emptyToUndefined, url(['redis', 'rediss']).default('redis://127.0.0.1:6379')),
    REDIS_KEY_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: 'letters, digits, dot, dash or underscore' }).default('chatops')),
    REDIS_AUTOSTART: bool(true),

    ODOO_URL: z.preprocess(emptyToUndefined, url(['http', 'https']).optional()),
    ODOO_DB: optionalString,
    ODOO_USERNAME: optionalString,
    ODOO_PASSWORD: optionalString,
    ODOO_API_KEY: optionalString,
    ODOO_PROTOCOL: z.preprocess(emptyToUndefined, z.enum(['auto', 'xmlrpc', 'json2'], { message: 'auto, xmlrpc or json2' }).default('auto')),
    ODOO_TIMEOUT_MS: positiveInt(10_000, 'a timeout in milliseconds (positive integer)'),
    ODOO_WEBHOOK_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, { message: 'a random token of at least 16 characters' }).optional()),

    EMBEDDED_ODOO_PORT: port(8069),
    EMBEDDED_ODOO_VERSION: z.preprocess(emptyToUndefined, z.enum(['17', '18', '19'], { message: '17, 18 or 19' }).default('19')),
    EMBEDDED_ODOO_SEED: positiveInt(42, 'a positive integer seed'),
    EMBEDDED_ODOO_SCALE: positiveInt(300, 'a positive number of purchase orders'),

    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: z.preprocess(emptyToUndefined, url(['http', 'https']).optional()),
    SLACK_APP_TOKEN: optionalString,

    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    MICROSOFT_APP_TYPE: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'MultiTenant, SingleTenant or UserAssignedMSI' }).default('MultiTenant')),

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: z.preprocess(emptyToUndefined, url(['http', 'https']).optional()),
    OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),

    SUPPLIER_EMAIL_HMAC_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, { message: 'a secret of at least 16 characters' }).optional()),
    POLICY_FILE: optionalString,
    CHART_URL_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, { message: 'a secret of at least 16 characters' }).optional()),

    WEBHOOK_BODY_LIMIT_BYTES: positiveInt(64 * 1024, 'a size in bytes (positive integer)'),
    WEBHOOK_DEDUPE_TTL_SECONDS: positiveInt(7 * 24 * 3600, 'a number of seconds (positive integer)'),
    AUDIT_RETENTION_DAYS: positiveInt(400, 'a number of days (positive integer)'),
    RECONCILE_INTERVAL_SECONDS: positiveInt(300, 'a number of seconds (positive integer)'),
    SHUTDOWN_TIMEOUT_MS: positiveInt(15_000, 'a timeout in milliseconds (positive integer)'),
    WORKER_CONCURRENCY: positiveInt(4, 'a positive integer'),
    // While Odoo cannot be reached, a decision's write-back tries again this often, for this long.
    WRITEBACK_ODOO_RETRY_MS: positiveInt(1_000, 'a number of milliseconds (positive integer)'),
    WRITEBACK_ODOO_WAIT_SECONDS: positiveInt(900, 'a number of seconds (positive integer)'),
    // How long a worker's job lock lasts: after a crash (kill -9) its jobs run again within about twice this.
    JOB_LOCK_MS: positiveInt(30_000, 'a number of milliseconds (positive integer)'),
  })
  .superRefine((env, ctx) => {
    // A real Odoo needs its credentials; without ODOO_URL the embedded Odoo is used (demo mode).
    if (env.ODOO_URL) {
      for (const key of ['ODOO_DB', 'ODOO_USERNAME'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `set when ODOO_URL is set (the ${key.slice(5).toLowerCase()} to log in to Odoo with)` });
      }
      if (!env.ODOO_PASSWORD && !env.ODOO_API_KEY) {
        ctx.addIssue({ code: 'custom', path: ['ODOO_PASSWORD'], message: 'set when ODOO_URL is set (the password to log in to Odoo with), or set ODOO_API_KEY' });
      }
      if (env.ODOO_PROTOCOL === 'json2' && !env.ODOO_API_KEY) {
        ctx.addIssue({ code: 'custom', path: ['ODOO_API_KEY'], message: 'set when ODOO_PROTOCOL is json2 (Odoo 19: Preferences > Account Security > New API Key)' });
      }
      if (!env.ODOO_WEBHOOK_TOKEN) {
        ctx.addIssue({ code: 'custom', path: ['ODOO_WEBHOOK_TOKEN'], message: 'a random token of at least 16 characters when ODOO_URL is set (the path secret of /webhooks/odoo/:token)' });
      }
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'set when SLACK_BOT_TOKEN is set (Basic Information > Signing Secret of the Slack app)' });
    }
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'set when MICROSOFT_APP_ID is set (the client secret of the Azure bot)' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Names of the variables that hold secrets: never logged, masked in summaries. */
export const SECRET_ENV_NAMES = [
  'ODOO_PASSWORD',
  'ODOO_API_KEY',
  'ODOO_WEBHOOK_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MICROSOFT_APP_PASSWORD',
  'OPENAI_API_KEY',
  'SUPPLIER_EMAIL_HMAC_SECRET',
  'CHART_URL_SECRET',
] as const;
