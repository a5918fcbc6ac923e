import { Counter, Gauge, type Registry } from 'prom-client';
import type { RedisTriageRecorder } from './redis-triage-recorder.ts';

/**
 * Registers the triage metrics on the app's registry, read from Redis at scrape time (the counts
 * are shared by every process):
 * - chatops_triage_proposals_total{kind,category,provider}
 * - chatops_triage_answers_total{kind,proposed,provider,answer=agreed|changed|dismissed}
 * - chatops_triage_agreement_ratio{kind,category,provider}: share of confirmed proposals confirmed unchanged
 * - chatops_triage_fallbacks_total{reason}
 * - chatops_llm_tokens_total{provider,model,kind=prompt|completion}, chatops_llm_calls_total{provider,model,outcome}
 */
export function registerTriageMetrics(registry: Registry, recorder: Pick<RedisTriageRecorder, 'counts'>): void {
  // One read of the hash per scrape, shared by the collectors of that scrape.
  let pending: Promise<Array<{ parts: string[]; value: number }>> | null = null;
  const counts = () => {
    pending ??= recorder.counts().finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  const of = async (kind: string) => (await counts()).filter((c) => c.parts[0] === kind);

  new Counter({
    name: 'chatops_triage_proposals_total', help: 'Triage proposals made, by kind, proposed category and provider', labelNames: ['kind', 'category', 'provider'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const c of await of('proposed')) this.inc({ kind: c.parts[1]!, category: c.parts[2]!, provider: c.parts[3]! }, c.value);
    },
  });
  new Counter({
    name: 'chatops_triage_answers_total', help: 'Answers to triage proposals: confirmed unchanged (agreed), confirmed with another category (changed), dismissed', labelNames: ['kind', 'proposed', 'provider', 'answer'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const c of await of('confirmed')) this.inc({ kind: c.parts[1]!, proposed: c.parts[2]!, provider: c.parts[3]!, answer: c.parts[4]! }, c.value);
      for (const c of await of('dismissed')) this.inc({ kind: c.parts[1]!, proposed: c.parts[2]!, provider: c.parts[3]!, answer: 'dismissed' }, c.value);
    },
  });
  new Gauge({
    name: 'chatops_triage_agreement_ratio', help: 'Share of confirmed proposals confirmed unchanged, by proposed category and provider', labelNames: ['kind', 'category', 'provider'] as const, registers: [registry],
    async collect() {
      this.reset();
      const byKey = new Map<string, { labels: { kind: string; category: string; provider: string }; agreed: number; total: number }>();
      for (const c of await of('confirmed')) {
        const labels = { kind: c.parts[1]!, category: c.parts[2]!, provider: c.parts[3]! };
        const k = `${labels.kind}|${labels.category}|${labels.provider}`;
        const e = byKey.get(k) ?? { labels, agreed: 0, total: 0 };
        e.total += c.value;
        if (c.parts[4] === 'agreed') e.agreed += c.value;
        byKey.set(k, e);
      }
      for (const e of byKey.values()) if (e.total > 0) this.set(e.labels, e.agreed / e.total);
    },
  });
  new Counter({
    name: 'chatops_triage_fallbacks_total', help: 'Heuristic readings used because the LLM provider failed, by reason', labelNames: ['reason'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const c of await of('fallback')) this.inc({ reason: c.parts[1]! }, c.value);
    },
  });
  new Counter({
    name: 'chatops_llm_tokens_total', help: 'LLM tokens used by triage', labelNames: ['provider', 'model', 'kind'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const c of await of('tokens')) this.inc({ provider: c.parts[1]!, model: c.parts[2]!, kind: c.parts[3]! }, c.value);
    },
  });
  new Counter({
    name: 'chatops_llm_calls_total', help: 'LLM calls by triage, by outcome', labelNames: ['provider', 'model', 'outcome'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const c of await of('llm_call')) this.inc({ provider: c.parts[1]!, model: c.parts[2]!, outcome: c.parts[3]! }, c.value);
    },
  });
}
