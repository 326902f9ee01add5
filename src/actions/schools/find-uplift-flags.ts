// A school's pupil premium and sparsity flags: the one read that uplift eligibility uses, as the DfE's
// app/models/school.rb reads them: the flags for the participant's cohort start year; none recorded for the
// year means no uplift.
import { db, type Db, type Tx } from '../../db/client.js';

export interface UpliftFlags {
  pupilPremium: boolean;
  sparsity: boolean;
}

export interface UpliftFlagsForYear extends UpliftFlags {
  startYear: number;
}

/** The flags for a participant: `startYear` is the start year of the participant's cohort. Pass `tx` inside a transaction. */
export async function findUpliftFlags(schoolId: string, startYear: number, client: Db | Tx = db()): Promise<UpliftFlags> {
  const row = await client.pupilPremium.findUnique({
    where: { schoolId_startYear: { schoolId, startYear } },
    select: { pupilPremiumIncentive: true, sparsityIncentive: true },
  });
  return { pupilPremium: row?.pupilPremiumIncentive ?? false, sparsity: row?.sparsityIncentive ?? false };
}

/** Every year's flags of one school, newest year first: for the school's page. */
export async function findUpliftFlagsByYear(schoolId: string, client: Db | Tx = db()): Promise<UpliftFlagsForYear[]> {
  const rows = await client.pupilPremium.findMany({
    where: { schoolId },
    orderBy: { startYear: 'desc' },
    select: { startYear: true, pupilPremiumIncentive: true, sparsityIncentive: true },
  });
  return rows.map((row) => ({ startYear: row.startYear, pupilPremium: row.pupilPremiumIncentive, sparsity: row.sparsityIncentive }));
}
