import { BusinessRefusal, isRetryable } from '../../errors/coded-error.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../domain/odoo-records.ts';
import type { JobContext, JobQueue } from '../../ports/job-queue.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { addDays, dayOf } from '../dates/calendar-day.ts';
import { warehouseLeadOf, type TriageSettings } from '../triage-settings.ts';
import { categoryWords } from './triage-card-view.ts';
import { enqueueCardUpdates, enqueueChannelMessage, type TriageWriteBackJob } from './triage-jobs.ts';
import type { TriageStore } from './triage-ports.ts';
import type { BillProposal, EmailProposal, TriageDecision, TriageProposal } from './triage-proposal.ts';

export interface WriteBackTriageDeps {
  odoo: OdooGateway;
  store: TriageStore;
  queue: JobQueue;
  settings: TriageSettings;
  now: () => Date;
}

/**
 * Writes one confirmed proposal to Odoo, exactly once however often the job runs. The chatter
 * note, posted last, carries the decision id: when it is there, everything before it was done
 * and nothing is written again. Before it, each step is safe to repeat (dates are set, not
 * shifted; the activity is looked up by the same id before it is created). The PO is re-read
 * first, so the write is judged on Odoo's current state, never on the card's.
 */
export async function writeBackTriage(job: TriageWriteBackJob, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: WriteBackTriageDeps): Promise<'written' | 'already_written'> {
  const p = await deps.store.get(job.proposalId);
  const d = p?.decision;
  if (!p || !d || d.id !== job.decisionId || d.action !== 'confirm') throw new BusinessRefusal('decision_missing', `decision ${job.decisionId} is not recorded; nothing to write`);
  if (p.writeback?.state === 'written') return 'already_written';
  let summary: string;
  try {
    summary = p.kind === 'supplier-email' ? await writeEmail(p, d, deps) : await writeBill(p, d, deps);
  } catch (err) {
    await recordFailure(p, err, ctx, deps);
    throw err;
  }
  const at = deps.now().toISOString();
  const written = await deps.store.update(p.id, (x) => ({ ...x, writeback: { state: 'written', at, summary } }));
  if (written) await enqueueCardUpdates(deps.queue, written);
  return 'written';
}

const marker = (d: TriageDecision) => `Ref ${d.id}`;

async function noteExists(odoo: OdooGateway, model: string, resId: number, d: TriageDecision): Promise<boolean> {
  return (await odoo.searchIds('mail.message', [['model', '=', model], ['res_id', '=', resId], ['body', 'ilike', d.id]], { limit: 1 })).length > 0;
}

async function ensureActivity(odoo: OdooGateway, a: { model: string; resId: number; userId: number; summary: string; note: string; deadline: string }, d: TriageDecision): Promise<void> {
  const existing = await odoo.searchIds('mail.activity', [['res_id', '=', a.resId], ['note', 'ilike', d.id]], { limit: 1 });
  if (existing.length) return;
  const todo = await odoo.refId('mail.mail_activity_data_todo');
  await odoo.scheduleActivity({ model: a.model, resId: a.resId, activityTypeId: todo, userId: a.userId, summary: a.summary.slice(0, 120), note: `${a.note}\n${marker(d)}`, dateDeadline: a.deadline });
}

