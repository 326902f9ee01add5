// The induction records through which a lead provider sees participants: per profile, the provider's
// latest record in a partnership the school has not challenged (relationship partnerships included).
import { Prisma } from '@prisma/client';
import { LATEST_INDUCTION_RECORD_ORDER, unchallengedPartnershipOf } from '../../actions/participants/lead-provider/latest-induction-record.js';
import type { ApiCaller } from '../http/caller.js';

/**
 * Rows of induction_records plus the partnership's "deliveryPartnerId" and the programme's "schoolCohortId";
 * `columns` narrows the row when only a few are needed (the sort behind DISTINCT ON then stays in memory).
 */
export const latestVisibleRecordsSql = (caller: ApiCaller, profileIds: Prisma.Sql | null, columns = Prisma.sql`ir.*`) => Prisma.sql`
  SELECT DISTINCT ON (ir."participantProfileId") ${columns}, pa."deliveryPartnerId", ip."schoolCohortId"
  FROM partnerships pa
  JOIN induction_programmes ip ON ip."partnershipId" = pa.id
  JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id
  WHERE ${unchallengedPartnershipOf(caller.leadProviderId)}
    ${profileIds ? Prisma.sql`AND ir."participantProfileId" IN (${profileIds})` : Prisma.empty}
  ORDER BY ir."participantProfileId", ${LATEST_INDUCTION_RECORD_ORDER}`;

export const profilesOfTeachersSql = (teacherIds: Prisma.Sql) =>
  Prisma.sql`SELECT p.id FROM participant_profiles p WHERE p."teacherId" IN (${teacherIds})`;
