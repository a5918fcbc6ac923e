import { pino, type DestinationStream, type Logger } from 'pino';
import { SECRET_ENV_NAMES } from '../../src/config/config-schema.ts';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear one or two levels down: credentials in config
 * objects, HTTP auth headers, and the secret env names themselves.
 */
const SECRET_KEYS = ['password', 'appPassword', 'botToken', 'signingSecret', 'appToken', 'apiKey', 'odooToken', 'token', 'supplierEmailHmacSecret', 'authorization', 'cookie', 'x-slack-signature', ...SECRET_ENV_NAMES];
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`].map((p) => (/^[A-Za-z_]\w*$/.test(k) ? p : p.replace(k, `["${k}"]`))));

export function createLogger(options: { level: string; name?: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    { level: options.level, name: options.name ?? 'chatops-bot', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    options.destination as DestinationStream | undefined,
  );
}

/** The path of a request with the webhook path secret masked, for access logs. */
export function maskPathSecrets(path: string): string {
  return path.replace(/^(\/webhooks\/odoo\/)[^/?]+/, '$1[redacted]');
}
