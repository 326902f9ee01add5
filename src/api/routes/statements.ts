import type { Router } from 'express';
import { asyncRoute } from '../http/async-route.js';
import { resourceNotFound } from '../http/api-error.js';
import { callerOf } from '../http/caller.js';
import { cohortYearsOf, filterOf, pageOf, updatedSinceOf } from '../http/query.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { findStatement, listStatements } from '../resources/statements.js';

export function statementRoutes(router: Router): void {
  router.get('/statements', asyncRoute(async (req, res) => {
    const filter = filterOf(req.query);
    const filters = { years: cohortYearsOf(filter), type: filter.type?.trim() ? filter.type : undefined, updatedSince: updatedSinceOf(filter) };
    res.json({ data: await listStatements(callerOf(res), filters, pageOf(req.query)) });
  }));

  router.get('/statements/:id', asyncRoute(async (req, res) => {
    const statement = isUuid(req.params.id) ? await findStatement(callerOf(res), req.params.id) : null;
    if (!statement) throw resourceNotFound();
    res.json({ data: statement });
  }));
}
