// Every check data download leaves an audit event: who took which delivery partner's participants,
// with which search and filters, and how many rows. Recorded before the file is sent, so no file
// leaves without its record.
import { z } from 'zod';
import { db } from '../../db/client.js';
import { CheckDataFiltersInput } from '../../reports/check-data/filters.js';
import { countCheckDataParticipants } from '../../reports/check-data/participants-query.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const RecordDownloadInput = z.object({
  deliveryPartnerId: Id,
  filters: CheckDataFiltersInput,
});

const refused = () => new ActionError('FORBIDDEN', 'You do not have permission to do this.');

/** Only a portal user holding a role for this delivery partner may download its participants. */
export async function recordDownload(ctx: ActorContext, raw: unknown): Promise<{ rows: number }> {
  const input = RecordDownloadInput.parse(raw);
  const { actor } = ctx;
  if (actor.kind !== 'portal') throw refused();
  const role = await db().portalRole.findFirst({
    where: { portalUserId: actor.id, deliveryPartnerId: input.deliveryPartnerId, deliveryPartner: { discardedAt: null }, portalUser: { disabledAt: null } },
  });
  if (!role) throw refused();
  const rows = await countCheckDataParticipants({ deliveryPartnerId: input.deliveryPartnerId, filters: input.filters });
  await db().$transaction(async (tx) => {
    await recordAudit(tx, ctx, auditEvents.checkDataDownloaded({
      subjectId: input.deliveryPartnerId,
      after: { filters: input.filters, rows, portalRoleId: role.id },
    }));
  });
  return { rows };
}
