/** Polls `probe` every 20 ms until `ok` holds of its value or `ms` pass; resolves with the last value (the test asserts on it). */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
