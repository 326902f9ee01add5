// "Record appropriate body confirmation": an admin records what an appropriate body told the DfE about an ECT's
// induction, which then takes precedence over the school's report.
import { resolveAppropriateBody } from '../../actions/appropriate-bodies/find-appropriate-body-resolutions.js';
import { ECTS_ONLY, recordAppropriateBodyClaim } from '../../actions/appropriate-bodies/record-appropriate-body-claim.js';
import { PROGRAMME_CHOICE_LABELS } from '../../actions/partnerships/find-school-cohorts.js';
import { TRAINING_PROGRAMMES } from '../../actions/schools/training-programmes.js';
import { ActionError } from '../../actions/errors.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from './confirm-action.js';

const CHOOSE_A_BODY = 'Choose the appropriate body';

/** Bodies that may be named for the cohort: the DfE stops accepting some from a start year (NTA from 2023). */
async function bodiesFor(startYear: number) {
  return db().appropriateBody.findMany({
    where: { OR: [{ disableFromYear: null }, { disableFromYear: { gt: startYear } }] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}

export const recordAppropriateBodyConfirmationPage: ConfirmActionOptions = {
  permission: 'participants.edit',
  icon: 'CheckCircle',
  isVisible: ({ record }) => record?.params.type === 'ect',
  async load(_ctx, id) {
    const profile = await db().participantProfile.findUniqueOrThrow({ where: { id }, include: { teacher: true, cohort: true } });
    const resolution = await resolveAppropriateBody(id);
    return {
      heading: 'Record appropriate body confirmation',
      rows: [
        ['Participant', `${profile.teacher.fullName}${profile.teacher.trn ? ` (TRN ${profile.teacher.trn})` : ''}`],
        ['Cohort', String(profile.cohort.startYear)],
        ['Appropriate body now', resolution?.label ?? ECTS_ONLY],
        ['Training programme now', resolution?.trainingProgramme.label ?? ECTS_ONLY],
      ],
      blockers: profile.type === 'ect' ? [] : [ECTS_ONLY],
      warning: "The appropriate body's confirmation is used in place of what the school reported.",
      fields: [
        {
          name: 'appropriateBodyId',
          label: 'Appropriate body that confirmed it supports this induction',
          type: 'select',
          options: (await bodiesFor(profile.cohort.startYear)).map((b) => ({ value: b.id, label: b.name })),
        },
        {
          name: 'trainingProgramme',
          label: 'Training programme type the appropriate body reported',
          type: 'radios',
          options: TRAINING_PROGRAMMES.map((p) => ({ value: p, label: PROGRAMME_CHOICE_LABELS[p] })),
          hint: 'Leave unselected if the appropriate body did not say.',
        },
      ],
      submitLabel: 'Record confirmation',
    };
  },
  async submit(ctx, id, form) {
    if (!form.appropriateBodyId) throw new ActionError('INVALID_INPUT', CHOOSE_A_BODY, [{ field: 'appropriateBodyId', message: CHOOSE_A_BODY }]);
    await recordAppropriateBodyClaim(ctx, {
      participantProfileId: id,
      appropriateBodyId: form.appropriateBodyId,
      trainingProgramme: form.trainingProgramme,
      source: 'appropriate_body',
    });
    return 'Appropriate body confirmation recorded';
  },
};
