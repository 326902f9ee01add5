// Who hears from us about a school: its induction tutor when it has one, else its contact addresses
// (the DfE's School#contact_email and School#registered?, app/models/school.rb).
import type { School } from '@prisma/client';

type Contact = Pick<School, 'inductionTutorEmail' | 'primaryContactEmail' | 'secondaryContactEmail'>;

export const hasInductionTutor = (school: Contact): boolean => Boolean(school.inductionTutorEmail);

export const schoolContactEmail = (school: Contact): string | null =>
  school.inductionTutorEmail || school.primaryContactEmail || school.secondaryContactEmail || null;
