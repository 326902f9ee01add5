// Identity data (date of birth, National Insurance number) is personal: only the roles that correct it
// see it (src/actions/field-visibility.ts).
import type { Role } from '@prisma/client';
import { seesField } from '../../actions/field-visibility.js';

export { MASK } from '../../actions/field-visibility.js';

export const seesIdentity = (role: Role | undefined): boolean => seesField(role, 'Teacher', 'dateOfBirth');
