// A school's ECTs and mentors for its page: each training profile registered at the school with its cohort, its
// status and where it trains now (the lead provider and delivery partner of its current induction record).
import { LATEST_INDUCTION_RECORD_ORDER } from '../../rules/latest-induction-record.js';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';

export interface SchoolParticipant {
  teacherId: string;
  profileId: string;
  fullName: string;
  type: 'ect' | 'mentor';
  cohort: number;
  trainingStatus: string;
  archived: boolean;
  leadProvider: string | null;
  deliveryPartner: string | null;
}

interface Row extends Omit<SchoolParticipant, 'archived'> { archivedAt: Date | null }

export async function findSchoolParticipants(schoolId: string): Promise<SchoolParticipant[]> {
  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    SELECT t.id AS "teacherId", p.id AS "profileId", t."fullName", p.type::text AS type, c."startYear" AS cohort,
      p."trainingStatus"::text AS "trainingStatus", p."archivedAt", lp.name AS "leadProvider", dp.name AS "deliveryPartner"
    FROM school_cohorts sc
    JOIN participant_profiles p ON p."schoolCohortId" = sc.id
    JOIN teachers t ON t.id = p."teacherId"
    JOIN cohorts c ON c.id = p."cohortId"
    LEFT JOIN LATERAL (
      SELECT ir."inductionProgrammeId" FROM induction_records ir
      WHERE ir."participantProfileId" = p.id
      ORDER BY ${LATEST_INDUCTION_RECORD_ORDER} LIMIT 1
    ) current ON true
    LEFT JOIN induction_programmes ip ON ip.id = current."inductionProgrammeId"
    LEFT JOIN partnerships pa ON pa.id = ip."partnershipId"
    LEFT JOIN lead_providers lp ON lp.id = pa."leadProviderId"
    LEFT JOIN delivery_partners dp ON dp.id = pa."deliveryPartnerId"
    WHERE sc."schoolId" = ${schoolId}::uuid
    ORDER BY c."startYear" DESC, p.type, t."fullName", p.id`);
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}
