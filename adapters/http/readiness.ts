/** One dependency's answer to "can the bot work right now?". Warnings do not make it unready. */
export interface CheckResult {
  name: string;
  ok: boolean;
  /** False for a dependency that is reported but does not decide readiness (Odoo: see health.ts). */
  required: boolean;
  detail?: string;
  warnings?: string[];
}

export interface ReadinessCheck {
  name: string;
  /**
   * Whether the process can take work without it. Redis is required (no Redis, no queue); Odoo is
   * not: clicks are acked and queued without Odoo, and the write-back retries until it is back.
   * @defaultValue true
   */
  required?: boolean;
  run(): Promise<Omit<CheckResult, 'name' | 'required'>>;
}

/** Runs every check at once, each bounded in time, so /readyz answers even when a dependency hangs. */
export async function runChecks(checks: ReadinessCheck[], timeoutMs: number): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check) => {
      const required = check.required ?? true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<Omit<CheckResult, 'name' | 'required'>>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        return { name: check.name, required, ...(await Promise.race([check.run(), timeout])) };
      } catch (err) {
        return { name: check.name, required, ok: false, detail: err instanceof Error ? err.message : String(err) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
