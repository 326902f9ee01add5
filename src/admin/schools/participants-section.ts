// The school page's "ECTs and mentors" section: findSchoolParticipants for the record, each linked to the
// participant page. Only for the roles that may read people's details; the others see no section at all.
import type { ActionContext, ActionRequest, ActionResponse, PropertyOptions } from 'adminjs';
import { findSchoolParticipants, type SchoolParticipant } from '../../reports/schools/school-participants.js';
import { Components } from '../components/index.js';
import { PARTICIPANTS_PAGE } from '../participants/participants-page.js';
import { mayRead, roleOf } from '../rbac.js';

export const PARTICIPANTS_PROPERTY = 'participants';

export interface ParticipantsSection { participants: (SchoolParticipant & { url: string })[] }

/** The virtual property that carries the section on the show page. */
export const participantsProperty: PropertyOptions = {
  type: 'mixed',
  isVisible: { list: false, filter: false, show: true, edit: false },
  components: { show: Components.SchoolParticipants },
};

export async function withParticipants(response: ActionResponse, _request: ActionRequest, { record, currentAdmin, h }: ActionContext) {
  if (!record || !response.record) return response;
  const role = roleOf(currentAdmin);
  if (!mayRead(role, 'participants.read')) return response;
  const participants = await findSchoolParticipants(String(record.id()));
  const section: ParticipantsSection = {
    participants: participants.map((p) => ({ ...p, url: `${h.pageUrl(PARTICIPANTS_PAGE)}?id=${encodeURIComponent(p.teacherId)}` })),
  };
  response.record.params[PARTICIPANTS_PROPERTY] = JSON.stringify(section);
  return response;
}
