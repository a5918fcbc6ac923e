/**
 * TEST-ONLY fault injection, inert unless its environment variable is set. Production never sets
 * it; it exists so a test can kill a real worker process at the one instant that matters.
 *
 * `TEST_ONLY_SIGKILL_AFTER_ODOO_WRITE=1`: the worker SIGKILLs itself (as `kill -9` would: no
 * drain, no finally, no lock released) right after a decision's write-back has written Odoo (the
 * approve or cancel and its chatter note), before the bookkeeping (request "written", card, buyer
 * DM, audit). test/runtime/kill-after-odoo-write.test.ts uses it to show that the re-run after a
 * restart finishes that bookkeeping exactly once.
 */
export const SIGKILL_AFTER_ODOO_WRITE_ENV = 'TEST_ONLY_SIGKILL_AFTER_ODOO_WRITE';

/** The write-back's `afterOdooWrite` hook, or undefined (the normal case). */
export function afterOdooWriteFault(env: NodeJS.ProcessEnv = process.env): (() => void) | undefined {
  if (env[SIGKILL_AFTER_ODOO_WRITE_ENV] !== '1') return undefined;
  return () => {
    process.kill(process.pid, 'SIGKILL');
  };
}
