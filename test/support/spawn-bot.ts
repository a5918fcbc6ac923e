import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

export interface SpawnedProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs one of the bot's entry points (start.ts, web.ts, worker.ts) as `npm start` would, with its own env. */
export function spawnEntry(entry: 'start' | 'web' | 'worker' | 'embedded-odoo', env: Record<string, string>): SpawnedProcess {
  const file = entry === 'embedded-odoo' ? 'adapters/embedded-odoo/cli.ts' : `adapters/runtime/${entry}.ts`;
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, file)], {
    cwd: PROJECT_ROOT,
    // No inherited .env surprises: only PATH and what the test sets.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function waitFor(probe: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
