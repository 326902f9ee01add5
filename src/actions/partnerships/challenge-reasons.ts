// Why a partnership is challenged, with the labels schools and lead providers see (the DfE's partnerships.yml).
import type { ChallengeReason } from '@prisma/client';

export const CHALLENGE_REASON_LABELS: Record<ChallengeReason, string> = {
  another_provider: 'I have already confirmed an agreement with another provider',
  not_confirmed: 'We have not confirmed an agreement',
  do_not_recognise: 'I do not recognise this training provider',
  no_ects: 'We do not have any early career teachers this year',
  mistake: 'This looks like a mistake',
};

/** In the order the form lists them. */
export const CHALLENGE_REASONS = Object.keys(CHALLENGE_REASON_LABELS) as ChallengeReason[];

export const CHALLENGE_REASON_REQUIRED = 'Select a reason why you think this confirmation is incorrect';

export const isChallengeReason = (value: unknown): value is ChallengeReason =>
  typeof value === 'string' && (CHALLENGE_REASONS as string[]).includes(value);
