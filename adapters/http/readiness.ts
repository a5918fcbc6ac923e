/** One dependency's answer to "can the bot work right now?". Warnings do not make it unready. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
  warnings?: string[];
}

export interface ReadinessCheck {
  name: string;
  run(): Promise<Omit<CheckResult, 'name'>>;
}

/** Runs every check at once, each bounded in time, so /readyz answers even when a dependency hangs. */
export async function runChecks(checks: ReadinessCheck[], timeoutMs: number): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<Omit<CheckResult, 'name'>>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        return { name: check.name, ...(await Promise.race([check.run(), timeout])) };
      } catch (err) {
        return { name: check.name, ok: false, detail: err instanceof Error ? err.message : String(err) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
