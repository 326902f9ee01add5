// A lead provider confirms it will train a school's early career teachers with a delivery partner for a cohort
// (POST /api/v3/partnerships/ecf; the DfE's app/services/partnerships/create.rb). Every failing attribute is reported at once.
import { cohortStartYearOf } from '../../rules/cohort-start-year.js';
import { z } from 'zod';
import { Prisma, type Cohort, type School } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { ActionError, type FieldError } from '../errors.js';
import { isCipOnlySchool, isEligibleSchool } from '../schools/eligibility.js';
import { actingLeadProviderId } from './acting-lead-provider.js';
import { isUuid, LenientText } from './lenient-input.js';
import { PARTNERSHIP_MESSAGES as M } from './messages.js';
import type { PartnershipWithParties } from './partnership-emails.js';
import { reportPartnership } from './report-partnership.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';
import { deliveryPartnerProblem } from './partnership-checks.js';

export const CreatePartnershipInput = z.object({
  /** The cohort's start year, e.g. 2024. */
  cohort: LenientText,
  schoolId: LenientText,
  deliveryPartnerId: LenientText,
  /** Optional for an API actor (its token's lead provider); required for a back-office user. */
  leadProviderId: LenientText,
});

interface Checked {
  problems: FieldError[];
  cohort: Cohort | null;
  school: School | null;
}

async function findCohort(tx: Tx, cohort: string | undefined): Promise<Cohort | null> {
  const startYear = cohortStartYearOf(cohort);
  return startYear === null ? null : tx.cohort.findUnique({ where: { startYear } });
}

async function schoolProblem(tx: Tx, school: School, cohort: Cohort | null, leadProviderId: string | undefined): Promise<string | null> {
  if (isCipOnlySchool(school)) return M.schoolCipOnly;
  if (!isEligibleSchool(school)) return M.schoolIneligible;
  if (!cohort) return null;
  const confirmed = await tx.partnership.findMany({
    where: { schoolId: school.id, cohortId: cohort.id, relationship: false, ...UNCHALLENGED_PARTNERSHIP },
    select: { leadProviderId: true },
  });
  if (confirmed.some((p) => p.leadProviderId === leadProviderId)) return M.schoolAlreadyConfirmed;
  if (confirmed.length > 0) return M.schoolRecruitedByOtherProvider;
  const partneredLastYear = await tx.partnership.count({
    where: { schoolId: school.id, cohort: { startYear: cohort.startYear - 1 }, relationship: false, ...UNCHALLENGED_PARTNERSHIP },
  });
  if (partneredLastYear > 0) {
    const schoolCohort = await tx.schoolCohort.count({ where: { schoolId: school.id, cohortId: cohort.id } });
    if (schoolCohort === 0) return M.schoolProgrammeNotYetConfirmed;
  }
  return null;
}

async function check(tx: Tx, input: z.infer<typeof CreatePartnershipInput>, leadProviderId: string | undefined): Promise<Checked> {
  const problems: FieldError[] = [];
  const add = (field: string, message: string | null) => message && problems.push({ field, message });

  // In the DfE's order (app/services/partnerships/create.rb): every blank attribute first, then the present
  // ones that are wrong: cohort, lead provider, school, delivery partner.
  add('cohort', input.cohort ? null : M.cohortBlank);
  add('school_id', input.schoolId ? null : M.schoolBlank);
  add('lead_provider_id', leadProviderId ? null : M.leadProviderBlank);
  add('delivery_partner_id', input.deliveryPartnerId ? null : M.deliveryPartnerBlank);

  const cohort = await findCohort(tx, input.cohort);
  if (input.cohort) add('cohort', cohort ? null : M.cohortInvalid);

  const leadProvider = isUuid(leadProviderId) ? await tx.leadProvider.findUnique({ where: { id: leadProviderId } }) : null;
  if (leadProviderId) add('lead_provider_id', leadProvider ? null : M.leadProviderInvalid);

  const school = isUuid(input.schoolId) ? await tx.school.findUnique({ where: { id: input.schoolId } }) : null;
  if (input.schoolId) add('school_id', school ? await schoolProblem(tx, school, cohort, leadProviderId) : M.schoolInvalid);

  if (input.deliveryPartnerId) {
    add('delivery_partner_id', await deliveryPartnerProblem(tx, input.deliveryPartnerId, { leadProviderId: leadProvider?.id, cohortId: cohort?.id }));
  }

  return { problems, cohort, school };
}

/** Refusals throw ActionError('INVALID_INPUT') whose fieldErrors are the API's errors: {field: attribute, message}. */
export async function createPartnership(ctx: ActorContext, raw: unknown): Promise<PartnershipWithParties> {
  const input = CreatePartnershipInput.parse(raw);
  const leadProviderId = actingLeadProviderId(ctx, input.leadProviderId);
  return db().$transaction(async (tx) => {
    // One report per school at a time, so two providers cannot both pass the "another provider" check.
    if (isUuid(input.schoolId)) await tx.$queryRaw(Prisma.sql`SELECT 1 FROM schools WHERE id = ${input.schoolId}::uuid FOR UPDATE`);
    const { problems, cohort, school } = await check(tx, input, leadProviderId);
    if (problems.length > 0 || !cohort || !school || !leadProviderId || !input.deliveryPartnerId) {
      throw new ActionError('INVALID_INPUT', problems.map((p) => p.message).join(' '), problems);
    }
    const { partnership } = await reportPartnership(tx, ctx, {
      schoolId: school.id,
      cohort,
      leadProviderId,
      deliveryPartnerId: input.deliveryPartnerId,
    });
    return partnership;
  });
}
