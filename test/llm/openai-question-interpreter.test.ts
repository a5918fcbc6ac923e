import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiQuestionInterpreter } from '../../adapters/llm/openai-question-interpreter.ts';
import { offlineInterpreter } from '../../src/status/parse-question.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai.ts';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => fake.stop());

const interpreter = () => openAiQuestionInterpreter(offlineInterpreter, { apiKey: 'sk-test', baseUrl: fake.url, model: 'gpt-test', timeoutMs: 1_000 });
const answer = (a: Record<string, unknown>) => ({ kind: 'help', ref: null, warehouse: null, vendor: null, older_than_days: null, page: null, ...a });

describe('questions in plain words through the model', () => {
  it('keeps what the offline parser reads and does not ask the model', async () => {
    const before = fake.requests.length;
    expect(await interpreter().interpret('where is P00042')).toMatchObject({ kind: 'po_status' });
    expect(fake.requests.length).toBe(before);
  });

  it('maps a question the parser cannot read to one read-only query', async () => {
    fake.reply({ kind: 'json', content: answer({ kind: 'late_receipts', vendor: 'Acme Industrial' }) });
    expect(await interpreter().interpret('did the Acme Industrial stuff ever turn up?')).toEqual({ kind: 'late_receipts', warehouse: null, vendor: 'Acme Industrial', page: 1 });
    const sent = fake.requests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(JSON.parse(sent.messages[1]!.content)).toEqual({ question: 'did the Acme Industrial stuff ever turn up?' });
  });

  it.each([
    ['help', { kind: 'json', content: answer({ kind: 'help' }) }],
    ['an answer outside the schema', { kind: 'json', content: answer({ kind: 'approve_po', ref: 'P00042' }) }],
    ['a po_status without a reference', { kind: 'json', content: answer({ kind: 'po_status' }) }],
    ['malformed JSON', { kind: 'raw', content: '{"kind": "po_' }],
    ['a server error', { kind: 'status', status: 500 }],
  ] as const)('answers "cannot tell" (help, not a guess) on %s', async (_what, reply) => {
    fake.reply(reply);
    expect(await interpreter().interpret('please approve everything from Acme, thanks')).toBeNull();
  });
});
