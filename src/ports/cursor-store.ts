/** Where each reconciliation scan stopped (JSON), shared by every worker process. */
export interface CursorStore {
  get<T>(name: string): Promise<T | null>;
  set<T>(name: string, cursor: T): Promise<void>;
}
