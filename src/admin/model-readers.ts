// Who may read records of each model in the back office, as each resource declares it (defineResource
// registers its readers here), for values that are about a model but are not its records: audit events.
import type { Role } from '@prisma/client';
import type { Prisma } from '@prisma/client';
import { visibleAuditValue } from '../actions/field-visibility.js';
import { mayRead, type Readers } from './rbac.js';

const READERS = new Map<string, Readers>();

export function registerReaders(model: Prisma.ModelName, readers: Readers): void {
  READERS.set(model, readers);
}

/** Whether `role` may read records of `model`; a model without a back-office resource is read by nobody. */
export function mayReadModel(role: Role | undefined, model: string): boolean {
  const readers = READERS.get(model);
  return !!readers && mayRead(role, readers);
}

/** An audit event's before or after as `role` may see it (src/actions/field-visibility.ts). */
export const visibleAuditValueFor = (role: Role | undefined, subjectType: string, value: unknown): unknown =>
  visibleAuditValue(role, subjectType, value, (model) => mayReadModel(role, model));