async function writeEmail(p: EmailProposal, d: TriageDecision, deps: WriteBackTriageDeps): Promise<string> {
  const category = d.category;
  const by = d.actor.displayName ?? d.odooLogin;
  if (!p.order) {
    if (category === 'invoice_query') {
      await forwardToFinance(p, d, deps);
      return `forwarded to finance (${deps.settings.financeChannel}); no PO matched, nothing written in Odoo`;
    }
    return 'recorded; no PO matched, nothing written in Odoo';
  }
  const [order] = await deps.odoo.read('purchaseOrder', [p.order.id]);
  if (!order) throw new BusinessRefusal('po_missing', `${p.order.name} no longer exists in Odoo; nothing was written`);
  const r = p.reading;
  const done: string[] = [];
  if (await noteExists(deps.odoo, 'purchase.order', order.id, d)) return `already written to ${order.name}`;

  const linesTo = async (day: string) => {
    if (order.state === 'cancel') throw new BusinessRefusal('po_cancelled', `${order.name} is cancelled in Odoo; its planned dates were not changed`);
    const lines = await openLines(deps.odoo, order);
    const toChange = lines.filter((l) => !l.datePlanned || dayOf(l.datePlanned) !== day);
    for (const l of toChange) await deps.odoo.write('purchase.order.line', [l.id], { date_planned: atDay(day, l.datePlanned) });
    done.push(`planned date of ${lines.length} open line${lines.length === 1 ? '' : 's'} set to ${day}`);
  };
  const deadline = addDays(dayOf(deps.now()), 1);
  const activityFor = async (who: 'buyer' | 'warehouse', summary: string) => {
    const assignee = who === 'warehouse' ? ((await warehouseLead(order, deps)) ?? buyerOf(order)) : buyerOf(order);
    if (!assignee) {
      done.push(`no ${who === 'warehouse' ? 'warehouse lead or buyer' : 'buyer'} to assign an activity to`);
      return;
    }
    await ensureActivity(deps.odoo, { model: 'purchase.order', resId: order.id, userId: assignee.id, summary, note: `${r.summary}\nConfirmed by ${by} in chat.`, deadline }, d);
    done.push(`activity "${summary}" for ${assignee.name}${who === 'warehouse' && assignee.role === 'buyer' ? ' (no warehouse lead configured)' : ''}`);
  };

  switch (category) {
    case 'delay':
      if (r.new_eta) await linesTo(r.new_eta);
      else done.push('no new date was read; planned dates unchanged');
      await activityFor('warehouse', `Supplier delay on ${order.name}${r.new_eta ? `: new ETA ${r.new_eta}` : ''}`);
      break;
    case 'confirmation':
      if (order.receptionConfirmed === false) {
        await deps.odoo.write('purchase.order', [order.id], { mail_reception_confirmed: true });
        done.push('marked as confirmed by the vendor');
      }
      if (r.confirmed_date) await linesTo(r.confirmed_date);
      break;
    case 'price_change':
      await activityFor('buyer', `Price change on ${order.name}${r.price_change_pct !== null ? ` (${r.price_change_pct > 0 ? '+' : ''}${r.price_change_pct}%)` : ''}`);
      break;
    case 'cancellation':
      await activityFor('buyer', 'Find another vendor');
      break;
    case 'partial_shipment':
    case 'quality_issue':
      await activityFor('warehouse', `${category === 'quality_issue' ? 'Quality issue' : 'Partial shipment'} on ${order.name}`);
      break;
    case 'invoice_query':
      await forwardToFinance(p, d, deps);
      done.push(`forwarded to finance (${deps.settings.financeChannel})`);
      break;
    default:
      break;
  }
  const note = [
    `Supplier email triaged as "${categoryWords(category)}"${category !== p.proposed ? ` (proposed: ${categoryWords(p.proposed)})` : ''}, confirmed in chat by ${by} (Odoo user ${d.odooLogin}) at ${d.at.slice(0, 16).replace('T', ' ')} UTC.`,
    `From ${p.email.from}, subject "${p.email.subject}".`,
    `Reading (${r.provider}${r.fallback_reason ? ', fallback' : ''}): ${r.summary}`,
    r.evidence ? `Evidence: "${r.evidence.slice(0, 500)}"` : null,
    done.length ? `Done: ${done.join('; ')}.` : null,
    marker(d),
  ].filter(Boolean).join('\n');
  await deps.odoo.postNote('purchase.order', order.id, note);
  return done.length ? done.join('; ') : 'note posted';
}

