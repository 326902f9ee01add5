// Switches maintenance mode on (with an optional planned end and message) or off. Audited.
import { z } from 'zod';
import { actorLabel, type ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Flag } from '../zod.js';
import { db } from '../../db/client.js';
import {
  forgetCachedMaintenanceMode, MAINTENANCE_SETTING, maintenanceFromSetting, type MaintenanceMode, type MaintenanceSettingValue,
} from './maintenance-mode.js';
import { auditEvents } from '../audit/events.js';

export const SetMaintenanceModeInput = z.object({
  on: Flag,
  /** An ISO date-time (with its offset, or UTC when none), e.g. 2026-11-24T22:00:00Z. */
  until: z.string().trim().nullish().transform((v, ctx) => {
    if (!v) return null;
    const when = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
    if (Number.isNaN(when.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Enter the planned end as a date and time, like 2026-11-24T22:00' });
      return z.NEVER;
    }
    return when;
  }),
  message: z.string().trim().max(500, 'The message must be 500 characters or fewer').nullish(),
});

export async function setMaintenanceMode(ctx: ActorContext, raw: unknown): Promise<MaintenanceMode> {
  const input = SetMaintenanceModeInput.parse(raw);
  requirePermission(ctx, 'settings.manage');
  if (input.on && input.until && input.until.getTime() <= Date.now()) {
    throw new ActionError('INVALID_INPUT', 'The planned end must be in the future', [{ field: 'until', message: 'The planned end must be in the future' }]);
  }
  const value: MaintenanceSettingValue = {
    on: input.on,
    message: input.on ? input.message || null : null,
    until: input.on ? input.until?.toISOString() ?? null : null,
    switchedAt: new Date().toISOString(),
    switchedBy: actorLabel(ctx.actor),
  };
  const mode = await db().$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: MAINTENANCE_SETTING } });
    const setting = await tx.setting.upsert({
      where: { key: MAINTENANCE_SETTING },
      create: { key: MAINTENANCE_SETTING, value: { ...value } },
      update: { value: { ...value } },
    });
    await recordAudit(tx, ctx, (input.on ? auditEvents.maintenanceSwitchedOn : auditEvents.maintenanceSwitchedOff)({
      subjectId: setting.id,
      before: before?.value ?? null, after: value,
    }));
    return maintenanceFromSetting(setting.value);
  });
  forgetCachedMaintenanceMode();
  return mode;
}
