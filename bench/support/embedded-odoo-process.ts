import type { ChildProcess } from 'node:child_process';
import { firstJsonLine, spawnTs, stopChild } from './child-process.ts';

export interface OdooProcess {
  url: string;
  db: string;
  seedMs: number;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the embedded Odoo, seeded, in its own process (bench/processes/embedded-odoo.ts). */
export async function startOdooProcess(options: { seed: number; scale: number; now?: Date; maxOldSpaceMiB?: number }): Promise<OdooProcess> {
  const child: ChildProcess = spawnTs('bench/processes/embedded-odoo.ts', {
    args: [JSON.stringify({ seed: options.seed, scale: options.scale, ...(options.now ? { now: options.now.toISOString() } : {}) })],
    nodeArgs: [`--max-old-space-size=${options.maxOldSpaceMiB ?? 4096}`],
  });
  const ready = await firstJsonLine<{ url: string; db: string; seedMs: number }>(child);
  return { ...ready, pid: child.pid!, stop: () => stopChild(child) };
}
