import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';
import type { EmailReader } from '../../src/triage/email-reading.ts';
import { createFallbackReader } from '../../src/triage/fallback-reader.ts';
import { createHeuristicReader } from '../../src/triage/heuristic/heuristic-reader.ts';
import { OpenAiEmailReader, type LlmUsage } from '../llm/openai-email-reader.ts';

/**
 * The configured reader: OpenAI (any OpenAI-compatible endpoint) behind the fallback reader when
 * OPENAI_API_KEY is set, else the offline heuristic. Token usage goes to `observer` (/metrics).
 */
export function createEmailReader(options: { openai: Config['openai']; logger: Logger; observer?: (usage: LlmUsage) => void; timeoutMs?: number }): EmailReader {
  const heuristic = createHeuristicReader();
  if (!options.openai.apiKey) return heuristic;
  const primary = new OpenAiEmailReader({
    apiKey: options.openai.apiKey,
    ...(options.openai.baseUrl ? { baseUrl: options.openai.baseUrl } : {}),
    model: options.openai.model,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
  });
  return createFallbackReader({
    primary,
    fallback: heuristic,
    // The SDK's own timeout and retries come first; this bounds the whole read.
    timeoutMs: (options.timeoutMs ?? 20_000) * 3 + 1_000,
    onFallback: (reason) => options.logger.warn({ reason }, 'triage: the LLM reading failed; using the heuristic reading'),
  });
}
