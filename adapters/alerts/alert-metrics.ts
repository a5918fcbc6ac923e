import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AlertObserver, ExceptionStore } from '../../src/alerts/lifecycle/exception-store.ts';
import { ageBucketOf } from '../../src/alerts/lifecycle/exception-view.ts';
import { stateOf } from '../../src/alerts/lifecycle/tracked-exception.ts';

const DURATION_BUCKETS = [60, 300, 900, 1800, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 3 * 86400, 7 * 86400];

/**
 * The exception lifecycle on /metrics, on the registry the app passes (createMetrics().registry):
 * open exceptions by type, state and age bucket (read from Redis at scrape time: shared by every
 * process), time to acknowledge and to resolve, and every lifecycle transition counted.
 */
export function registerAlertMetrics(registry: Registry, store: Pick<ExceptionStore, 'openKeys' | 'getMany'>, now: () => Date = () => new Date()): AlertObserver {
  const transitions = new Counter({ name: 'chatops_alert_transitions_total', help: 'Exception lifecycle transitions by type', labelNames: ['type', 'transition'] as const, registers: [registry] });
  const toAck = new Histogram({ name: 'chatops_alert_time_to_acknowledge_seconds', help: 'From first seen to the first acknowledgment', labelNames: ['type'] as const, buckets: DURATION_BUCKETS, registers: [registry] });
  const toResolve = new Histogram({ name: 'chatops_alert_time_to_resolve_seconds', help: 'From first seen to cleared (the condition went away)', labelNames: ['type'] as const, buckets: DURATION_BUCKETS, registers: [registry] });
  new Gauge({
    name: 'chatops_alert_open',
    help: 'Open exceptions by type, state and age bucket',
    labelNames: ['type', 'state', 'age'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const at = now();
      const counts = new Map<string, { type: string; state: string; age: string; n: number }>();
      for (const t of (await store.getMany(await store.openKeys())).values()) {
        const row = { type: t.type, state: stateOf(t, at), age: ageBucketOf((at.getTime() - Date.parse(t.firstSeenAt)) / 1000) };
        const k = `${row.type}|${row.state}|${row.age}`;
        const c = counts.get(k) ?? { ...row, n: 0 };
        c.n += 1;
        counts.set(k, c);
      }
      for (const c of counts.values()) this.set({ type: c.type, state: c.state, age: c.age }, c.n);
    },
  });
  return {
    transition: (type, transition) => transitions.inc({ type, transition }),
    acknowledged: (type, seconds) => toAck.observe({ type }, seconds),
    resolved: (type, seconds) => toResolve.observe({ type }, seconds),
  };
}
