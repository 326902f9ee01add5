import { Prisma } from '@prisma/client';
import type { Router } from 'express';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { callerOf } from '../http/caller.js';
import { filterOf, pageOf, sortOf, updatedSinceOf } from '../http/query.js';
import { findUnfundedMentor, listUnfundedMentors, UNFUNDED_MENTOR_SORTS } from '../resources/unfunded-mentors.js';

export function unfundedMentorRoutes(router: Router): void {
  router.get('/unfunded-mentors/ecf', asyncRoute(async (req, res) => {
    const updatedSince = updatedSinceOf(filterOf(req.query));
    const sort = sortOf(req.query, UNFUNDED_MENTOR_SORTS, 'created_at', Prisma.sql`id`);
    res.json({ data: await listUnfundedMentors(callerOf(res), updatedSince, sort.orderBy, pageOf(req.query)) });
  }));

  router.get('/unfunded-mentors/ecf/:id', asyncRoute(async (req, res) => {
    const mentor = isUuid(req.params.id) ? await findUnfundedMentor(callerOf(res), req.params.id) : null;
    if (!mentor) throw resourceNotFound();
    res.json({ data: mentor });
  }));
}
