import { CONFIDENT_AT, isConfidentReading } from '../confidence.ts';
import { EMAIL_CATEGORIES, type EmailCategory, type EmailReading } from '../email-reading.ts';
import type { LabelledEmail } from './labelled-email.ts';

export interface CategoryStats {
  category: EmailCategory;
  precision: number | null;
  recall: number | null;
  support: number;
  predicted: number;
}

export interface EvalItemResult {
  id: string;
  expected: EmailCategory;
  predicted: EmailCategory;
  expectedEta: string | null;
  predictedEta: string | null;
  injectionExpected: boolean;
  injectionPredicted: boolean;
  confidence: number;
  fallbackReason: string | null;
}

/** The evaluation of a provider on a labelled set: what `npm run eval` prints and writes. */
export interface EvalReport {
  provider: string;
  file: string;
  total: number;
  accuracy: number;
  perCategory: CategoryStats[];
  eta: { exact: number; total: number; rate: number | null; spurious: number };
  confirmedDate: { exact: number; total: number; rate: number | null };
  quantities: { exact: number; total: number; rate: number | null };
  priceChangePct: { exact: number; total: number; rate: number | null };
  injection: { detected: number; total: number; recall: number | null; falsePositives: number; negatives: number };
  /** The answers the reader was sure of (confidence >= threshold): how many, and how many right. */
  confident: { threshold: number; answered: number; correct: number; coverage: number | null; accuracy: number | null };
  fallbacks: number;
  items: EvalItemResult[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Scores readings against their labels: category precision/recall, ETA exact match, injection detection. */
export function scoreEval(provider: string, file: string, pairs: Array<{ record: LabelledEmail; reading: EmailReading }>): EvalReport {
  const items: EvalItemResult[] = pairs.map(({ record, reading }, i) => ({
    id: record.id ?? `line-${i + 1}`,
    expected: record.expected.category,
    predicted: reading.category,
    expectedEta: record.expected.new_eta ?? null,
    predictedEta: reading.new_eta,
    injectionExpected: record.expected.injection ?? false,
    injectionPredicted: reading.injection_suspected,
    confidence: reading.confidence,
    fallbackReason: reading.fallback_reason,
  }));
  const perCategory = EMAIL_CATEGORIES.map((category) => {
    const support = items.filter((i) => i.expected === category).length;
    const predicted = items.filter((i) => i.predicted === category).length;
    const hits = items.filter((i) => i.expected === category && i.predicted === category).length;
    return { category, precision: ratio(hits, predicted), recall: ratio(hits, support), support, predicted };
  });
  const withEta = items.filter((i) => i.expectedEta !== null);
  const etaExact = withEta.filter((i) => i.predictedEta === i.expectedEta).length;
  const withConfirmed = pairs.filter(({ record }) => record.expected.confirmed_date);
  const confirmedExact = withConfirmed.filter(({ record, reading }) => reading.confirmed_date === record.expected.confirmed_date).length;
  const withQuantities = pairs.filter(({ record }) => record.expected.quantities);
  const quantitiesExact = withQuantities.filter(({ record, reading }) => sameQuantities(record.expected.quantities ?? {}, reading.quantities)).length;
  const withPct = pairs.filter(({ record }) => typeof record.expected.price_change_pct === 'number');
  const pctExact = withPct.filter(({ record, reading }) => reading.price_change_pct !== null && Math.abs(reading.price_change_pct - (record.expected.price_change_pct ?? 0)) < 0.05 + 1e-9).length;
  const injected = items.filter((i) => i.injectionExpected);
  const clean = items.filter((i) => !i.injectionExpected);
  const correct = items.filter((i) => i.expected === i.predicted).length;
  const sure = items.filter((i) => isConfidentReading(i));
  return {
    provider,
    file,
    total: items.length,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    perCategory,
    eta: { exact: etaExact, total: withEta.length, rate: ratio(etaExact, withEta.length), spurious: items.filter((i) => i.expectedEta === null && i.predictedEta !== null).length },
    confirmedDate: { exact: confirmedExact, total: withConfirmed.length, rate: ratio(confirmedExact, withConfirmed.length) },
    quantities: { exact: quantitiesExact, total: withQuantities.length, rate: ratio(quantitiesExact, withQuantities.length) },
    priceChangePct: { exact: pctExact, total: withPct.length, rate: ratio(pctExact, withPct.length) },
    injection: {
      detected: injected.filter((i) => i.injectionPredicted).length,
      total: injected.length,
      recall: ratio(injected.filter((i) => i.injectionPredicted).length, injected.length),
      falsePositives: clean.filter((i) => i.injectionPredicted).length,
      negatives: clean.length,
    },
    confident: {
      threshold: CONFIDENT_AT,
      answered: sure.length,
      correct: sure.filter((i) => i.expected === i.predicted).length,
      coverage: ratio(sure.length, items.length),
      accuracy: ratio(sure.filter((i) => i.expected === i.predicted).length, sure.length),
    },
    fallbacks: items.filter((i) => i.fallbackReason !== null).length,
    items,
  };
}

/** Every quantity the label gives must match; keys the label leaves out are not judged. */
function sameQuantities(expected: Record<string, number>, actual: EmailReading['quantities']): boolean {
  if (!actual) return false;
  return Object.entries(expected).every(([key, value]) => (actual as Record<string, unknown>)[key] === value);
}
