import { Prisma } from '@prisma/client';
import type { Request, Response, Router } from 'express';
import type { ActorContext } from '../../actions/actor.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { changeScheduleParticipant } from '../../actions/participants/change-schedule-participant.js';
import { deferParticipant } from '../../actions/participants/defer-participant.js';
import { resumeParticipant } from '../../actions/participants/resume-participant.js';
import { withdrawParticipant } from '../../actions/participants/withdraw-participant.js';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { actorContextOf, callerOf } from '../http/caller.js';
import { attributesOf } from '../http/json-api-body.js';
import { sendJsonText } from '../http/media-type.js';
import { cohortYearsOf, filterOf, pageOf, sortOf, trainingStatusOf, updatedSinceOf } from '../http/query.js';
import { findParticipant, listParticipants, participantResources, PARTICIPANT_SORTS } from '../resources/participants.js';
import { findTransfers, listTransfers } from '../resources/transfers.js';

type ParticipantAction = (ctx: ActorContext, raw: unknown) => Promise<unknown>;

/** PUT /participants/ecf/{id}/<action>: the action judges, the answer is the participant as the caller now sees them. */
const participantAction = (action: ParticipantAction, attributeNames: Record<string, string>) =>
  asyncRoute(async (req: Request, res: Response) => {
    const attributes = attributesOf(req);
    const input: Record<string, unknown> = { participantId: req.params.id };
    for (const [inputName, attribute] of Object.entries(attributeNames)) input[inputName] = attributes[attribute];
    await action(actorContextOf(req, res), input);
    const [participant] = await participantResources(callerOf(res), [req.params.id]);
    res.json({ data: participant });
  });

export function participantRoutes(router: Router): void {
  router.get('/participants/ecf', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const sort = sortOf(req.query, PARTICIPANT_SORTS, 'created_at', Prisma.sql`t.id`);
    // Filters are read before the page, so a bad filter is reported first (the DfE builds the query, then pages it).
    const filters = {
      years: cohortYearsOf(filter),
      updatedSince: updatedSinceOf(filter),
      trainingStatus: trainingStatusOf(filter),
      fromParticipantId: filter.from_participant_id?.trim() || undefined,
    };
    const page = pageOf(req.query);
    // Straight out: the page is already JSON text.
    sendJsonText(res, `{"data":${await listParticipants(callerOf(res), filters, sort, page)}}`);
  }));

  router.get('/participants/ecf/transfers', asyncRoute(async (req, res) => {
    const updatedSince = updatedSinceOf(filterOf(req.query));
    res.json({ data: await listTransfers(callerOf(res), updatedSince, pageOf(req.query)) });
  }));

  router.get('/participants/ecf/:id', asyncRoute(async (req, res) => {
    const participant = isUuid(req.params.id) ? await findParticipant(callerOf(res), req.params.id) : null;
    if (!participant) throw resourceNotFound();
    res.json({ data: participant });
  }));

  router.get('/participants/ecf/:id/transfers', asyncRoute(async (req, res) => {
    const transfers = isUuid(req.params.id) ? await findTransfers(callerOf(res), req.params.id) : null;
    if (!transfers) throw resourceNotFound();
    res.json({ data: transfers });
  }));

  const course = { courseIdentifier: 'course_identifier' };
  router.put('/participants/ecf/:id/defer', participantAction(deferParticipant, { ...course, reason: 'reason' }));
  router.put('/participants/ecf/:id/resume', participantAction(resumeParticipant, course));
  router.put('/participants/ecf/:id/withdraw', participantAction(withdrawParticipant, { ...course, reason: 'reason' }));
  router.put(
    '/participants/ecf/:id/change-schedule',
    participantAction(changeScheduleParticipant, { ...course, scheduleIdentifier: 'schedule_identifier', cohort: 'cohort' }),
  );
}
