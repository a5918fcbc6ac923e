import type { TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import type { InsightClock } from './approval-facts.ts';
import { factKey, type InsightFact } from './insight-fact.ts';
import { weekOf } from './insight-week.ts';

/** The exception types a supplier's scorecard counts: its ETA moves and its bills that do not match. */
const ETA_CHANGE = new Set(['eta-slipped']);
const BILL_MISMATCH = new Set(['bill-price-mismatch', 'bill-over-received', 'bill-nothing-received']);

/**
 * The facts of an exception's lifecycle change: opened (first time, or again after it cleared),
 * acknowledged (time from opening), cleared (time from opening), filed by week, type and
 * warehouse; an ETA slip or a bill mismatch is also filed under its vendor for the scorecard.
 */
export function exceptionFacts(before: TrackedException | null, after: TrackedException | null, clock: InsightClock): InsightFact[] {
  if (!after) return [];
  const facts: InsightFact[] = [];
  const e = after.exception;
  const wh = e.records.warehouse;
  const whId = wh?.id ?? 0;
  const opened = after.firstSeenAt;
  const member = `${after.key}@${opened}`;
  const combo = (week: string) => facts.push({ key: factKey('ex', 'combos', week), member: `${after.type}\t${whId}\t${wh?.name ?? ''}`, score: 0 });
  const wasOpen = before !== null && before.status !== 'cleared';
  if (after.status !== 'cleared' && !wasOpen) {
    const week = weekOf(opened, clock.timeZone);
    facts.push({ key: factKey('ex', 'open', week, after.type, whId), member, score: 0 });
    combo(week);
    const vendor = e.records.vendor;
    if (vendor && (ETA_CHANGE.has(after.type) || BILL_MISMATCH.has(after.type))) {
      facts.push({ key: factKey('sup', ETA_CHANGE.has(after.type) ? 'eta' : 'billmm', week, vendor.id), member, score: 0 });
    }
  }
  const ack = after.acknowledged;
  if (ack && ack.at !== before?.acknowledged?.at) {
    const week = weekOf(ack.at, clock.timeZone);
    facts.push({ key: factKey('ex', 'ack', week, after.type, whId), member, score: clock.hoursBetween(new Date(opened), new Date(ack.at)) });
    combo(week);
  }
  if (after.status === 'cleared' && before && before.status !== 'cleared') {
    const at = after.clearedAt ?? after.lastSeenAt;
    const week = weekOf(at, clock.timeZone);
    facts.push({ key: factKey('ex', 'clear', week, after.type, whId), member, score: clock.hoursBetween(new Date(opened), new Date(at)) });
    combo(week);
  }
  return facts;
}
