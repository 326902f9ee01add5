// Maintenance mode as the API and the portal ask for it (both routers take a hook; the setting is cached).
import { currentMaintenanceMode, maintenanceNotice } from '../actions/maintenance/maintenance-mode.js';
import type { ApiMaintenance } from '../api/router.js';
import type { UnavailableNotice } from '../portal/pages/problem-pages.js';

export async function apiMaintenance(): Promise<ApiMaintenance | null> {
  const mode = await currentMaintenanceMode();
  return mode.on ? { message: maintenanceNotice(mode), until: mode.until } : null;
}

export async function portalUnavailable(): Promise<UnavailableNotice | false> {
  const mode = await currentMaintenanceMode();
  return mode.on ? { message: mode.message, until: mode.until } : false;
}
