import { OdooError } from '../../src/errors/odoo-error.ts';

/** The Odoo majors this bot is built and tested against (recordings in test/fixtures/odoo/). */
export const SUPPORTED_MAJORS = [17, 18, 19] as const;

/**
 * `common.version`'s struct (`server_version` `"19.0"`, `server_version_info` `[19, 0, 0, ...]`;
 * saas builds read `"saas~18.2"`) as its text and major number.
 */
export function parseServerVersion(value: unknown): { text: string; major: number } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as { server_version?: unknown; server_version_info?: unknown };
  const text = typeof v.server_version === 'string' ? v.server_version : undefined;
  const info = Array.isArray(v.server_version_info) ? v.server_version_info[0] : undefined;
  const major = typeof info === 'number' ? info : Number(/(\d+)\./.exec(text ?? '')?.[1]);
  if (text === undefined || !Number.isInteger(major)) {
    throw new OdooError('odoo_invalid_response', `Odoo answered common.version with an unexpected ${JSON.stringify(value)?.slice(0, 120)}`, {
      model: 'common',
      method: 'version',
    });
  }
  return { text, major };
}
