import type { Logger } from 'pino';

export interface DrainOnSignalsOptions {
  /** Stops taking work, lets running jobs finish or returns them to their queue, closes connections. */
  drain: () => Promise<void>;
  logger: Logger;
  /** Past this, the process exits even if the drain has not finished (SHUTDOWN_TIMEOUT_MS plus a margin). */
  hardDeadlineMs: number;
  /**
   * A repeat within this window is the same stop reaching node again (a signal to the process group
   * arrives once directly and once relayed by npm or tsx); a later one means "stop now".
   * @defaultValue 2_000
   */
  repeatWindowMs?: number;
  /** How often to check whether npm, which started this process, is gone. @defaultValue 500 */
  parentCheckMs?: number;
  env?: NodeJS.ProcessEnv;
  exit?: (code: number) => void;
  now?: () => number;
}

/**
 * One SIGTERM or SIGINT, however it arrives, starts one drain: directly (systemd, `docker stop`
 * with node as PID 1, `kill -- -PGID`), twice (the group signal plus the copy npm or tsx relays),
 * or not at all: npm dies on SIGTERM without passing it on (npm 11, seen 2026-12-04), so a process
 * started by `npm run` treats the loss of its npm parent as the stop signal it never got.
 */
export function drainOnSignals(options: DrainOnSignalsOptions): { stop: (reason: string) => void } {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  const repeatWindowMs = options.repeatWindowMs ?? 2_000;
  let startedAt: number | null = null;
  let parentWatch: NodeJS.Timeout | undefined;

  const stop = (reason: string) => {
    if (startedAt !== null) {
      if (now() - startedAt < repeatWindowMs) {
        logger.info({ signal: reason }, 'stop already under way (the same stop relayed by a parent process): still draining');
        return;
      }
      logger.warn({ signal: reason }, 'second signal: exiting now; jobs still running go back to their queue when their lock expires');
      exit(1);
      return;
    }
    startedAt = now();
    clearInterval(parentWatch);
    logger.info({ signal: reason }, 'stopping: no new work, finishing running jobs');
    const deadline = setTimeout(() => {
      logger.error({ hardDeadlineMs: options.hardDeadlineMs }, 'drain did not finish in time: exiting');
      exit(1);
    }, options.hardDeadlineMs);
    deadline.unref();
    options.drain().then(
      () => {
        clearTimeout(deadline);
        logger.info('stopped');
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'error while stopping');
        exit(1);
      },
    );
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  // npm sets npm_lifecycle_event for the scripts it runs. Only then is a new parent a lost npm: a
  // process started with nohup or by a supervisor may be re-parented on purpose.
  const env = options.env ?? process.env;
  if (env.npm_lifecycle_event) {
    const parent = process.ppid;
    parentWatch = setInterval(() => {
      if (process.ppid !== parent) stop('parent npm exited');
    }, options.parentCheckMs ?? 500);
    parentWatch.unref();
  }
  return { stop };
}
