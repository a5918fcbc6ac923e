/** Remembers keys for a while so repeats of the same event are recognised (Redis SET NX EX). */
export interface OnceStore {
  /** True the first time a key is claimed within ttlSeconds, false for every repeat. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back, when the work it guarded could not be handed on. */
  release(key: string): Promise<void>;
}
