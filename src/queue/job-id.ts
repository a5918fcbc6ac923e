/**
 * A job id derived from what the job does (`approve-po-42-v7`), so adding the same work twice
 * names the same job and BullMQ keeps one. BullMQ forbids `:` in custom ids (it separates Redis
 * key parts) and integer-looking ids, so every part is reduced to a safe alphabet and joined with `-`.
 */
export function jobId(kind: string, ...parts: Array<string | number>): string {
  const safe = [kind, ...parts].map((p) => String(p).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || '_');
  const id = safe.join('-');
  return /^\d+$/.test(id) ? `job-${id}` : id;
}
