// "Replace or update induction tutor" on a school's page: who gets the school's partnership emails.
import { replaceInductionTutor } from '../../actions/schools/replace-induction-tutor.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from './confirm-action.js';

export const replaceInductionTutorPage: ConfirmActionOptions = {
  permission: 'schools.edit',
  icon: 'User',
  async load(_ctx, id) {
    const school = await db().school.findUniqueOrThrow({ where: { id } });
    return {
      heading: `Induction tutor for ${school.name}`,
      rows: [
        ['School', `${school.name} (URN ${school.urn})`],
        ['Current induction tutor', school.inductionTutorEmail ? `${school.inductionTutorName ?? ''} <${school.inductionTutorEmail}>` : 'None nominated'],
      ],
      blockers: [],
      warning: "The induction tutor receives the school's partnership emails, with the link to challenge a partnership.",
      fields: [
        { name: 'fullName', label: 'Full name', type: 'text' },
        { name: 'email', label: 'Email address', type: 'text' },
        { name: 'reason', label: 'Reason for the change (recorded in the audit log)', type: 'textarea' },
      ],
      submitLabel: 'Save induction tutor',
    };
  },
  async submit(ctx, id, form) {
    await replaceInductionTutor(ctx, { schoolId: id, fullName: form.fullName ?? '', email: form.email ?? '', reason: form.reason ?? '' });
    return 'Induction tutor details updated';
  },
};
