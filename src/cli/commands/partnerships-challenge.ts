// npm run cli -- partnerships:challenge --id ID --reason REASON --authorised-by-pet --as EMAIL [--json]
// The late challenge support staff make, for when the back office is not to hand. The CLI has no signed-in
// user, so it acts as the back-office user named by --as: only a super user may challenge late.
import { CHALLENGE_REASON_LABELS, CHALLENGE_REASONS, isChallengeReason } from '../../actions/partnerships/challenge-reasons.js';
import { challengePartnership, POLICY_ENGAGEMENT_CONFIRMATION } from '../../actions/partnerships/challenge-partnership.js';
import { academicYearLabel } from '../../actions/partnerships/partnership-emails.js';
import { Id } from '../../actions/zod.js';
import { backOfficeUser } from '../back-office-user.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const partnershipsChallenge: CliCommand = {
  name: 'partnerships:challenge',
  summary: 'Challenge a partnership after its deadline (super users only, once the Policy Engagement Team has authorised it)',
  usage: [
    '--id PARTNERSHIP_ID --reason REASON --authorised-by-pet --as EMAIL',
    '',
    `  --reason             one of: ${CHALLENGE_REASONS.map((r) => `${r} ("${CHALLENGE_REASON_LABELS[r]}")`).join(', ')}`,
    `  --authorised-by-pet  required: the answer to "${POLICY_ENGAGEMENT_CONFIRMATION}"`,
    '  --as EMAIL           the back-office user doing this (recorded in the audit log); refused unless they are a super user',
  ].join('\n'),
  async run(args, out) {
    const id = requireOption(args, 'id');
    if (!Id.safeParse(id).success) throw new CliUsageError(`Not a partnership id: ${id}`);
    const reason = requireOption(args, 'reason');
    if (!isChallengeReason(reason)) throw new CliUsageError(`--reason must be one of ${CHALLENGE_REASONS.join(', ')}`);
    if (args.options['authorised-by-pet'] !== 'true') {
      throw new CliUsageError(`${POLICY_ENGAGEMENT_CONFIRMATION} Add --authorised-by-pet once it has; nothing was changed.`);
    }
    const ctx = await backOfficeUser(requireOption(args, 'as'));

    const p = await challengePartnership(ctx, { partnershipId: id, reason, confirmed: true });
    out.say(`Partnership has been challenged: ${p.school.name} (URN ${p.school.urn}) with ${p.leadProvider.name} and ${p.deliveryPartner.name}, ${academicYearLabel(p.cohort.startYear)}.`);
    out.say(`Reason: ${CHALLENGE_REASON_LABELS[reason]}. The lead provider has been emailed.`);
    return {
      id: p.id,
      school: { id: p.school.id, urn: p.school.urn, name: p.school.name },
      leadProvider: p.leadProvider.name,
      deliveryPartner: p.deliveryPartner.name,
      cohort: p.cohort.startYear,
      challengedAt: p.challengedAt?.toISOString() ?? null,
      challengeReason: p.challengeReason,
    };
  },
};