async function writeBill(p: BillProposal, d: TriageDecision, deps: WriteBackTriageDeps): Promise<string> {
  const by = d.actor.displayName ?? d.odooLogin;
  const [bill] = await deps.odoo.read('vendorBill', [p.bill.id]);
  if (!bill) throw new BusinessRefusal('bill_missing', `bill ${p.bill.name ?? p.bill.id} no longer exists in Odoo; nothing was written`);
  const called = bill.name && bill.name !== '/' ? bill.name : 'the draft bill';
  if (await noteExists(deps.odoo, 'account.move', bill.id, d)) return `already written to ${called}`;
  const category = categoryWords(d.category);
  await ensureActivity(deps.odoo, { model: 'account.move', resId: bill.id, userId: d.odooUserId, summary: `Resolve mismatch: ${category}`, note: `${p.title}\n${p.explanation}`, deadline: addDays(dayOf(deps.now()), 1) }, d);
  const note = [
    `Bill mismatch categorised as "${category}"${d.category !== p.proposed ? ` (suggested: ${categoryWords(p.proposed)})` : ''} by ${by} (Odoo user ${d.odooLogin}) at ${d.at.slice(0, 16).replace('T', ' ')} UTC.`,
    `${p.title}. ${p.explanation}`,
    marker(d),
  ].join('\n');
  await deps.odoo.postNote('account.move', bill.id, note);
  return `note and activity "Resolve mismatch: ${category}" on ${called}`;
}

async function forwardToFinance(p: EmailProposal, d: TriageDecision, deps: WriteBackTriageDeps): Promise<void> {
  const text = `Invoice query from ${p.email.from}${p.order ? ` about ${p.order.name}` : ''} (subject "${p.email.subject}"), confirmed by ${d.actor.displayName ?? d.odooLogin}: ${p.reading.summary}`;
  await enqueueChannelMessage(deps.queue, { platform: d.actor.platform === 'teams' ? 'teams' : 'slack', channel: deps.settings.financeChannel, text }, `finance-${d.id}`);
}

/** Product lines not fully received: the ones a new date still applies to. */
async function openLines(odoo: OdooGateway, order: PurchaseOrder): Promise<PurchaseOrderLine[]> {
  const lines = await odoo.read('purchaseOrderLine', order.lineIds);
  return lines.filter((l) => l.displayType === null && l.qtyReceived < l.quantity);
}

/** The day at the line's own time of day (UTC), so only the date moves. */
function atDay(day: string, current: Date | null): Date {
  const time = current ? current.toISOString().slice(11, 19) : '12:00:00';
  return new Date(`${day}T${time}Z`);
}

function buyerOf(order: PurchaseOrder): { id: number; name: string; role: 'buyer' } | null {
  return order.buyer ? { id: order.buyer.id, name: order.buyer.name, role: 'buyer' } : null;
}

async function warehouseLead(order: PurchaseOrder, deps: WriteBackTriageDeps): Promise<{ id: number; name: string; role: 'warehouse' } | null> {
  if (!order.warehouse) return null;
  const [wh] = await deps.odoo.read('warehouse', [order.warehouse.id]);
  const login = warehouseLeadOf(deps.settings, wh ? { id: wh.id, name: wh.name, code: wh.code } : order.warehouse);
  if (!login) return null;
  const [user] = await deps.odoo.search('user', { domain: [['login', '=', login]], limit: 1 });
  return user ? { id: user.id, name: user.name, role: 'warehouse' } : null;
}

async function recordFailure(p: TriageProposal, err: unknown, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: WriteBackTriageDeps): Promise<void> {
  const reason = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
  const final = !isRetryable(err) || ctx.attempt >= ctx.maxAttempts;
  const updated = await deps.store.update(p.id, (x) => ({ ...x, writeback: final ? { state: 'failed', reason, code } : { state: 'retrying', attempt: ctx.attempt, reason } }));
  if (updated) await enqueueCardUpdates(deps.queue, updated);
}
