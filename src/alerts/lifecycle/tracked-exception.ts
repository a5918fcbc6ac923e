/**
 * An exception as the lifecycle layer keeps it between scans: the newest detection plus what
 * people did about it (acknowledged, owned, snoozed), where it was posted, and whether it cleared.
 * Stored as JSON (dates as ISO strings), one document per key, changed only by compare-and-set.
 */
import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { PostedMessage } from '../../ports/chat.ts';
import type { ExceptionType, ProcurementException, Severity } from '../exception.ts';

/** The exception as stored: `detectedAt` is an ISO string once it went through JSON. */
export type StoredException = { [T in ExceptionType]: Omit<Extract<ProcurementException, { type: T }>, 'detectedAt'> & { detectedAt: string } }[ExceptionType];

export type ExceptionStatus = 'open' | 'acknowledged' | 'owned' | 'cleared';

/** What the lifecycle shows and counts: `snoozed` is an open (or acknowledged) exception held until a time. */
export type ExceptionState = ExceptionStatus | 'snoozed';

/** A person acting on an exception: their chat account and, when known, their Odoo user. */
export interface ExceptionActor {
  chat: ChatUserRef;
  odooUserId: number | null;
  odooLogin: string | null;
  at: string;
}

/** Where a message of the exception lives; `digest` when it was summarised in a burst digest. */
export interface ExceptionMessageRef extends PostedMessage {
  /** The routed channel as configured (name or id): the key pacing and routing use. */
  route: string;
  kind: 'message' | 'digest-row' | 'thread';
  /** The post number it belongs to (TrackedException.posts when it was posted). */
  post: number;
  postedAt: string;
}

export interface TrackedException {
  key: string;
  type: ExceptionType;
  status: ExceptionStatus;
  exception: StoredException;
  fingerprint: string;
  severity: Severity;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Channels routing chose (names or ids, as configured); never empty (default channel). */
  channels: string[];
  /** The Odoo user routing or the detector named as owner, when known. */
  routedOwner: { odooUserId: number | null; odooLogin: string | null } | null;
  acknowledged: ExceptionActor | null;
  owner: ExceptionActor | null;
  snoozedUntil: string | null;
  snoozedBy: ExceptionActor | null;
  /** A re-alert (severity up, new ETA, escalation) came while snoozed: post it when the snooze ends. */
  realertDue: string | null;
  escalatedAt: string | null;
  clearedAt: string | null;
  clearedReason: string | null;
  messages: ExceptionMessageRef[];
  /** How many times it was (re-)posted: the post job id includes it, so each re-alert is one job. */
  posts: number;
  /** Bumped on every change (compare-and-set); the update job id includes it. */
  revision: number;
}

/** The state people see: cleared wins, then a running snooze, then the status. */
export function stateOf(t: Pick<TrackedException, 'status' | 'snoozedUntil'>, now: Date): ExceptionState {
  if (t.status === 'cleared') return 'cleared';
  if (t.snoozedUntil && Date.parse(t.snoozedUntil) > now.getTime()) return 'snoozed';
  return t.status;
}

/** JSON-safe copy of a detection. */
export function toStored(e: ProcurementException): StoredException {
  return { ...e, detectedAt: e.detectedAt.toISOString() } as StoredException;
}

/** A new tracked exception for a first detection. */
export function newTracked(e: ProcurementException, channels: string[], routedOwner: TrackedException['routedOwner'], now: Date): TrackedException {
  const at = now.toISOString();
  return {
    key: e.key, type: e.type, status: 'open', exception: toStored(e), fingerprint: e.fingerprint, severity: e.severity,
    firstSeenAt: at, lastSeenAt: at, channels, routedOwner, acknowledged: null, owner: null, snoozedUntil: null, snoozedBy: null,
    realertDue: null, escalatedAt: null, clearedAt: null, clearedReason: null, messages: [], posts: 0, revision: 0,
  };
}

/** The Odoo record the exception is about, for notes, activities and links. */
export function subjectOf(t: Pick<TrackedException, 'exception'>): { model: string; id: number; name: string | null } {
  return t.exception.records.subject;
}
