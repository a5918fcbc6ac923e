import type { PurchaseRequest } from '../requests/purchase-request.ts';

/** Purchase requests from chat (Redis in production): one document per request, changed by compare-and-set. */
export interface RequestStore {
  /** Stores a new request; false (and nothing changed) when one with this id exists already. */
  create(request: PurchaseRequest): Promise<boolean>;
  get(id: string): Promise<PurchaseRequest | null>;
  /** Applies `change` to the current document (retried on a lost race); null when there is none. */
  update(id: string, change: (current: PurchaseRequest) => PurchaseRequest): Promise<PurchaseRequest | null>;
  /** The requester's requests, newest first. */
  forRequester(login: string, limit?: number): Promise<PurchaseRequest[]>;
  /** Requests whose line is on this purchase order. */
  forOrder(orderId: number): Promise<PurchaseRequest[]>;
  /** Requests waiting for the buyer (state requested). */
  waitingForBuyer(): Promise<PurchaseRequest[]>;
}
