/** The BullMQ queues of ARCHITECTURE.md; operators and dashboards rely on these names. */
export const QUEUE_NAMES = ['writeback', 'notify', 'scan', 'triage', 'events'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
