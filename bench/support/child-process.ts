import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (bench/support/../..). */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Starts a TypeScript entry point in its own Node process (node --import tsx, as `npm run web`
 * does through tsx), so the process measured never shares an event loop with the load generator.
 */
export function spawnTs(file: string, options: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[]; stdout?: 'pipe' | 'ignore' } = {}): ChildProcess {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', resolve(ROOT, file), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...(options.env ?? {}) },
    stdio: ['ignore', options.stdout ?? 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

// A bench that fails or is interrupted leaves no server or bot process behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Resolves with the first stdout line that parses as JSON (children announce themselves so). */
export function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((ok, fail) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        try {
          const value = JSON.parse(line) as T;
          child.stdout?.off('data', onData);
          ok(value);
          return;
        } catch {
          // not ours: keep reading
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`child exited (code ${code}) before it answered`)));
  });
}

/** Runs a child to its end and returns the JSON it printed. */
export async function runTsForJson<T>(file: string, input: unknown, env: Record<string, string> = {}): Promise<T> {
  const child = spawnTs(file, { args: [JSON.stringify(input)], env });
  const answer = await firstJsonLine<T>(child);
  await stopChild(child);
  return answer;
}

/** SIGTERM, and waits for the exit. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/**
 * CPU time (user + system, every thread: event loop, GC helpers, libuv pool) a process has used,
 * in ms, from the scheduler's per-thread counters in nanoseconds (Linux /proc).
 */
export function cpuMsOf(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

/** Peak resident set size of a process so far (VmHWM), in MiB. */
export function peakRssMiBOf(pid: number): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kib ? Math.round(Number(kib) / 1024) : NaN;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until GET url answers 2xx. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await fetch(url).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > until) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The p-th percentile of ascending values (nearest rank). */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
