import type { TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import type { AgeBucket, InsightsQuery, OpenExceptionsByAge } from './insight-types.ts';

const DAY = 86_400_000;

/** The age bucket of an exception opened at `openedAt`, seen at `now` (elapsed days). */
export function ageBucket(openedAt: Date, now: Date): AgeBucket {
  const days = (now.getTime() - openedAt.getTime()) / DAY;
  return days < 1 ? '<1d' : days < 3 ? '1-3d' : days < 7 ? '3-7d' : '>7d';
}

/** Open exceptions (not cleared) by type, warehouse and age, from the bot's exception store. */
export function openExceptionsByAge(open: readonly TrackedException[], now: Date, query: InsightsQuery): OpenExceptionsByAge[] {
  const rows = new Map<string, OpenExceptionsByAge>();
  for (const t of open) {
    if (t.status === 'cleared') continue;
    const wh = t.exception.records.warehouse;
    if (query.filter?.warehouse !== undefined && String(query.filter.warehouse) !== String(wh?.id)) continue;
    const bucket = ageBucket(new Date(t.firstSeenAt), now);
    const k = `${t.type}|${wh?.id ?? 0}|${bucket}`;
    const row = rows.get(k) ?? { type: t.type, warehouse: wh ? { id: wh.id, label: wh.name ?? `warehouse ${wh.id}` } : null, bucket, count: 0 };
    row.count++;
    rows.set(k, row);
  }
  const order: AgeBucket[] = ['<1d', '1-3d', '3-7d', '>7d'];
  return [...rows.values()].sort((a, b) => a.type.localeCompare(b.type) || (a.warehouse?.id ?? 0) - (b.warehouse?.id ?? 0) || order.indexOf(a.bucket) - order.indexOf(b.bucket));
}
