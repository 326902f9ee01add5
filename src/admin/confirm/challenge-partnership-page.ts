// "Report an incorrect partnership": the late challenge a super user makes for a school (the DfE's app/services/partnerships/challenge.rb).
import { CHALLENGE_REASON_LABELS, CHALLENGE_REASONS } from '../../actions/partnerships/challenge-reasons.js';
import { challengePartnership, POLICY_ENGAGEMENT_CONFIRMATION } from '../../actions/partnerships/challenge-partnership.js';
import { db } from '../../db/client.js';
import { isUnchallenged } from '../../rules/unchallenged-partnership.js';
import type { ConfirmActionOptions } from './confirm-action.js';
import { formatDate } from '../human-dates.js';

export const challengePartnershipPage: ConfirmActionOptions = {
  permission: 'partnerships.challenge_late',
  icon: 'AlertTriangle',
  // AdminJS params hold an empty value as null, undefined or '' depending on the adapter.
  isVisible: ({ record }) =>
    isUnchallenged({ challengedAt: record?.params.challengedAt || null, challengeReason: record?.params.challengeReason || null }) && record?.params.relationship !== true,
  async load(_ctx, id) {
    const p = await db().partnership.findUniqueOrThrow({
      where: { id },
      include: { school: true, leadProvider: true, deliveryPartner: true, cohort: true },
    });
    return {
      heading: 'Report an incorrect partnership',
      rows: [
        ['School', `${p.school.name} (URN ${p.school.urn})`],
        ['Cohort', String(p.cohort.startYear)],
        ['Lead provider', p.leadProvider.name],
        ['Delivery partner', p.deliveryPartner.name],
        ['Challenge deadline', p.challengeDeadline ? formatDate(p.challengeDeadline) : '—'],
      ],
      blockers: !isUnchallenged(p) ? ['This partnership has already been challenged'] : [],
      warning: POLICY_ENGAGEMENT_CONFIRMATION,
      fields: [
        { name: 'reason', label: 'Tell us why this is not the right partnership', type: 'radios', options: CHALLENGE_REASONS.map((r) => ({ value: r, label: CHALLENGE_REASON_LABELS[r] })) },
        { name: 'confirmed', label: "Yes, the Policy Engagement Team has authorised this challenge", type: 'checkbox' },
      ],
      submitLabel: 'Challenge',
      consequences: [
        `${p.leadProvider.name} no longer sees ${p.school.name} or its participants for ${p.cohort.startYear} through the API.`,
        `${p.leadProvider.name} is emailed about the challenge.`,
        'When the reason is that the school has no early career teachers this year, its cohort is set to no early career teachers.',
        'The challenge is recorded in the audit log with your name.',
      ],
    };
  },
  async submit(ctx, id, form) {
    await challengePartnership(ctx, { partnershipId: id, reason: form.reason, confirmed: form.confirmed });
    return 'Partnership has been challenged';
  },
};
