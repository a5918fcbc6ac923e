import { SIGNATURE_HEADER } from '../../http/routes/supplier-email-webhook.ts';

/** What the example email says; the time and the Message-ID are made by the shell at each paste. */
export interface ExampleEmail {
  from: string;
  subject: string;
  text: string;
  /** The domain of the example Message-ID (the vendor's). */
  domain: string;
}

/** A shell word in single quotes: safe for any text, `'` included. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A copy-paste bash example that POSTs one supplier email to /webhooks/supplier-email, signed as
 * the webhook expects: `X-Signature-256: sha256=<hex HMAC-SHA256 of the exact body>`, computed by
 * openssl over the same bytes curl sends. Each paste makes a new Message-ID (a repeat would be
 * answered `duplicate`) and the current time.
 */
export function supplierEmailCurl(webhookUrl: string, secret: string, email: ExampleEmail): string {
  // JSON string literals as printf %s arguments: printf leaves the \n escapes of JSON alone there.
  return [
    `body=$(printf '{"from":%s,"subject":%s,"text":%s,"received_at":"%s","message_id":"<example-%s@%s>"}' \\`,
    `  ${sq(JSON.stringify(email.from))} \\`,
    `  ${sq(JSON.stringify(email.subject))} \\`,
    `  ${sq(JSON.stringify(email.text))} \\`,
    `  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(date +%s)-$RANDOM" ${sq(email.domain)})`,
    `curl -sS -X POST ${sq(webhookUrl)} -H 'content-type: application/json' \\`,
    `  -H "${SIGNATURE_HEADER}: sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac ${sq(secret)} -r | cut -d' ' -f1)" \\`,
    `  --data-binary "$body"`,
  ].join('\n');
}
