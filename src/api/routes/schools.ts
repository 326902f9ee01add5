import { Prisma } from '@prisma/client';
import type { Router } from 'express';
import { db } from '../../db/client.js';
import { cohortStartYearOf } from '../../rules/cohort-start-year.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { asyncRoute } from '../http/async-route.js';
import { badRequest, resourceNotFound } from '../http/api-error.js';
import { filterOf, pageOf, sortOf, updatedSinceOf, type Filter } from '../http/query.js';
import { findSchool, listSchools, SCHOOL_SORTS } from '../resources/schools.js';

/** Schools are always listed for one cohort: filter[cohort] is required (an unknown one matches nothing). */
async function cohortOf(filter: Filter) {
  if (filter.cohort === undefined) throw badRequest('Bad parameter', "The filter '#/cohort' must be included in your request");
  // The whole value names one cohort, read as the DfE reads it ("2024,2025" is 2024: app/services/api/v3/ecf/schools_query.rb).
  const year = cohortStartYearOf(filter.cohort);
  return year === null ? null : db().cohort.findUnique({ where: { startYear: year } });
}

export function schoolRoutes(router: Router): void {
  router.get('/schools/ecf', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const cohort = await cohortOf(filter);
    const sort = sortOf(req.query, SCHOOL_SORTS, 'created_at', Prisma.sql`s.id`);
    // With no such cohort the DfE answers an empty list before reading updated_since (app/services/api/v3/ecf/schools_query.rb).
    // A URN is compared as sent; a blank one is no filter (app/services/api/v3/ecf/schools_query.rb).
    const filters = { urn: filter.urn?.trim() ? filter.urn : undefined, updatedSince: cohort ? updatedSinceOf(filter) : null };
    const page = pageOf(req.query);
    res.json({ data: cohort ? await listSchools(cohort, filters, sort.orderBy, page) : [] });
  }));

  router.get('/schools/ecf/:id', asyncRoute(async (req, res) => {
    const cohort = await cohortOf(filterOf(req.query));
    const school = cohort && isUuid(req.params.id) ? await findSchool(cohort, req.params.id) : null;
    if (!school) throw resourceNotFound();
    res.json({ data: school });
  }));
}
