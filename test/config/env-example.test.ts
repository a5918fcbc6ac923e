import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config/config-schema.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    const example = readFileSync(resolve(PROJECT_ROOT, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const read = Object.keys(envSchema.shape);
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((k) => !documented.has(k))).toEqual([]);
  });
});
