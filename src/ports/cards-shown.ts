/**
 * Which revision of a request each of its chat messages shows, shared by every worker, so that
 * several update jobs for one message coalesce: the newest state is rendered once, later jobs that
 * would render the same revision again skip the call (Slack's updates of one message are limited).
 */
export interface CardsShown {
  /** The revision a message shows (0 when unknown). */
  shown(messageKey: string): Promise<number>;
  /** Records that the message now shows `revision` (never lowers it). */
  markShown(messageKey: string, revision: number): Promise<void>;
}
