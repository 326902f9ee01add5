// "Change induction programme" for a school cohort (Admin › school › Cohorts), with what the change will do.
import { PROGRAMME_CHOICE_LABELS, partnershipState } from '../../actions/partnerships/find-school-cohorts.js';
import { changeInductionProgramme, isPartnered, PARTNERED_SCHOOL, programmeChoicesFor } from '../../actions/schools/change-induction-programme.js';
import { academicYearLabel } from '../../actions/partnerships/partnership-emails.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from './confirm-action.js';

export const changeInductionProgrammePage: ConfirmActionOptions = {
  permission: 'partnerships.edit',
  icon: 'Repeat',
  async load(_ctx, id) {
    const sc = await db().schoolCohort.findUniqueOrThrow({
      where: { id },
      include: {
        school: true,
        cohort: true,
        defaultInductionProgramme: { include: { partnership: { include: { leadProvider: true, deliveryPartner: true } } } },
        _count: { select: { participantProfiles: true } },
      },
    });
    const partnership = sc.defaultInductionProgramme?.partnership ?? null;
    return {
      heading: 'Change induction programme',
      rows: [
        ['School', `${sc.school.name} (URN ${sc.school.urn})`],
        ['Cohort', academicYearLabel(sc.cohort.startYear)],
        ['Current induction programme', PROGRAMME_CHOICE_LABELS[sc.inductionProgrammeChoice]],
        ['Partnership', partnership ? `${partnership.leadProvider.name} with ${partnership.deliveryPartner.name} (${partnershipState(partnership)})` : 'None'],
        ['Participants in this cohort at the school', String(sc._count.participantProfiles)],
      ],
      blockers: isPartnered(sc.defaultInductionProgramme) ? [PARTNERED_SCHOOL] : [],
      warning: 'Participants training on the current programme move to the new one (their current induction record closes and a new one starts today). With no early career teachers they stay where they are.',
      fields: [
        {
          name: 'programmeChoice',
          label: 'How will the school run its training?',
          type: 'radios',
          options: programmeChoicesFor(sc.school, sc.inductionProgrammeChoice).map((choice) => ({ value: choice, label: PROGRAMME_CHOICE_LABELS[choice] })),
        },
        { name: 'reason', label: 'Reason for the change (recorded in the audit log)', type: 'textarea' },
      ],
      submitLabel: 'Change induction programme',
    };
  },
  async submit(ctx, id, form) {
    await changeInductionProgramme(ctx, { schoolCohortId: id, programmeChoice: form.programmeChoice, reason: form.reason ?? '' });
    return 'Induction programme has been changed';
  },
};
