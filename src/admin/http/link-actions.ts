// A record action that is only a link (no component: src/admin/filtered-list-link.ts,
// src/admin/participants/open-participant-page.ts) opened by its own address, from a bookmark or a pasted
// link: AdminJS's page would wait for a component that never comes and show its loader for good. The server
// runs the action as its button would, under the same access rules, and sends the browser where it leads.
import AdminJS, { ApiController, type Action, type ActionResponse, type CurrentAdmin } from 'adminjs';
import type { RequestHandler } from 'express';
import { staffSession } from '../sign-in/staff-session.js';

export const LINK_ACTION_PAGE = '/resources/:resourceId/records/:recordId/:actionName';

/** From the resource's own options: this runs before every record page, so it builds nothing. */
function isLinkAction(admin: AdminJS, resourceId: string, actionName: string): boolean {
  try {
    const actions = admin.findResource(resourceId).decorate().options.actions as Record<string, Partial<Action<ActionResponse>>> | undefined;
    const action = actions?.[actionName];
    return !!action && action.component === false && action.actionType === 'record';
  } catch {
    return false;
  }
}

export function followLinkActions(admin: AdminJS): RequestHandler {
  return async (request, response, next) => {
    const { resourceId, recordId, actionName } = request.params as Record<string, string>;
    if (!isLinkAction(admin, resourceId, actionName)) return next();
    try {
      const currentAdmin = staffSession(request).adminUser as CurrentAdmin | undefined;
      const answer = await new ApiController({ admin }, currentAdmin).recordAction(
        { ...request, params: { resourceId, recordId, action: actionName }, query: {}, payload: {}, method: 'get' } as never,
        response,
      ) as { redirectUrl?: string } | undefined;
      // Refused or not found: AdminJS's own page says so.
      if (!answer?.redirectUrl) return next();
      response.redirect(303, answer.redirectUrl);
    } catch {
      next();
    }
  };
}
