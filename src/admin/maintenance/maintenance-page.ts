// The back office's "Maintenance mode" page. Its handler serves the mode to every signed-in user (the
// banner on every page reads it) and, on POST, switches it through the audited action (admins only).
import type { AdminPage, CurrentAdmin, PageHandler } from 'adminjs';
import { can } from '../../actions/authz.js';
import { currentMaintenanceMode, maintenanceNotice, plannedEndLabel, type MaintenanceMode } from '../../actions/maintenance/maintenance-mode.js';
import { setMaintenanceMode } from '../../actions/maintenance/set-maintenance-mode.js';
import { actorFromAdmin } from '../actor.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';
import { roleOf } from '../rbac.js';

export const MAINTENANCE_PAGE = 'maintenance';

export interface MaintenancePageData {
  on: boolean;
  canSwitch: boolean;
  message: string;
  /** What API callers are told. */
  announcement: string;
  until: string | null;
  untilLabel: string | null;
  switchedAt: string | null;
  switchedBy: string | null;
}

function pageData(mode: MaintenanceMode, admin: CurrentAdmin | undefined): MaintenancePageData {
  const role = roleOf(admin);
  return {
    on: mode.on,
    canSwitch: role ? can(role, 'settings.manage') : false,
    message: mode.message,
    announcement: maintenanceNotice(mode),
    until: mode.until?.toISOString() ?? null,
    untilLabel: mode.until ? plannedEndLabel(mode.until) : null,
    switchedAt: mode.switchedAt?.toISOString() ?? null,
    switchedBy: mode.switchedBy,
  };
}

interface PageRequest {
  method?: string;
  payload?: Record<string, unknown>;
}

type Ctx = ReturnType<typeof actorFromAdmin>;

const OPERATIONS: Record<string, PageOperation<Ctx, Record<string, unknown>, OperationReply>> = {
  async switch(ctx, payload) {
    const mode = await setMaintenanceMode(ctx, payload);
    return said(mode.on ? 'Maintenance mode is on.' : 'Maintenance mode is off.');
  },
};

export const maintenancePageHandler: PageHandler = async (request: PageRequest, _response, { currentAdmin }) => {
  if (request.method !== 'post') return pageData(await currentMaintenanceMode(), currentAdmin);
  // The page's only form switches the mode; it sends no `op`.
  const { notice } = await runPageOperation(OPERATIONS, 'switch', actorFromAdmin(currentAdmin), request.payload ?? {});
  return { ...pageData(await currentMaintenanceMode(), currentAdmin), notice };
};

export const maintenancePage = (component: string): AdminPage => ({ component, icon: 'Tool', handler: maintenancePageHandler });
