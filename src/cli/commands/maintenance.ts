// npm run cli -- maintenance:on [--until ISO] [--message TEXT] | maintenance:off: the lead provider API and
// the check data portal answer 503 while on (every running app process notices as it commits).
import { systemContext } from '../../actions/actor.js';
import { maintenanceNotice, type MaintenanceMode } from '../../actions/maintenance/maintenance-mode.js';
import { setMaintenanceMode } from '../../actions/maintenance/set-maintenance-mode.js';
import type { CliCommand } from '../command.js';

const result = (mode: MaintenanceMode) => ({ on: mode.on, message: mode.on ? mode.message : null, until: mode.until?.toISOString() ?? null });

export const maintenanceOn: CliCommand = {
  name: 'maintenance:on',
  summary: 'Switch maintenance mode on: the API and the check data portal answer 503',
  usage: '[--until 2026-11-24T22:00:00Z] [--message TEXT]',
  async run(args, out) {
    const { until, message } = args.options;
    const mode = await setMaintenanceMode(systemContext('CLI maintenance:on'), {
      on: true, until: until === 'true' ? '' : until, message: message === 'true' ? '' : message,
    });
    out.say(`Maintenance mode is on. Callers are told: ${maintenanceNotice(mode)}`);
    return result(mode);
  },
};

export const maintenanceOff: CliCommand = {
  name: 'maintenance:off',
  summary: 'Switch maintenance mode off',
  async run(_args, out) {
    const mode = await setMaintenanceMode(systemContext('CLI maintenance:off'), { on: false });
    out.say('Maintenance mode is off.');
    return result(mode);
  },
};
