import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.ts';
import { createLogger, maskPathSecrets } from '../../adapters/runtime/logger.ts';

describe('logger', () => {
  it('never writes secrets, even when a whole config object is logged', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ level: 'info', destination: sink });
    const config = parseConfig({
      ODOO_URL: 'https://odoo.example.com', ODOO_DB: 'prod', ODOO_USERNAME: 'bot', ODOO_PASSWORD: 'odoo-secret-pw',
      ODOO_WEBHOOK_TOKEN: 'webhook-token-0123456789', SLACK_BOT_TOKEN: 'xoxb-secret-token', SLACK_SIGNING_SECRET: 'signing-secret-xyz',
      OPENAI_API_KEY: 'sk-secret-key', SUPPLIER_EMAIL_HMAC_SECRET: 'hmac-secret-0123456789', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'ms-secret-pw',
    });
    logger.info({ config, headers: { authorization: 'Bearer abc-secret' }, env: { OPENAI_API_KEY: 'sk-secret-key' } }, 'config loaded');
    const out = lines.join('');
    for (const secret of ['odoo-secret-pw', 'webhook-token-0123456789', 'xoxb-secret-token', 'signing-secret-xyz', 'sk-secret-key', 'hmac-secret-0123456789', 'ms-secret-pw', 'abc-secret']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
    expect(out).toContain('https://odoo.example.com');
  });

  it('masks the webhook path token in access logs', () => {
    expect(maskPathSecrets('/webhooks/odoo/s3cr3t-token')).toBe('/webhooks/odoo/[redacted]');
    expect(maskPathSecrets('/readyz')).toBe('/readyz');
  });
});
