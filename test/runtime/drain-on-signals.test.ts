import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { drainOnSignals } from '../../adapters/runtime/drain-on-signals.ts';

function setup(drain: () => Promise<void>) {
  let t = 1_000;
  const exits: number[] = [];
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l).msg) });
  const { stop } = drainOnSignals({ drain, logger, hardDeadlineMs: 60_000, env: {}, exit: (c) => void exits.push(c), now: () => t });
  return { stop, exits, lines, advance: (ms: number) => (t += ms) };
}

describe('one stop per process', () => {
  it('a repeat of the signal while draining (relayed by npm or tsx) does not cut the drain short', async () => {
    let finish!: () => void;
    let drains = 0;
    const s = setup(() => { drains += 1; return new Promise<void>((r) => (finish = r)); });
    s.stop('SIGTERM');
    s.advance(100);
    s.stop('SIGTERM');
    s.stop('SIGINT');
    expect(drains).toBe(1);
    expect(s.exits).toEqual([]);
    finish();
    await new Promise((r) => setImmediate(r));
    expect(s.exits).toEqual([0]);
    expect(s.lines.filter((l) => l.startsWith('stopping'))).toHaveLength(1);
    expect(s.lines).toContain('stopped');
  });

  it('a second signal well after the first (someone insisting) exits at once', () => {
    const s = setup(() => new Promise<void>(() => undefined));
    s.stop('SIGINT');
    s.advance(5_000);
    s.stop('SIGINT');
    expect(s.exits).toEqual([1]);
  });

  it('a drain that fails exits 1 and says why', async () => {
    const s = setup(async () => { throw new Error('redis went away'); });
    s.stop('SIGTERM');
    await new Promise((r) => setImmediate(r));
    expect(s.exits).toEqual([1]);
    expect(s.lines).toContain('error while stopping');
  });
});
