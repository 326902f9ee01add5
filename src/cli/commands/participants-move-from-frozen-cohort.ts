// npm run cli -- participants:move-from-frozen-cohort --from YEAR --to YEAR (--participant ID ... | --all-eligible) [--dry-run] [--json]
// Each participant moves in its own transaction (as the DfE's console does one by one); the blocked ones
// are reported with the DfE's reason and the rest still move.
import { actorLabel, systemContext } from '../../actions/actor.js';
import { listFrozenCohortCandidateIds } from '../../actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { moveManyFromFrozenCohort } from '../../actions/participants/frozen-cohort/move-many-from-frozen-cohort.js';
import { DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT } from '../../actions/participants/frozen-cohort/rules.js';
import { Id, Reason } from '../../actions/zod.js';
import { CliUsageError, requireOption, type CliArgs, type CliCommand } from '../command.js';

const FIRST_YEAR = 2020;

/** The DfE's check of a source or target year. */
function year(args: CliArgs, name: 'from' | 'to'): number {
  const text = requireOption(args, name);
  const value = Number(text);
  const latest = new Date().getUTCFullYear();
  if (!/^\d+$/.test(text) || value < FIRST_YEAR || value > latest) {
    throw new CliUsageError(`--${name}: Invalid value. Must be an integer between ${FIRST_YEAR} and ${latest}`);
  }
  return value;
}

/** --participant A --participant B, --participant A,B or --participant A B. */
function participantIds(args: CliArgs): string[] {
  const given = args.lists?.participant ?? (args.options.participant ? [args.options.participant] : []);
  return [...given, ...args.positional].flatMap((value) => value.split(',')).map((id) => id.trim()).filter(Boolean);
}

interface MoveSummary extends Record<string, unknown> {
  moved: number;
  blocked: { participant: string; reason: string }[];
  unchanged: number;
}

export const participantsMoveFromFrozenCohort: CliCommand = {
  name: 'participants:move-from-frozen-cohort',
  summary: `Move participants out of a payment-frozen cohort into the ${DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT} cohort`,
  usage: '--from YEAR --to YEAR (--participant ID ... | --all-eligible) [--reason "..."] [--dry-run] [--json]',
  async run(args, out): Promise<MoveSummary> {
    const from = year(args, 'from');
    const to = year(args, 'to');
    if (to !== DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT) {
      throw new CliUsageError(`--to must be ${DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT}: participants leaving a payment-frozen cohort always continue in that cohort`);
    }
    const dryRun = args.options['dry-run'] === 'true';
    const allEligible = args.options['all-eligible'] === 'true';
    const given = participantIds(args);
    if (allEligible === given.length > 0) throw new CliUsageError('Give either --participant ID ... or --all-eligible');
    const badId = given.find((id) => !Id.safeParse(id).success);
    if (badId) throw new CliUsageError(`Not a participant id: ${badId}`);
    const reason = Reason.safeParse(args.options.reason ?? `Continuing training in ${to} after the ${from} cohort's payments were frozen`);
    if (!reason.success) throw new CliUsageError(`--reason: ${reason.error.issues[0].message}`);

    const ids = allEligible ? await listFrozenCohortCandidateIds({ status: 'eligible', sourceStartYear: from }) : given;
    if (ids.length === 0) {
      out.say(`No eligible participants in the ${from} cohort.`);
      return { moved: 0, blocked: [], unchanged: 0 };
    }
    const ctx = systemContext('CLI participants:move-from-frozen-cohort');
    out.say(`${dryRun ? 'Checking' : 'Moving'} ${ids.length} participant(s) from ${from} to ${to} as ${actorLabel(ctx.actor)}...`);
    const outcomes = await moveManyFromFrozenCohort(
      ctx,
      { participantProfileIds: ids, reason: reason.data, dryRun, fromStartYear: from },
      (done, total, latest) => out.say(`[${done}/${total}] ${latest.outcome.padEnd(10)} ${latest.participantProfileId}  ${latest.message}`),
    );
    const moved = outcomes.filter((o) => o.outcome === (dryRun ? 'would_move' : 'moved')).length;
    const unchanged = outcomes.filter((o) => o.outcome === 'unchanged').length;
    const blocked = outcomes
      .filter((o) => o.outcome === 'refused' || o.outcome === 'failed')
      .map((o) => ({ participant: o.participantProfileId, reason: o.message }));
    out.say(`${dryRun ? 'Would move (dry run, nothing changed)' : 'Moved'}: ${moved}; already in ${to}: ${unchanged}; blocked: ${blocked.length}.`);
    return { moved, blocked, unchanged };
  },
  /** The line: {"moved": n, "blocked": [{"participant": "...", "reason": "..."}], "unchanged": n}. */
  jsonLine(result) {
    const { moved, blocked, unchanged } = result as MoveSummary;
    const list = blocked.map((b) => `{"participant": ${JSON.stringify(b.participant)}, "reason": ${JSON.stringify(b.reason)}}`).join(', ');
    return `{"moved": ${moved}, "blocked": [${list}], "unchanged": ${unchanged}}`;
  },
};
