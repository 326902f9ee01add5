// Finance's participant search on the Statements page: support's search (name, TRN or participant id), and for
// each person found where they train and every declaration with its state and the statements it is on.
import { participantRecord } from '../participants/participant-record.js';
import { searchParticipants } from '../participants/search-participants.js';

export const FINANCE_SEARCH_LIMIT = 10;

export interface FinanceParticipant {
  participantId: string;
  fullName: string;
  trn: string | null;
  profiles: {
    type: 'ect' | 'mentor';
    cohort: number;
    /** The training programme of the latest induction record (src/rules/latest-induction-record.ts). */
    programme: string | null;
    leadProvider: string | null;
    deliveryPartner: string | null;
    school: string;
    declarations: {
      id: string;
      declarationType: string;
      declarationDate: string | null;
      state: string;
      leadProvider: string;
      statements: { id: string; name: string; lineItemState: string }[];
    }[];
  }[];
}

export async function findFinanceParticipants(query: string): Promise<FinanceParticipant[]> {
  const hits = (await searchParticipants(query)).slice(0, FINANCE_SEARCH_LIMIT);
  const records = await Promise.all(hits.map((hit) => participantRecord(hit.teacherId)));
  return records.flatMap((record) => (record ? [{
    participantId: record.teacher.id,
    fullName: record.teacher.fullName,
    trn: record.teacher.trn,
    profiles: record.profiles.map((p) => {
      const current = p.inductionRecords[0];
      return {
        type: p.type,
        cohort: p.cohort,
        programme: current?.programme ?? null,
        leadProvider: p.leadProvider?.name ?? null,
        deliveryPartner: p.deliveryPartner?.name ?? null,
        school: `${p.school.name} (${p.school.urn})`,
        declarations: p.declarations.map((d) => ({
          id: d.id,
          declarationType: d.declarationType,
          declarationDate: d.declarationDate?.slice(0, 10) ?? null,
          state: d.state,
          leadProvider: d.leadProvider,
          statements: d.statements.map((s) => ({ id: s.id, name: s.name, lineItemState: s.state })),
        })),
      };
    }),
  }] : []));
}
