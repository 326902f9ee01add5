import { Prisma } from '@prisma/client';
import type { Router } from 'express';
import { changePartnershipDeliveryPartner } from '../../actions/partnerships/change-partnership-delivery-partner.js';
import { createPartnership } from '../../actions/partnerships/create-partnership.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { actorContextOf, callerOf } from '../http/caller.js';
import { attributesOf } from '../http/json-api-body.js';
import { cohortYearsOf, filterOf, listOf, pageOf, sortOf, updatedSinceOf } from '../http/query.js';
import { findPartnership, listPartnerships, PARTNERSHIP_SORTS } from '../resources/partnerships.js';

export function partnershipRoutes(router: Router): void {
  router.get('/partnerships/ecf', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const sort = sortOf(req.query, PARTNERSHIP_SORTS, 'created_at', Prisma.sql`id`);
    const filters = { years: cohortYearsOf(filter), updatedSince: updatedSinceOf(filter), deliveryPartnerIds: listOf(filter.delivery_partner_id) };
    const page = pageOf(req.query);
    res.json({ data: await listPartnerships(callerOf(res), filters, sort.orderBy, page) });
  }));

  router.get('/partnerships/ecf/:id', asyncRoute(async (req, res) => {
    const partnership = isUuid(req.params.id) ? await findPartnership(callerOf(res), req.params.id) : null;
    if (!partnership) throw resourceNotFound();
    res.json({ data: partnership });
  }));

  router.post('/partnerships/ecf', asyncRoute(async (req, res) => {
    const attributes = attributesOf(req);
    const partnership = await createPartnership(actorContextOf(req, res), {
      cohort: attributes.cohort,
      schoolId: attributes.school_id,
      deliveryPartnerId: attributes.delivery_partner_id,
    });
    res.json({ data: await findPartnership(callerOf(res), partnership.id) });
  }));

  router.put('/partnerships/ecf/:id', asyncRoute(async (req, res) => {
    const caller = callerOf(res);
    if (!isUuid(req.params.id) || !(await findPartnership(caller, req.params.id))) throw resourceNotFound();
    const attributes = attributesOf(req);
    const partnership = await changePartnershipDeliveryPartner(actorContextOf(req, res), {
      partnershipId: req.params.id,
      deliveryPartnerId: attributes.delivery_partner_id,
    });
    res.json({ data: await findPartnership(caller, partnership.id) });
  }));
}
