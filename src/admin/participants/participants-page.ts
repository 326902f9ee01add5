// The back office's "Participants" page for support: search by participant id, name, email or TRN, then one
// page per person with everything about their training and the support actions. Its handler serves the search
// (GET ?q=), the participant (GET ?id=) and the actions (POST op=...), behind AdminJS's session; every
// rule lives in the actions it calls.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, ComponentLoader, PageHandler } from 'adminjs';
import type { ActorContext } from '../../actions/actor.js';
import { addParticipantNote } from '../../actions/participants/add-participant-note.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { archiveParticipant } from '../../actions/participants/archive-participant.js';
import { changeParticipantProvider } from '../../actions/participants/change-participant-provider.js';
import { changeTrainingStatus } from '../../actions/participants/change-training-status.js';
import { transferParticipantSchool } from '../../actions/participants/transfer-participant-school.js';
import { updateParticipantDetails } from '../../actions/participants/update-participant-details.js';
import { updateParticipantIdentity } from '../../actions/participants/update-participant-identity.js';
import { requestTrnCheck } from '../../actions/trn-checks/request-trn-check.js';
import { searchParticipants } from '../../reports/participants/search-participants.js';
import { actorFromAdmin } from '../actor.js';
import { mayOpenPage } from '../page-access.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';
import { roleOf } from '../rbac.js';
import { participantView } from './participant-view.js';

export const PARTICIPANTS_PAGE = 'participants';
const COMPONENT = 'ParticipantsPage';

const here = path.dirname(fileURLToPath(import.meta.url));

export function registerParticipantsComponents(loader: ComponentLoader): void {
  loader.add(COMPONENT, path.join(here, 'participants-view.tsx'));
}

type Form = Record<string, string | undefined>;

const OPERATIONS: Record<string, PageOperation<ActorContext, Form, OperationReply>> = {
  async details(ctx, f) {
    await updateParticipantDetails(ctx, { teacherId: f.teacherId, fullName: f.fullName, email: f.email, reason: f.reason });
    return said('Name and email saved.');
  },
  async identity(ctx, f) {
    await updateParticipantIdentity(ctx, { teacherId: f.teacherId, trn: f.trn, dateOfBirth: f.dateOfBirth, nationalInsuranceNumber: f.nationalInsuranceNumber, reason: f.reason });
    return said('Identity details saved.');
  },
  async trnCheck(ctx, f) {
    const { created } = await requestTrnCheck(ctx, { participantProfileId: f.participantProfileId, reason: f.reason });
    return said(created ? 'TRN validation requested: a manual TRN check is now waiting.' : 'A TRN check is already waiting for this participant.');
  },
  async note(ctx, f) {
    await addParticipantNote(ctx, { participantProfileId: f.participantProfileId, note: f.note });
    return said('Note added.');
  },
  async trainingStatus(ctx, f) {
    const profile = await changeTrainingStatus(ctx, { participantProfileId: f.participantProfileId, trainingStatus: f.trainingStatus, statusReason: f.statusReason, reason: f.reason });
    return said(`Training status changed to ${profile.trainingStatus}.`);
  },
  async transfer(ctx, f) {
    const { createdRelationship } = await transferParticipantSchool(ctx, { participantProfileId: f.participantProfileId, schoolUrn: f.schoolUrn, startDate: f.startDate, reason: f.reason });
    return said(`Participant transferred${createdRelationship ? ' (a relationship partnership was made with the new school)' : ''}.`);
  },
  async provider(ctx, f) {
    const [leadProviderId, deliveryPartnerId] = (f.provider ?? '').split('|');
    await changeParticipantProvider(ctx, { participantProfileId: f.participantProfileId, leadProviderId, deliveryPartnerId, reason: f.reason });
    return said('Lead provider and delivery partner changed.');
  },
  async archive(ctx, f) {
    await archiveParticipant(ctx, { participantProfileId: f.participantProfileId, reason: f.reason });
    return said('Participant removed (archived).');
  },
};

interface PageRequest { method?: string; query?: Form; payload?: Form }

const handler: PageHandler = async (req, _res, context) => {
  const request = req as PageRequest;
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, PARTICIPANTS_PAGE)) return { forbidden: true };
  if (request.method === 'post') {
    const form = request.payload ?? {};
    const { notice } = await runPageOperation(OPERATIONS, form.op, actorFromAdmin(context.currentAdmin), form);
    return { notice, participant: isUuid(form.teacherId) ? await participantView(form.teacherId, role) : null };
  }
  const query = request.query ?? {};
  if (query.id) return { participant: isUuid(query.id) ? await participantView(query.id, role) : null };
  if (query.q) return { query: query.q, results: await searchParticipants(query.q) };
  return {};
};

export const participantsPage: AdminPage = { component: COMPONENT, icon: 'Users', handler };
