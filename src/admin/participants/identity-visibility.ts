// Identity data (date of birth, National Insurance number) is personal: only the roles that correct it see it.
import type { Role } from '@prisma/client';

const IDENTITY_READERS: readonly Role[] = ['admin', 'super_user', 'support'];

export const MASK = '••••••';

export const seesIdentity = (role: Role | undefined): boolean => !!role && IDENTITY_READERS.includes(role);
