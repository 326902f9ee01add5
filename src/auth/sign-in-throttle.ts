// Failed back-office sign-ins, counted in the database so every app process shares the count: too many
// for one account, or from one address, within the window and sign-in is refused until they age out.
// Only failures count; a correct password is never refused for others' successes.
import { db } from '../db/client.js';

export interface ThrottleLimits {
  /** Failures allowed per address within the window. */
  perAddress: number;
  /** Failures allowed per account (email as typed, normalised) within the window. */
  perAccount: number;
  windowMinutes: number;
}

export async function signInRefused(limits: ThrottleLimits, account: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db().signInFailure.count({ where: { account, createdAt: { gt: since } } }),
    db().signInFailure.count({ where: { ip, createdAt: { gt: since } } }),
  ]);
  return byAccount >= limits.perAccount || byAddress >= limits.perAddress;
}

export async function recordSignInFailure(account: string, ip: string): Promise<void> {
  await db().signInFailure.create({ data: { account, ip } });
}

/** Housekeeping: failures older than a day count for nothing. */
export async function forgetOldSignInFailures(): Promise<number> {
  return (await db().signInFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } })).count;
}
