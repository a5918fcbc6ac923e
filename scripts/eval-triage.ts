/**
 * `npm run eval -- --file PATH [--provider heuristic|openai] [--out report.json] [--timeout-ms 20000]`
 *
 * With `--provider openai` the reader talks to OPENAI_BASE_URL (OpenAI itself when unset, or any
 * OpenAI-compatible server: Azure OpenAI, Ollama, vLLM) with OPENAI_API_KEY and OPENAI_MODEL; a
 * reading that fails its schema, states what the email does not say, or times out is counted as
 * a fallback to the offline reader.
 *
 * Runs a triage provider on every email of a labelled JSON Lines file and prints per-category
 * precision/recall, the ETA exact-match rate and injection detection; the last line is exactly
 * `accuracy: 0.NNN`. The report is also written as JSON. The maths lives in src/triage/eval/;
 * this script only reads files, picks the provider and prints.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EmailReader, EmailReading } from '../src/triage/email-reading.ts';
import { formatEvalReport } from '../src/triage/eval/format-eval-report.ts';
import { labelledEmailSchema, readContextOf, supplierEmailOf, type LabelledEmail } from '../src/triage/eval/labelled-email.ts';
import { scoreEval } from '../src/triage/eval/score-eval.ts';
import { createFallbackReader } from '../src/triage/fallback-reader.ts';
import { createHeuristicReader } from '../src/triage/heuristic/heuristic-reader.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  timeoutMs: number;
  file: string;
  provider: 'heuristic' | 'openai';
  out: string;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const provider = value('provider') ?? 'heuristic';
  if (provider !== 'heuristic' && provider !== 'openai') fail(`--provider must be heuristic or openai (got ${provider})`);
  const file = resolve(value('file') ?? join(projectRoot, 'data/supplier-emails.dev.jsonl'));
  const out = resolve(value('out') ?? join(projectRoot, `bench/results/triage-eval-${provider}.json`));
  const timeoutMs = Number(value('timeout-ms') ?? 20_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) fail(`--timeout-ms must be a positive integer (got ${value('timeout-ms')})`);
  return { file, provider, out, timeoutMs };
}

function readLabelled(file: string): LabelledEmail[] {
  if (!existsSync(file)) fail(`no such file: ${file} (pass --file PATH)`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        fail(`${file}:${n}: not valid JSON`);
      }
      const parsed = labelledEmailSchema.safeParse(json);
      if (!parsed.success) fail(`${file}:${n}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

/**
 * The OpenAI reader from adapters/llm/ when one is there (a class or factory whose name says
 * OpenAI reader), configured from OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL, behind the
 * fallback reader so one failed call is counted as a heuristic fallback instead of ending the run.
 */
async function findOpenAiReader(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<EmailReader | null> {
  const dir = join(projectRoot, 'adapters/llm');
  if (!existsSync(dir)) return null;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(pathToFileURL(join(dir, name)).href)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || !/openai.*reader/i.test(exported)) continue;
      if (!env.OPENAI_API_KEY) fail('OPENAI_API_KEY is not set (and OPENAI_MODEL, OPENAI_BASE_URL if not OpenAI itself)');
      const options = { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL || undefined, model: env.OPENAI_MODEL || 'gpt-4o-mini', timeoutMs, maxRetries: 0 };
      const isClass = typeof (value as { prototype?: { read?: unknown } }).prototype?.read === 'function';
      const primary = isClass ? new (value as new (o: typeof options) => EmailReader)(options) : (value as (o: typeof options) => EmailReader)(options);
      return createFallbackReader({ primary, fallback: createHeuristicReader(), timeoutMs, onFallback: (reason) => console.error(`fallback: ${reason}`) });
    }
  }
  return null;
}

function fail(message: string): never {
  console.error(`eval-triage: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const reader = options.provider === 'heuristic' ? createHeuristicReader() : await findOpenAiReader(process.env, options.timeoutMs);
  if (!reader) fail('the OpenAI provider is not wired in yet (no adapters/llm/ module exports one); use --provider heuristic');
  const records = readLabelled(options.file);
  const now = new Date();
  const pairs: Array<{ record: LabelledEmail; reading: EmailReading }> = [];
  for (const record of records) pairs.push({ record, reading: await reader.read(supplierEmailOf(record), readContextOf(record, now)) });
  const report = scoreEval(options.provider, options.file, pairs);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify({ ...report, generatedAt: now.toISOString() }, null, 2)}\n`);
  const lines = formatEvalReport(report);
  const last = lines.pop();
  for (const line of lines) console.log(line);
  console.log(`report: ${options.out}`);
  console.log(last);
}

await main();
