import type { OpsData } from './ops-data.ts';
import type { DeadLetter } from '../../events/drain-events.ts';
import { renderDeadLetters } from './event-dead-letters.ts';
import { formatAmount } from '../../../src/format/card-numbers.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every interpolated value is escaped: job names, failure reasons and vendor names come from outside. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? escapeValue(values[i]) : ''), '');
}
class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string) => new Raw(text);
function escapeValue(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return v.map(escapeValue).join('');
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function age(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} days`;
}

const money = (amount: number, currency: string) => formatAmount(amount, currency);

/** The operations page: plain HTML, readable without JavaScript; Retry is a form POST. */
export function renderOpsPage(data: OpsData & { deadLetters?: DeadLetter[] }, notice?: string, webhook?: { url: string; secret: string; curl: string | null }): string {
  const dependencyRows = data.dependencies.map(
    (d) => html`<tr><th scope="row">${d.name}</th><td class="${d.up ? '' : 'bad'}">${d.up ? 'answering' : d.required ? 'not answering: not ready' : 'not answering: work waits and is retried'}</td><td>${d.required ? 'yes' : 'no'}</td></tr>`,
  );
  const queueRows = data.queues.map(
    (q) => html`<tr><th scope="row">${q.name}</th>${raw(['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'].map((s) => html`<td class="${s === 'failed' && (q.counts[s] ?? 0) > 0 ? 'bad' : ''}">${q.counts[s] ?? 0}</td>`).join(''))}</tr>`,
  );
  const failed = data.queues.flatMap((q) => q.failed.map((j) => ({ queue: q.name, ...j })));
  const failedRows = failed.map(
    (j) => html`<tr><td>${j.queue}</td><td><code>${j.id}</code></td><td>${j.name}</td><td class="reason">${j.reason}</td><td>${j.attempts}</td><td>${j.failedAt ?? ''}</td>
      <td><form method="post" action="/workspace/ops/retry"><input type="hidden" name="queue" value="${j.queue}"><input type="hidden" name="jobId" value="${j.id}"><button type="submit">Retry</button></form></td></tr>`,
  );
  const approvalRows = data.approvals.map(
    (a) => html`<tr><td>${a.orderName}</td><td>${a.vendor}</td><td class="num">${money(a.amount, a.currency)}</td><td>${a.rule}</td><td>${a.status}${a.writeback ? ` · ${a.writeback}` : ''}</td><td>${a.requestedAt.slice(0, 16).replace('T', ' ')} UTC</td><td class="num">${age(a.ageMinutes)}</td></tr>`,
  );
  const webhookRows = data.webhooks.map((w) => html`<tr><td>${w.source}</td><td>${w.outcome}</td><td class="num">${w.count}</td></tr>`);
  const exceptionRows = data.exceptions.map((e) => html`<tr><td>${e.type}</td><td>${e.state}</td><td>${e.age}</td><td class="num">${e.count}</td></tr>`);
  const agreementRows = data.agreement.map((a) => html`<tr><td>${a.kind}</td><td>${a.category}</td><td>${a.provider}</td><td class="num">${(a.ratio * 100).toFixed(0)} %</td></tr>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Operations · local workspace</title><link rel="stylesheet" href="/workspace/static/workspace.css"></head>
<body class="ops"><header><h1>Operations</h1><nav><a href="/workspace">← Workspace</a> · <a href="/workspace/insights">Insights</a> · <a href="/metrics">/metrics</a> · <a href="/readyz">/readyz</a> · <a href="/workspace/ops">Refresh</a></nav>
<p class="muted">As of ${data.at.slice(0, 19).replace('T', ' ')} UTC. Queues and approvals are read from Redis (every process); webhook counts are this web process's.</p></header>
${notice ? raw(html`<p class="notice" role="status">${notice}</p>`) : ''}
<section><h2>Dependencies</h2>${data.dependencies.length ? raw(html`<table><thead><tr><th>dependency</th><th>state</th><th>needed to take work</th></tr></thead><tbody>${raw(dependencyRows.join(''))}</tbody></table>`) : raw('<p class="muted">Not checked by this process.</p>')}</section>
<section><h2>Queues</h2><table><thead><tr><th>queue</th><th>waiting</th><th>active</th><th>delayed</th><th>prioritized</th><th>failed</th><th>completed</th></tr></thead><tbody>${raw(queueRows.join(''))}</tbody></table>
${data.intakeBacklog === null ? '' : raw(html`<p class="${data.intakeBacklog > 0 ? 'intake-backlog' : 'muted'}" id="intake-backlog">Taken in, not yet in a queue: ${data.intakeBacklog} (clicks and webhooks the web processes recorded; a worker moves them into their queue within a moment, so a number that stays means no worker is running).</p>`)}</section>
<section><h2>Failed jobs (${failed.length})</h2>${failed.length ? raw(html`<table><thead><tr><th>queue</th><th>job</th><th>name</th><th>reason</th><th>attempts</th><th>failed at (UTC)</th><th></th></tr></thead><tbody>${raw(failedRows.join(''))}</tbody></table>`) : raw('<p class="muted">None.</p>')}</section>
<section><h2>Approvals waiting (${data.approvals.length})</h2>${data.approvals.length ? raw(html`<table><thead><tr><th>order</th><th>vendor</th><th>amount</th><th>rule</th><th>state</th><th>requested</th><th>age</th></tr></thead><tbody>${raw(approvalRows.join(''))}</tbody></table>`) : raw('<p class="muted">None.</p>')}</section>
<section><h2>Open exceptions (${data.exceptions.reduce((n, e) => n + e.count, 0)})</h2>${data.exceptions.length ? raw(html`<table><thead><tr><th>type</th><th>state</th><th>age</th><th>open</th></tr></thead><tbody>${raw(exceptionRows.join(''))}</tbody></table>`) : raw('<p class="muted">None.</p>')}</section>
<section><h2>Triage agreement</h2>${data.agreement.length ? raw(html`<table><thead><tr><th>kind</th><th>proposed category</th><th>provider</th><th>confirmed unchanged</th></tr></thead><tbody>${raw(agreementRows.join(''))}</tbody></table>`) : raw('<p class="muted">No proposal answered yet.</p>')}</section>
${webhook ? raw(supplierEmailSection(webhook)) : ''}
<section><h2>Webhook intake</h2>${data.webhooks.length ? raw(html`<table><thead><tr><th>source</th><th>outcome</th><th>requests</th></tr></thead><tbody>${raw(webhookRows.join(''))}</tbody></table>`) : raw('<p class="muted">No webhook received by this process yet.</p>')}</section>
${raw(renderDeadLetters(data.deadLetters ?? []))}
</body></html>`;
}

/** The demo's supplier-email webhook: where, with which secret, and a signed request to paste. */
function supplierEmailSection(w: { url: string; secret: string; curl: string | null }): string {
  return html`<section id="supplier-email"><h2>Supplier-email webhook (demo)</h2>
<p>A mail gateway or an n8n workflow POSTs supplier emails to <code>${w.url}</code> with <code>X-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</code>. In demo mode the secret (<code>SUPPLIER_EMAIL_HMAC_SECRET</code>) is made at first start and kept in Redis: <code class="secret">${w.secret}</code></p>
${w.curl ? raw(html`<p>Paste this into bash: the vendor confirms one of the demo buyer's open orders, and a triage card arrives in Jordan Blake's DM with the bot.</p><pre id="supplier-email-curl">${w.curl}</pre>`) : raw('<p class="muted">The demo buyer has no open order left to write an example about.</p>')}
</section>`;
}
