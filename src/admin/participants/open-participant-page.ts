// "Participant page": from a person or participant record to the support page that shows everything about them.
import type { Action, ActionResponse } from 'adminjs';
import { allowReaders } from '../rbac.js';
import { PARTICIPANTS_PAGE } from './participants-page.js';

export function openParticipantPage(teacherIdOf: (params: Record<string, unknown>) => unknown): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: 'User',
    component: false,
    isAccessible: allowReaders('participants.read'),
    handler: async (_request, _response, { record, currentAdmin, h }) => {
      if (!record) throw new Error('Record not found');
      const teacherId = String(teacherIdOf(record.params));
      return { record: record.toJSON(currentAdmin), redirectUrl: `${h.pageUrl(PARTICIPANTS_PAGE)}?id=${encodeURIComponent(teacherId)}` };
    },
  };
}
