import type { NextOwner } from '../../../src/status/index.ts';

/** Who has the ball, as the answer's "Next:" line says it. */
export const NEXT_OWNER_WORDS: Record<NextOwner, string> = {
  buyer: 'the buyer',
  approvers: 'approval',
  vendor: 'the vendor',
  warehouse: 'the warehouse',
  finance: 'finance',
  nobody: 'nothing to do',
};
