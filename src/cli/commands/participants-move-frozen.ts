// npm run cli -- participants:move-frozen --id ID [--force] --reason "..." [--dry-run]
// npm run cli -- participants:move-frozen --all-eligible [--force] --reason "..." [--dry-run]
import { systemContext } from '../../actions/actor.js';
import { listFrozenCohortCandidateIds } from '../../actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { moveManyFromFrozenCohort } from '../../actions/participants/frozen-cohort/move-many-from-frozen-cohort.js';
import { DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT } from '../../actions/participants/frozen-cohort/rules.js';
import { Id, Reason } from '../../actions/zod.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const participantsMoveFrozen: CliCommand = {
  name: 'participants:move-frozen',
  summary: `Move participants out of a payment-frozen cohort into the ${DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT} cohort`,
  usage: '(--id ID[,ID...] | --all-eligible) --reason "..." [--force] [--dry-run]',
  async run(args, out) {
    const reason = Reason.safeParse(requireOption(args, 'reason'));
    if (!reason.success) throw new CliUsageError(reason.error.issues[0].message);
    const force = args.options.force === 'true';
    const dryRun = args.options['dry-run'] === 'true';
    const allEligible = args.options['all-eligible'] === 'true';
    if (allEligible === Boolean(args.options.id)) throw new CliUsageError('Give either --id or --all-eligible');

    // Without --force a bulk run takes only those with billable declarations; with it, the force-only ones too.
    const ids = allEligible
      ? await listFrozenCohortCandidateIds(force ? {} : { status: 'eligible' })
      : requireOption(args, 'id').split(',').map((id) => id.trim()).filter(Boolean);
    const badId = ids.find((id) => !Id.safeParse(id).success);
    if (badId) throw new CliUsageError(`Not a participant id: ${badId}`);
    if (ids.length === 0) {
      out.say('No participants to move.');
      return { moved: 0, unchanged: 0, blocked: [], dryRun };
    }

    out.say(`${dryRun ? 'Checking' : 'Moving'} ${ids.length} participant(s)${force ? ' (forced)' : ''}...`);
    const outcomes = await moveManyFromFrozenCohort(
      systemContext('CLI participants:move-frozen'),
      { participantProfileIds: ids, force, reason: reason.data, dryRun },
      (done, total, latest) => out.say(`[${done}/${total}] ${latest.outcome.padEnd(10)} ${latest.participantProfileId}  ${latest.message}`),
    );
    const count = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).length;
    const moved = count(dryRun ? 'would_move' : 'moved');
    const blocked = outcomes
      .filter((o) => o.outcome === 'refused' || o.outcome === 'failed')
      .map((o) => ({ participant: o.participantProfileId, reason: o.message }));
    out.say(`${dryRun ? 'Would move' : 'Moved'}: ${moved}; already moved: ${count('unchanged')}; blocked: ${blocked.length}.`);
    return { moved, unchanged: count('unchanged'), blocked, dryRun };
  },
};
