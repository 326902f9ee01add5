// Ends a back-office user's sessions (the "session" table that express-session keeps), in the caller's
// transaction: after their password, role or status changes, nothing signed in before goes on working.
import type { Prisma } from '@prisma/client';

export async function endStaffSessions(tx: Prisma.TransactionClient, userId: string, keepSessionId?: string): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM session WHERE sess->'adminUser'->>'id' = ${userId} AND sid <> ${keepSessionId ?? ''}`;
}
