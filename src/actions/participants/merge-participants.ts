// Merges two records of the same person (a duplicate participant): everything that points at the removed
// teacher and their profiles moves to the kept ones, so nothing is lost; the removed teacher and any profile
// merged away stay as archived records naming where they went. A dry run does the very same work in a
// transaction that is rolled back, so its report is what the merge would do.
import { z } from 'zod';
import { Prisma, type ParticipantProfile, type Teacher } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { referencesTo } from '../../db/references.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { RollBack } from '../roll-back.js';
import { Flag, Id, Reason } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const MergeParticipantsInput = z.object({
  keepTeacherId: Id,
  removeTeacherId: Id,
  reason: Reason,
  dryRun: Flag.default(false),
});

export interface MergeReport {
  applied: boolean;
  keptTeacherId: string;
  removedTeacherId: string;
  /** The removed teacher's profiles of a type the kept teacher lacks: they now belong to the kept teacher. */
  profilesMoved: { profileId: string; type: string }[];
  /** Profiles of a type both had: the removed one's records move to the kept one, and it is archived. */
  profilesMerged: { fromProfileId: string; toProfileId: string; type: string }[];
  /** Identity fields the kept teacher lacked, filled from the removed one. */
  identityFilled: string[];
  /** Rows re-pointed, by `table.column` (audit events included). */
  moved: Record<string, number>;
}

const IDENTITY_FIELDS = ['trn', 'dateOfBirth', 'nationalInsuranceNumber'] as const;
const PROFILE_FILLABLE = ['inductionStartDate', 'inductionCompletionDate', 'mentorCompletionDate', 'mentorCompletionReason'] as const;

export async function mergeParticipants(ctx: ActorContext, raw: unknown): Promise<MergeReport> {
  const input = MergeParticipantsInput.parse(raw);
  requirePermission(ctx, 'participants.merge');
  if (input.keepTeacherId === input.removeTeacherId) {
    throw new ActionError('INVALID_INPUT', 'Choose two different participants', [{ field: 'removeTeacherId', message: 'Choose two different participants' }]);
  }
  try {
    return await db().$transaction(async (tx) => {
      const report = await merge(tx, ctx, input);
      if (input.dryRun) throw new RollBack(report);
      return { ...report, applied: true };
    }, { timeout: 60_000 });
  } catch (error) {
    if (error instanceof RollBack) return error.result as MergeReport;
    throw error;
  }
}

async function merge(tx: Tx, ctx: ActorContext, input: z.infer<typeof MergeParticipantsInput>): Promise<MergeReport> {
  const now = new Date();
  await tx.$queryRaw`SELECT 1 FROM teachers WHERE id IN (${input.keepTeacherId}::uuid, ${input.removeTeacherId}::uuid) ORDER BY id FOR UPDATE`;
  // One after the other: a transaction is one connection, and queries sent at once only queue on it.
  const kept = await loadTeacher(tx, input.keepTeacherId);
  const removed = await loadTeacher(tx, input.removeTeacherId);
  for (const teacher of [kept, removed]) {
    if (teacher.mergedIntoId) throw new ActionError('INVALID_STATE', `${teacher.fullName} (${teacher.email}) has already been merged into another participant`);
  }

  const report: MergeReport = {
    applied: false, keptTeacherId: kept.id, removedTeacherId: removed.id, profilesMoved: [], profilesMerged: [], identityFilled: [], moved: {},
  };
  const count = (key: string, n: number) => {
    if (n > 0) report.moved[key] = (report.moved[key] ?? 0) + n;
  };

  const live = (profiles: ParticipantProfile[]) => profiles.filter((p) => !p.archivedAt);
  const archivedHere: string[] = [];
  for (const from of live(removed.participantProfiles)) {
    const to = live(kept.participantProfiles).find((p) => p.type === from.type);
    if (!to) {
      report.profilesMoved.push({ profileId: from.id, type: from.type });
      continue;
    }
    for (const ref of referencesTo('ParticipantProfile')) {
      count(`${ref.table}.${ref.column}`, await repoint(tx, ref.table, ref.column, from.id, to.id));
    }
    count('audit_events.subjectId', await repointAudit(tx, 'ParticipantProfile', from.id, to.id));
    await tx.participantProfile.update({ where: { id: to.id }, data: { ...fillFrom(to, from), profileDuplicity: 'primary' } });
    await tx.participantProfile.update({ where: { id: from.id }, data: { archivedAt: now, profileDuplicity: 'secondary' } });
    archivedHere.push(from.id);
    report.profilesMerged.push({ fromProfileId: from.id, toProfileId: to.id, type: from.type });
  }

  for (const ref of referencesTo('Teacher')) {
    if (ref.model === 'Teacher') continue;
    const keepArchived = ref.table === 'participant_profiles' && archivedHere.length > 0
      ? Prisma.sql` AND id NOT IN (${Prisma.join(archivedHere.map((id) => Prisma.sql`${id}::uuid`))})`
      : Prisma.empty;
    count(`${ref.table}.${ref.column}`, await repoint(tx, ref.table, ref.column, removed.id, kept.id, keepArchived));
  }
  count('audit_events.subjectId', await repointAudit(tx, 'Teacher', removed.id, kept.id));

  const identity: Partial<Pick<Teacher, (typeof IDENTITY_FIELDS)[number]>> = {};
  for (const field of IDENTITY_FIELDS) {
    if (kept[field] === null && removed[field] !== null) {
      (identity as Record<string, unknown>)[field] = removed[field];
      report.identityFilled.push(field);
    }
  }
  await tx.teacher.update({ where: { id: kept.id }, data: identity });
  await tx.teacher.update({ where: { id: removed.id }, data: { mergedIntoId: kept.id, mergedAt: now } });

  const summary = { ...report, keptEmail: kept.email, removedEmail: removed.email };
  await recordAudit(tx, ctx, auditEvents.participantMerged({ subjectId: kept.id, after: summary, reason: input.reason }));
  await recordAudit(tx, ctx, auditEvents.participantMergedInto({
    subjectId: removed.id,
    before: { fullName: removed.fullName, email: removed.email, trn: removed.trn }, after: { mergedIntoId: kept.id }, reason: input.reason,
  }));
  return report;
}

async function loadTeacher(tx: Tx, id: string) {
  const teacher = await tx.teacher.findUnique({ where: { id }, include: { participantProfiles: { orderBy: { createdAt: 'asc' } } } });
  if (!teacher) throw notFound('Participant');
  return teacher;
}

/** Table and column names come from the schema, never from input. */
async function repoint(tx: Tx, table: string, column: string, from: string, to: string, extra: Prisma.Sql = Prisma.empty): Promise<number> {
  return tx.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET ${Prisma.raw(`"${column}"`)} = ${to}::uuid
    WHERE ${Prisma.raw(`"${column}"`)} = ${from}::uuid${extra}`;
}

async function repointAudit(tx: Tx, subjectType: string, from: string, to: string): Promise<number> {
  return tx.$executeRaw`UPDATE audit_events SET "subjectId" = ${to} WHERE "subjectType" = ${subjectType} AND "subjectId" = ${from}`;
}

/** The kept profile's blanks take the removed one's values; both sets of notes are kept. */
function fillFrom(to: ParticipantProfile, from: ParticipantProfile): Prisma.ParticipantProfileUpdateInput {
  const data: Record<string, unknown> = {};
  for (const field of PROFILE_FILLABLE) if (to[field] === null && from[field] !== null) data[field] = from[field];
  if (from.notes) data.notes = to.notes ? `${to.notes}\n\n${from.notes}` : from.notes;
  return data;
}
