// Test helpers for acting as a lead provider: its API actor context and a statement still open for claims.
import type { Cohort, LeadProvider } from '@prisma/client';
import type { ActorContext } from '../../../src/actions/actor.js';
import { db } from '../../../src/db/client.js';
import { createStatement } from '../../support/factories.js';

export const apiContext = (leadProvider: LeadProvider): ActorContext => ({
  actor: { kind: 'api', cpdLeadProviderId: leadProvider.cpdLeadProviderId, leadProviderId: leadProvider.id, name: leadProvider.name },
});

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
const day = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

/** An output-fee statement whose milestone cut off is still ahead, so it takes new declarations and clawbacks. */
export function openStatement(leadProvider: LeadProvider, cohort: Cohort, deadlineInDays = 30) {
  return createStatement(leadProvider, cohort, { deadlineDate: day(daysFromNow(deadlineInDays)), paymentDate: day(daysFromNow(deadlineInDays + 25)) });
}

export const auditCount = (action?: string) => db().auditEvent.count({ where: action ? { action } : {} });
