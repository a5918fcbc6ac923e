/**
 * The stores the use cases already write through, wrapped so that each stored transition
 * (a request opened, a decision claimed, a write-back written, an exception opened,
 * acknowledged or cleared, a triage confirmation) publishes its event. The use cases do not
 * change: the events follow what was stored, once, because every transition is a compare-and-set.
 * Publishing never changes the outcome: a failure to publish is logged and counted.
 */
import type { Logger } from 'pino';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ExceptionStore } from '../../src/alerts/lifecycle/exception-store.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { approvalChangeEvents, approvalDecidedEvent, approvalRequestedEvent } from '../../src/events/approval-events.ts';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import { exceptionEvents } from '../../src/events/exception-events.ts';
import { triageEvents } from '../../src/events/triage-events.ts';
import type { ApprovalStore } from '../../src/ports/approval-store.ts';
import type { EventOutbox } from '../../src/ports/event-outbox.ts';
import type { TriageStore } from '../../src/triage/flow/triage-ports.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';
import type { InsightsRecorder } from '../insights/insights-recorder.ts';

export interface EmitDeps {
  outbox: EventOutbox;
  logger: Logger;
  onPublishFailed?: () => void;
  /** The control tower's recorder: told of the same stored transitions (it never throws). */
  insights?: InsightsRecorder;
}

function publisher(deps: EmitDeps) {
  return async (events: ChatopsEvent[]) => {
    if (events.length === 0) return;
    try {
      await deps.outbox.publish(events);
    } catch (err) {
      deps.onPublishFailed?.();
      deps.logger.error({ err: String(err), events: events.map((e) => e.id) }, 'could not publish events; the stored change stands');
    }
  };
}

/** Runs `change` and remembers the last value it was given: the "before" of a compare-and-set. */
function capture<T>(change: (v: T) => T): { change: (v: T) => T; before: () => T | null } {
  let before: T | null = null;
  return { change: (v) => ((before = v), change(v)), before: () => before };
}

export function emittingApprovalStore<S extends ApprovalStore>(store: S, deps: EmitDeps): S {
  const publish = publisher(deps);
  return new Proxy(store, {
    get(target, prop, receiver) {
      switch (prop) {
        case 'open':
          return async (request: ApprovalRequest) => {
            const out = await target.open(request);
            if (out.created) await publish([approvalRequestedEvent(out.request)]);
            return out;
          };
        case 'claimDecision':
          return async (...args: Parameters<ApprovalStore['claimDecision']>) => {
            const out = await target.claimDecision(...args);
            if (out.won && out.request.decision) await publish([approvalDecidedEvent(out.request, out.request.decision, null, true)]);
            if (out.won) await deps.insights?.approval(null, out.request);
            return out;
          };
        case 'claimLevelDecision':
          return async (...args: Parameters<ApprovalStore['claimLevelDecision']>) => {
            const out = await target.claimLevelDecision(...args);
            if (out.won) await publish([approvalDecidedEvent(out.request, args[3], args[2], out.final)]);
            if (out.won) await deps.insights?.approval(null, out.request);
            return out;
          };
        case 'update':
          return async (id: string, change: (r: ApprovalRequest) => ApprovalRequest) => {
            const c = capture(change);
            const after = await target.update(id, c.change);
            const before = c.before();
            if (after && before && after !== before) await publish(approvalChangeEvents(before, after));
            if (after && before && after !== before) await deps.insights?.approval(before, after);
            return after;
          };
        default: {
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}

export function emittingExceptionStore<S extends ExceptionStore>(store: S, deps: EmitDeps): S {
  const publish = publisher(deps);
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'upsert') {
        return async (key: string, create: () => TrackedException | null, change: (t: TrackedException) => TrackedException) => {
          const out = await target.upsert(key, create, change);
          if (out.after && out.after !== out.before) await publish(exceptionEvents(out.before, out.after));
          if (out.after && out.after !== out.before) await deps.insights?.exception(out.before, out.after);
          return out;
        };
      }
      if (prop === 'update') {
        return async (key: string, change: (t: TrackedException) => TrackedException) => {
          const out = await target.update(key, change);
          if (out && out.after !== out.before) await publish(exceptionEvents(out.before, out.after));
          if (out && out.after !== out.before) await deps.insights?.exception(out.before, out.after);
          return out;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function emittingTriageStore<S extends TriageStore>(store: S, deps: EmitDeps): S {
  const publish = publisher(deps);
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'update') {
        return async (id: string, change: (p: TriageProposal) => TriageProposal) => {
          const c = capture(change);
          const after = await target.update(id, c.change);
          const before = c.before();
          if (after && before && after !== before) await publish(triageEvents(before, after));
          if (after && before && after !== before) await deps.insights?.triage(before, after);
          return after;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
