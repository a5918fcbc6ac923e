import { BusinessRefusal } from '../../errors/coded-error.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { isoDateOf, localDayOf } from '../../time/local-day.ts';
import type { AlertWriteBackJob } from './alert-jobs.ts';
import type { ExceptionStore } from './exception-store.ts';
import { TYPE_LABELS } from './exception-view.ts';

export interface AlertWriteBackDeps {
  store: Pick<ExceptionStore, 'get'>;
  odoo: Pick<OdooGateway, 'searchIds' | 'postNote' | 'scheduleActivity' | 'refId'>;
  timeZone: string;
  platformName?: string;
}

/**
 * Writes an acknowledgment or a take-over to Odoo, on the exception's record: a To-Do activity for
 * the owner and a chatter note, each exactly once however often the job runs (both carry the
 * job's marker; the job looks for them before writing).
 */
export async function writeBackException(job: AlertWriteBackJob, deps: AlertWriteBackDeps): Promise<'written' | 'already_written'> {
  const t = await deps.store.get(job.key);
  if (!t) throw new BusinessRefusal('exception_missing', `exception ${job.key} is not tracked; nothing to write`);
  const { model, id, name } = t.exception.records.subject;
  const exists = await deps.odoo.searchIds(model, [['id', '=', id]], { limit: 1 });
  if (exists.length === 0) throw new BusinessRefusal('record_missing', `${name ?? `${model} ${id}`} no longer exists in Odoo; the ${job.action} was not written`);
  const who = job.actor.chat.displayName ?? job.actor.odooLogin ?? job.actor.chat.userId;
  const verb = job.action === 'acknowledge' ? 'Acknowledged' : 'Taken over';
  // The chatter says where the person clicked (the local workspace stands in for Slack).
  const where = job.actor.chat.platform === 'teams' ? 'Teams' : (deps.platformName ?? 'Slack');
  const label = TYPE_LABELS[t.type];
  let wrote = false;
  if (job.assigneeId !== null) {
    const activities = await deps.odoo.searchIds('mail.activity', [['res_model', '=', model], ['res_id', '=', id], ['note', 'ilike', job.marker]], { limit: 1 });
    if (activities.length === 0) {
      await deps.odoo.scheduleActivity({
        model, resId: id, activityTypeId: await deps.odoo.refId('mail.mail_activity_data_todo'), userId: job.assigneeId,
        summary: `${label}: ${t.exception.title}`.slice(0, 200),
        note: `${verb} in ${where} by ${who}. ${t.exception.severityRule}. Ref ${job.marker}.`,
        dateDeadline: isoDateOf(localDayOf(new Date(job.at), deps.timeZone)),
      });
      wrote = true;
    }
  }
  const notes = await deps.odoo.searchIds('mail.message', [['model', '=', model], ['res_id', '=', id], ['body', 'ilike', job.marker]], { limit: 1 });
  if (notes.length === 0) {
    const body = [
      `${label}: ${t.exception.title}`,
      `${verb} in ${where} by ${who} (chat user ${job.actor.chat.userId}${job.actor.odooLogin ? `, Odoo user ${job.actor.odooLogin}` : ''}) at ${job.at.slice(0, 16).replace('T', ' ')} UTC.`,
      `Severity: ${t.exception.severityRule}. Ref ${job.marker}.`,
    ].join('\n');
    await deps.odoo.postNote(model, id, body);
    wrote = true;
  }
  return wrote ? 'written' : 'already_written';
}
