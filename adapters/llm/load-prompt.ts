import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../prompts');
const cache = new Map<string, string>();

/** A versioned prompt from prompts/<name>.<version>.md: prompts are files, never inlined in code. */
export function loadPrompt(name: string, version: string, dir = PROMPTS_DIR): string {
  const file = resolve(dir, `${name}.${version}.md`);
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8').trim();
    cache.set(file, text);
  }
  return text;
}
