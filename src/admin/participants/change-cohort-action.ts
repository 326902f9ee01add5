// "Change cohort" on a participant (super users): choose the cohort and give a reason, check the answers
// against a dry run of the change (the DfE's refusals shown as they are), then confirm.
import type { Action, ActionResponse } from 'adminjs';
import type { ActorContext } from '../../actions/actor.js';
import { asActionError } from '../../actions/errors.js';
import { changeParticipantCohort, type ChangeParticipantCohortResult } from '../../actions/participants/change-participant-cohort.js';
import { db } from '../../db/client.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { allowPermission } from '../rbac.js';

export interface ChangeCohortForm {
  fullName: string;
  currentStartYear: number;
  /** The cohorts offered, as the DfE's page does: 2021 to the cohort now open for registration. */
  cohorts: number[];
}

export type ChangeCohortReply =
  | { form: ChangeCohortForm }
  | { form: ChangeCohortForm; check: ChangeParticipantCohortResult }
  | { form: ChangeCohortForm; refusals: string[] };

async function loadForm(id: string): Promise<ChangeCohortForm> {
  const profile = await db().participantProfile.findUniqueOrThrow({ where: { id }, include: { teacher: true, cohort: true } });
  const today = new Date();
  const open = await db().cohort.findFirst({ where: { registrationStartDate: { lte: today } }, orderBy: { startYear: 'desc' } });
  const cohorts = await db().cohort.findMany({ where: { startYear: { gte: 2021, lte: open?.startYear ?? profile.cohort.startYear } }, orderBy: { startYear: 'asc' } });
  return { fullName: profile.teacher.fullName, currentStartYear: profile.cohort.startYear, cohorts: cohorts.map((c) => c.startYear) };
}

async function run(ctx: ActorContext, id: string, payload: Record<string, unknown>, dryRun: boolean) {
  return changeParticipantCohort(ctx, { participantProfileId: id, targetStartYear: payload.targetStartYear, reason: payload.reason ?? '', dryRun });
}

export const changeCohortAction: Partial<Action<ActionResponse>> = {
  actionType: 'record',
  icon: 'Calendar',
  component: Components.ChangeCohortPage,
  isAccessible: allowPermission('participants.change_cohort'),
  handler: async (request, _response, { record, resource, currentAdmin, h }) => {
    if (!record) throw new Error('Record not found');
    const ctx = actorFromAdmin(currentAdmin);
    const id = String(record.id());
    const recordJson = record.toJSON(currentAdmin);
    const form = await loadForm(id);
    if (request.method !== 'post') return { record: recordJson, reply: { form } satisfies ChangeCohortReply };
    const payload = (request.payload ?? {}) as Record<string, unknown>;
    const confirming = payload.step === 'confirm';
    if (!payload.targetStartYear) return { record: recordJson, reply: { form, refusals: ['Choose the cohort to move them to'] } satisfies ChangeCohortReply };
    try {
      const result = await run(ctx, id, payload, !confirming);
      if (!confirming || result.outcome === 'unchanged') return { record: recordJson, reply: { form, check: result } satisfies ChangeCohortReply };
      return {
        record: recordJson,
        redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: id, actionName: 'show' }),
        notice: { message: `Cohort changed successfully. ${result.message}`, type: 'success' },
      };
    } catch (error) {
      const refusal = asActionError(error);
      if (!refusal) throw error;
      return { record: recordJson, reply: { form, refusals: refusal.messages } satisfies ChangeCohortReply };
    }
  },
};
