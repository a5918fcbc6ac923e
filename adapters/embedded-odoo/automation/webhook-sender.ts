import http from 'node:http';
import https from 'node:https';
import type { WebhookRequest } from './run-automations.ts';

/**
 * POSTs like Odoo's webhook server action (requests.post(..., timeout=1)): python-requests
 * headers, one attempt, 1 s timeout, no signature; a failed or timed-out POST is logged here and
 * never fails the call (Odoo logs a warning and goes on). The transaction runner awaits each one
 * (transaction/transaction-runner.ts); flush() lets tests wait for what is in flight.
 */
export interface DeliveredWebhook {
  url: string;
  body: string;
  status?: number;
  error?: string;
}

export class WebhookSender {
  private readonly pending = new Set<Promise<void>>();
  /** Every delivery attempt, in order (tests and diagnostics). */
  readonly log: DeliveredWebhook[] = [];

  constructor(private readonly timeoutMs = 1000) {}

  /** POSTs one webhook; resolves when it was answered, failed or timed out (never rejects). */
  post(req: WebhookRequest): Promise<void> {
    const p = this.deliver(req).finally(() => this.pending.delete(p));
    this.pending.add(p);
    return p;
  }

  /** Resolves when every POST started so far has answered, failed or timed out. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private deliver(req: WebhookRequest): Promise<void> {
    const entry: DeliveredWebhook = { url: req.url, body: req.body };
    this.log.push(entry);
    return new Promise<void>((resolve) => {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        entry.error = 'invalid URL';
        resolve();
        return;
      }
      const body = Buffer.from(req.body, 'utf8');
      const client = url.protocol === 'https:' ? https : http;
      const r = client.request(
        url,
        {
          method: 'POST',
          agent: false,
          timeout: this.timeoutMs,
          headers: {
            'User-Agent': 'python-requests/2.28.1',
            'Accept-Encoding': 'gzip, deflate',
            Accept: '*/*',
            Connection: 'keep-alive',
            'Content-Length': String(body.length),
            'Content-Type': 'application/json',
          },
        },
        (res) => {
          entry.status = res.statusCode;
          res.resume();
          // One request per connection: no pooled socket may outlive the embedded Odoo.
          res.on('end', () => {
            r.destroy();
            resolve();
          });
          res.on('error', () => resolve());
        },
      );
      const timer = setTimeout(() => r.destroy(new Error('timeout')), this.timeoutMs);
      r.on('timeout', () => r.destroy(new Error('timeout')));
      r.on('error', (e) => {
        entry.error = e.message;
        resolve();
      });
      r.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
      r.end(body);
    });
  }
}
