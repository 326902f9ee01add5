// The DfE's 2025 programme type changes (its feature flag `programme_type_changes_2025`,
// app/services/programme_type_mappings.rb): with them on, a school's change to school-led training is the
// withdrawal reason `switched-to-school-led` (a reason stored as `school-left-fip` is shown under that
// name too) and programme choices read `provider_led` / `school_led`; with them off, the pre-2025 names.
// One setting, PROGRAMME_TYPE_CHANGES_2025 (default on, as the DfE's OpenAPI document describes), decides
// it for the API, the CSV exports, the portal and the back office alike: everything asks this module.
import { Prisma, type InductionProgrammeChoice } from '@prisma/client';

export const programmeTypeChanges2025 = (env: NodeJS.ProcessEnv = process.env): boolean => env.PROGRAMME_TYPE_CHANGES_2025 !== 'false';

const PRE_2025_SWITCH_REASON = 'school-left-fip';
const SWITCH_REASON_2025 = 'switched-to-school-led';

const withdrawalReasonsWith = (switchReason: string) =>
  ['left-teaching-profession', 'moved-school', 'mentor-no-longer-being-mentor', switchReason, 'other'] as const;

/** The withdrawal reasons a lead provider or support may give now. */
export const withdrawalReasons = (): readonly string[] =>
  withdrawalReasonsWith(programmeTypeChanges2025() ? SWITCH_REASON_2025 : PRE_2025_SWITCH_REASON);

/** A stored withdrawal reason as it is shown now. */
export function shownWithdrawalReason<T extends string | null | undefined>(reason: T): T | string {
  return programmeTypeChanges2025() && reason === PRE_2025_SWITCH_REASON ? SWITCH_REASON_2025 : reason;
}

/** SQL text literals (our constants), not parameters: the exports also run their queries through COPY. */
const literal = (text: string) => Prisma.raw(`'${text}'`);

/** The same, for a text column or expression in SQL. */
export const shownWithdrawalReasonSql = (reason: Prisma.Sql): Prisma.Sql =>
  programmeTypeChanges2025()
    ? Prisma.sql`(CASE ${reason} WHEN ${literal(PRE_2025_SWITCH_REASON)} THEN ${literal(SWITCH_REASON_2025)} ELSE ${reason} END)`
    : reason;

/**
 * The same, inside an enrolment the database keeps rendered as JSON text: the only place the text
 * `"reason":"school-left-fip"` can occur is the withdrawal's reason (a JSON string value cannot hold an
 * unescaped quote).
 */
export const shownWithdrawalReasonInJsonSql = (json: Prisma.Sql): Prisma.Sql =>
  programmeTypeChanges2025()
    ? Prisma.sql`replace(${json}, ${literal(`"reason":"${PRE_2025_SWITCH_REASON}"`)}, ${literal(`"reason":"${SWITCH_REASON_2025}"`)})`
    : json;

const PROGRAMME_NAMES_2025: Record<InductionProgrammeChoice, string> = {
  full_induction_programme: 'provider_led',
  school_funded_fip: 'provider_led',
  core_induction_programme: 'school_led',
  design_our_own: 'school_led',
  no_early_career_teachers: 'no_early_career_teachers',
  not_yet_known: 'not_yet_known',
};

/** A school's programme choice as it is named now. */
export const programmeChoiceName = (choice: InductionProgrammeChoice): string =>
  programmeTypeChanges2025() ? PROGRAMME_NAMES_2025[choice] : choice;

/** Every programme choice name in use now. */
export const programmeChoiceNames = (): string[] =>
  [...new Set((Object.keys(PROGRAMME_NAMES_2025) as InductionProgrammeChoice[]).map(programmeChoiceName))];
