import { describe, expect, it } from 'vitest';
import { jobId } from '../../src/queue/job-id.ts';

describe('jobId', () => {
  it('derives the id from what the job does', () => {
    expect(jobId('approve-po', 42, 'v7')).toBe('approve-po-42-v7');
  });
  it('never contains a colon, which BullMQ forbids in custom ids', () => {
    expect(jobId('odoo-changed', 'purchase.order', 18, '2026-11-26 22:17:21.480189')).toBe('odoo-changed-purchase.order-18-2026-11-26_22_17_21.480189');
  });
  it('is never an integer-looking id', () => {
    expect(jobId('42')).toBe('job-42');
    expect(jobId('po', '')).toBe('po-_');
  });
});
