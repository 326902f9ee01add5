// Two participants side by side before a merge: identity, each profile with its school, cohort and
// induction records, and their declarations by state.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { viewerRole, visibleRecord } from '../field-visibility.js';
import { notFound } from '../errors.js';
import { Id } from '../zod.js';

export const CompareParticipantsInput = z.object({ aTeacherId: Id, bTeacherId: Id });

export interface ComparedProfile {
  id: string;
  type: string;
  cohort: number;
  school: string;
  status: string;
  trainingStatus: string;
  archived: boolean;
  inductionRecords: { start: string; end: string | null; inductionStatus: string; trainingStatus: string }[];
  declarations: { type: string; state: string; leadProvider: string; date: string }[];
}

export interface ComparedParticipant {
  teacherId: string;
  fullName: string;
  email: string;
  trn: string | null;
  dateOfBirth: string | null;
  nationalInsuranceNumber: string | null;
  mergedIntoId: string | null;
  createdAt: string;
  profiles: ComparedProfile[];
}

export async function compareParticipants(ctx: ActorContext, raw: unknown): Promise<[ComparedParticipant, ComparedParticipant]> {
  const { aTeacherId, bTeacherId } = CompareParticipantsInput.parse(raw);
  requirePermission(ctx, 'participants.merge');
  const role = viewerRole(ctx);
  const [a, b] = await Promise.all([describe(aTeacherId), describe(bTeacherId)]);
  return [visibleRecord(role, 'Teacher', a), visibleRecord(role, 'Teacher', b)];
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function describe(teacherId: string): Promise<ComparedParticipant> {
  const t = await db().teacher.findUnique({
    where: { id: teacherId },
    include: {
      participantProfiles: {
        orderBy: { createdAt: 'asc' },
        include: {
          cohort: true,
          schoolCohort: { include: { school: true } },
          inductionRecords: { orderBy: { startDate: 'asc' } },
          declarations: { orderBy: { declarationDate: 'asc' }, include: { cpdLeadProvider: true } },
        },
      },
    },
  });
  if (!t) throw notFound('Participant');
  return {
    teacherId: t.id, fullName: t.fullName, email: t.email, trn: t.trn, dateOfBirth: day(t.dateOfBirth),
    nationalInsuranceNumber: t.nationalInsuranceNumber, mergedIntoId: t.mergedIntoId, createdAt: t.createdAt.toISOString(),
    profiles: t.participantProfiles.map((p) => ({
      id: p.id, type: p.type, cohort: p.cohort.startYear, school: `${p.schoolCohort.school.name} (${p.schoolCohort.school.urn})`,
      status: p.status, trainingStatus: p.trainingStatus, archived: p.archivedAt !== null,
      inductionRecords: p.inductionRecords.map((r) => ({ start: day(r.startDate)!, end: day(r.endDate), inductionStatus: r.inductionStatus, trainingStatus: r.trainingStatus })),
      declarations: p.declarations.map((d) => ({ type: d.declarationType.replace('_', '-'), state: d.state, leadProvider: d.cpdLeadProvider.name, date: day(d.declarationDate)! })),
    })),
  };
}
