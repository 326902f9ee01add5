import type { TrnCheckState } from '@prisma/client';

/** A check still waiting: for its ticket to be raised, or for the answer. */
export const PENDING_TRN_CHECK_STATES = ['requested', 'open'] as const satisfies readonly TrnCheckState[];
