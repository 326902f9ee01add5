import type { Router } from 'express';
import { declarationCohortStartYearsOf } from '../../rules/cohort-start-year.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { recordDeclaration } from '../../actions/declarations/record-declaration.js';
import { voidDeclaration } from '../../actions/declarations/void-declaration.js';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { actorContextOf, callerOf } from '../http/caller.js';
import { attributesOf } from '../http/json-api-body.js';
import { filterOf, listOf, pageOf, updatedSinceOf } from '../http/query.js';
import { declarationResources, findDeclaration, listDeclarations } from '../resources/declarations.js';

export function declarationRoutes(router: Router): void {
  router.get('/participant-declarations', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const filters = {
      years: declarationCohortStartYearsOf(filter.cohort),
      participantIds: listOf(filter.participant_id),
      updatedSince: updatedSinceOf(filter),
      deliveryPartnerIds: listOf(filter.delivery_partner_id),
    };
    const page = pageOf(req.query);
    res.json({ data: await listDeclarations(callerOf(res), filters, page) });
  }));

  router.post('/participant-declarations', asyncRoute(async (req, res) => {
    const attributes = attributesOf(req);
    const declaration = await recordDeclaration(actorContextOf(req, res), {
      participantId: attributes.participant_id,
      declarationType: attributes.declaration_type,
      declarationDate: attributes.declaration_date,
      courseIdentifier: attributes.course_identifier,
      evidenceHeld: attributes.evidence_held,
    });
    res.json({ data: (await declarationResources([declaration.id]))[0] });
  }));

  router.get('/participant-declarations/:id', asyncRoute(async (req, res) => {
    const declaration = isUuid(req.params.id) ? await findDeclaration(callerOf(res), req.params.id) : null;
    if (!declaration) throw resourceNotFound();
    res.json({ data: declaration });
  }));

  router.put('/participant-declarations/:id/void', asyncRoute(async (req, res) => {
    const declaration = await voidDeclaration(actorContextOf(req, res), { declarationId: req.params.id });
    res.json({ data: (await declarationResources([declaration.id]))[0] });
  }));
}
