// npm run cli -- participants:change-cohort --participant ID --to YEAR [--as EMAIL] [--reason "..."] [--dry-run] [--json]
// Support's "change cohort" for one participant, with the back office's rules and refusals (the DfE's words).
// Without --as it acts as the system; with it, as that back-office user, who must be a super user.
import { actorLabel, systemContext } from '../../actions/actor.js';
import { changeParticipantCohort } from '../../actions/participants/change-participant-cohort.js';
import { Id, Reason } from '../../actions/zod.js';
import { backOfficeUser } from '../back-office-user.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const participantsChangeCohort: CliCommand = {
  name: 'participants:change-cohort',
  summary: "Change a participant's cohort (to an earlier or later one, or back again)",
  usage: [
    '--participant ID --to YEAR [--as EMAIL] [--reason "..."] [--dry-run] [--json]',
    '',
    '  --as EMAIL   the back-office user doing this (recorded in the audit log); refused unless they are a super user',
    '  --dry-run    check and show the change without keeping it',
  ].join('\n'),
  async run(args, out) {
    const participantProfileId = requireOption(args, 'participant');
    if (!Id.safeParse(participantProfileId).success) throw new CliUsageError(`Not a participant id: ${participantProfileId}`);
    const to = requireOption(args, 'to');
    if (!/^\d{4}$/.test(to)) throw new CliUsageError(`--to must be a cohort's start year, like 2024: ${to} is not one`);
    const reason = Reason.safeParse(args.options.reason ?? `Cohort changed to ${to} from the command line`);
    if (!reason.success) throw new CliUsageError(`--reason: ${reason.error.issues[0].message}`);
    const dryRun = args.options['dry-run'] === 'true';
    const ctx = args.options.as ? await backOfficeUser(requireOption(args, 'as')) : systemContext('CLI participants:change-cohort');

    const result = await changeParticipantCohort(ctx, { participantProfileId, targetStartYear: Number(to), reason: reason.data, dryRun });
    out.say(result.message + (result.dryRun && result.outcome === 'changed' ? ' (dry run, nothing changed)' : ''));
    if (result.from && result.to) {
      const place = (p: NonNullable<typeof result.to>) => `${p.cohortStartYear} cohort, ${p.scheduleIdentifier}, ${p.schoolName}${p.leadProviderName ? `, ${p.leadProviderName}` : ''}`;
      out.say(`From: ${place(result.from)}`);
      out.say(`To:   ${place(result.to)}`);
      if (result.schoolCohortSetUp) out.say(`The school was set up for the ${result.to.cohortStartYear} cohort with a full induction programme.`);
      out.say(`As ${actorLabel(ctx.actor)}.`);
    }
    return { ...result };
  },
};
