// The induction records through which a lead provider sees participants: per profile, the provider's
// latest record in a partnership the school has not challenged (relationship partnerships included).
// Database triggers keep that answer in lead_provider_participants as records, programmes and
// partnerships change (prisma/read-models.sql), so reading it is an index lookup, not a sort of every record.
import { Prisma } from '@prisma/client';
import type { ApiCaller } from '../http/caller.js';

/** Rows of induction_records plus the partnership's "deliveryPartnerId" and the programme's "schoolCohortId". */
export const latestVisibleRecordsSql = (caller: ApiCaller, profileIds: Prisma.Sql | null, columns = Prisma.sql`ir.*`) => Prisma.sql`
  SELECT ${columns}, pa."deliveryPartnerId", ip."schoolCohortId"
  FROM lead_provider_participants v
  JOIN induction_records ir ON ir.id = v."inductionRecordId"
  JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
  JOIN partnerships pa ON pa.id = ip."partnershipId"
  WHERE v."leadProviderId" = ${caller.leadProviderId}::uuid
    ${profileIds ? Prisma.sql`AND v."participantProfileId" IN (${profileIds})` : Prisma.empty}`;

