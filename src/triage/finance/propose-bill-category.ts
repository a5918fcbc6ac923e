import type { JobQueue } from '../../ports/job-queue.ts';
import { jobId } from '../../queue/job-id.ts';
import type { BillFacts, ProcurementException } from '../../alerts/exception.ts';
import { enqueuePostCard, TRIAGE_JOBS } from '../flow/triage-jobs.ts';
import type { TriageRecorder, TriageStore } from '../flow/triage-ports.ts';
import type { BillProposal } from '../flow/triage-proposal.ts';
import type { TriageSettings } from '../triage-settings.ts';
import { isBillMismatch, suggestMismatchCategory } from './suggest-mismatch-category.ts';

/** The `triage-bill-mismatch` job: one bill exception as the alerts layer has it (JSON). */
export interface BillMismatchJob {
  exception: ProcurementException;
}

/** One proposal per exception and material version (its fingerprint): a changed bill asks again. */
export function billProposalId(e: Pick<ProcurementException, 'key' | 'fingerprint'>): string {
  return jobId('bill', e.key, e.fingerprint);
}

/**
 * For the alerts layer: hand a bill-mismatch exception to triage. A repeat of the same exception
 * version is one job; other exception types are ignored (false).
 */
export async function requestBillCategory(queue: JobQueue, exception: ProcurementException): Promise<boolean> {
  if (!isBillMismatch(exception)) return false;
  const data: BillMismatchJob = { exception };
  await queue.enqueue('triage', TRIAGE_JOBS.billMismatch, data, { jobId: billProposalId(exception) });
  return true;
}

/**
 * The `triage-bill-mismatch` job: suggest a category from the exception's facts and post the card
 * to finance, who confirm or change it; the answer becomes a note and an activity on the bill.
 */
export async function proposeBillCategory(
  job: BillMismatchJob,
  deps: { store: TriageStore; queue: JobQueue; recorder: TriageRecorder; settings: TriageSettings; now: () => Date },
): Promise<'proposed' | 'exists' | 'not_a_bill_mismatch'> {
  const e = job.exception;
  if (!isBillMismatch(e)) return 'not_a_bill_mismatch';
  const id = billProposalId(e);
  const suggestion = suggestMismatchCategory(e);
  const f = e.facts as BillFacts;
  const proposal: BillProposal = {
    kind: 'bill-mismatch',
    id,
    revision: 1,
    createdAt: deps.now().toISOString(),
    status: 'open',
    proposed: suggestion.category,
    category: suggestion.category,
    changedBy: null,
    decision: null,
    writeback: null,
    target: { kind: 'channel', channel: deps.settings.financeChannel },
    cards: [],
    exceptionKey: e.key,
    exceptionType: e.type,
    title: e.title,
    // billName is null while the bill is a draft without a number (never `/`): the card says "draft bill".
    bill: { id: e.records.subject.id, name: f.billName, ref: f.billRef ?? null, vendorName: f.vendorName ?? null, poName: f.poName ?? null, companyId: e.records.company?.id ?? null },
    explanation: suggestion.explanation,
    proposedCategory: suggestion.category,
  };
  const stored = await deps.store.create(proposal);
  if (stored.created) await deps.recorder.record({ event: 'proposed', proposalId: id, kind: 'bill-mismatch', category: suggestion.category, provider: 'rules', fallbackReason: null, injection: false }, deps.now());
  await enqueuePostCard(deps.queue, id);
  return stored.created ? 'proposed' : 'exists';
}
