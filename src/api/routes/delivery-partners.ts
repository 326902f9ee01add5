import { Prisma } from '@prisma/client';
import type { Router } from 'express';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { callerOf } from '../http/caller.js';
import { cohortYearsOf, filterOf, pageOf, sortOf } from '../http/query.js';
import { DELIVERY_PARTNER_SORTS, findDeliveryPartner, listDeliveryPartners } from '../resources/delivery-partners.js';

export function deliveryPartnerRoutes(router: Router): void {
  router.get('/delivery-partners', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const page = pageOf(req.query);
    const sort = sortOf(req.query, DELIVERY_PARTNER_SORTS, 'created_at', Prisma.sql`dp.id`);
    res.json({ data: await listDeliveryPartners(callerOf(res), cohortYearsOf(filter), sort.orderBy, page) });
  }));

  router.get('/delivery-partners/:id', asyncRoute(async (req, res) => {
    const deliveryPartner = isUuid(req.params.id) ? await findDeliveryPartner(callerOf(res), req.params.id) : null;
    if (!deliveryPartner) throw resourceNotFound();
    res.json({ data: deliveryPartner });
  }));
}
