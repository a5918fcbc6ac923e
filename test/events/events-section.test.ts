import { describe, expect, it } from 'vitest';
import { parseEventsSection } from '../../src/events/events-section.ts';

const SECRET = 'a-secret-of-enough-length-0123';
const env = { N8N_SECRET: SECRET, SHORT_SECRET: 'short' };

const policy = (subscribers: string) => `timezone: UTC\nrules: []\nevents:\n  subscribers:\n${subscribers}`;

describe('the events: section of the policy file', () => {
  it('reads subscribers, their types ("*" for all) and secrets from the environment', () => {
    const subs = parseEventsSection(policy(`    - name: n8n\n      url: https://n8n.example.com/webhook/x\n      types: [approval.decided, exception.opened]\n      secret_env: N8N_SECRET\n    - name: lake\n      url: http://127.0.0.1:9/e\n      types: ["*"]\n      secret_env: N8N_SECRET\n      max_attempts: 3\n`), 'policy.yaml', env);
    expect(subs.map((s) => [s.name, [...s.types].length, s.maxAttempts])).toEqual([['n8n', 2, 12], ['lake', 7, 3]]);
    expect(subs[0]!.secret).toBe(SECRET);
  });

  it('has no subscribers without the section', () => {
    expect(parseEventsSection('timezone: UTC\nrules: []\n', 'policy.yaml', env)).toEqual([]);
  });

  it.each([
    ['a URL that is not http(s)', `    - name: n8n\n      url: ftp://x.example/\n      types: ["*"]\n      secret_env: N8N_SECRET\n`, /^policy\.yaml:6:12: events\.subscribers\[0\]\.url must be an absolute http\(s\) URL/],
    ['a relative URL', `    - name: n8n\n      url: /webhook\n      types: ["*"]\n      secret_env: N8N_SECRET\n`, /^policy\.yaml:6:12: events\.subscribers\[0\]\.url/],
    ['an unknown event type', `    - name: n8n\n      url: https://x.example/\n      types: [approval.exploded]\n      secret_env: N8N_SECRET\n`, /^policy\.yaml:7:15: events\.subscribers\[0\]\.types\[0\] must be one of approval\.requested/],
    ['a secret that is not set', `    - name: n8n\n      url: https://x.example/\n      types: ["*"]\n      secret_env: MISSING_SECRET\n`, /^policy\.yaml:8:19: events\.subscribers\[0\]\.secret_env names an environment variable that is not set/],
    ['a short secret', `    - name: n8n\n      url: https://x.example/\n      types: ["*"]\n      secret_env: SHORT_SECRET\n`, /^policy\.yaml:8:19: events\.subscribers\[0\]\.secret_env names a secret shorter than 16/],
    ['a duplicate name', `    - name: n8n\n      url: https://x.example/\n      types: ["*"]\n      secret_env: N8N_SECRET\n    - name: N8N\n      url: https://y.example/\n      types: ["*"]\n      secret_env: N8N_SECRET\n`, /^policy\.yaml:9:13: events\.subscribers\[1\]\.name is used by another subscriber/],
    ['an unknown key', `    - name: n8n\n      url: https://x.example/\n      types: ["*"]\n      secret_env: N8N_SECRET\n      secret: inline\n`, /^policy\.yaml:9:7: events\.subscribers\[0\]\.secret is not a known key/],
  ])('refuses %s with the file, line and column', (_what, subscribers, message) => {
    expect(() => parseEventsSection(policy(subscribers), 'policy.yaml', env)).toThrow(message);
  });
});
