/**
 * The ports of the exception lifecycle: the store of tracked exceptions (Redis, compare-and-set),
 * the memory of first promised dates, the burst gate of each channel, and the metrics observer.
 */
import type { TrackedException } from './tracked-exception.ts';

export interface ExceptionStore {
  get(key: string): Promise<TrackedException | null>;
  getMany(keys: readonly string[]): Promise<Map<string, TrackedException>>;
  /** Keys not cleared (open, acknowledged, owned, snoozed). */
  openKeys(): Promise<string[]>;
  /**
   * Creates the document when missing, else applies `change` atomically (optimistic retry on the
   * revision). Returning the same object changes nothing. `null` from `create` means "do not create".
   */
  upsert(key: string, create: () => TrackedException | null, change: (t: TrackedException) => TrackedException): Promise<{ before: TrackedException | null; after: TrackedException | null }>;
  /** Applies a change atomically; null when the key is unknown. */
  update(key: string, change: (t: TrackedException) => TrackedException): Promise<{ before: TrackedException; after: TrackedException } | null>;
}

/** The first date_planned seen per PO line on a confirmed order (ETA slips compare against it). */
export interface FirstPromiseStore {
  getMany(lineIds: readonly number[]): Promise<Map<number, Date>>;
  /** Stores each only where absent: the first promise is never overwritten. */
  remember(promises: ReadonlyMap<number, Date>): Promise<void>;
  forget(lineIds: readonly number[]): Promise<void>;
}

/**
 * Counts the individual posts a channel gets within a window. Past the burst, further
 * exceptions are collected for one digest message instead.
 */
export interface BurstGate {
  /**
   * Whether the channel may take one more individual post in the current window, the window's id
   * (one burst digest job per window) and how long it still runs.
   */
  admit(channel: string, max: number, windowMs: number): Promise<{ admitted: boolean; window: string; windowLeftMs: number }>;
  /** Adds keys to the channel's pending burst digest. */
  hold(channel: string, keys: readonly string[]): Promise<void>;
  /** Takes every key waiting for the channel's burst digest (atomically: one digest gets them). */
  takeHeld(channel: string): Promise<string[]>;
}

export type LifecycleTransition = 'opened' | 'changed' | 'realerted' | 'acknowledged' | 'owned' | 'snoozed' | 'escalated' | 'cleared' | 'reopened';

/** Counts lifecycle changes for /metrics; the adapter feeds Prometheus. */
export interface AlertObserver {
  transition(type: string, transition: LifecycleTransition): void;
  acknowledged(type: string, seconds: number): void;
  resolved(type: string, seconds: number): void;
}

export const NO_OBSERVER: AlertObserver = { transition() {}, acknowledged() {}, resolved() {} };
