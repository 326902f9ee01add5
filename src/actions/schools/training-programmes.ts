// The induction programme choices that are a way of training (an InductionProgramme's type); the others
// ("no early career teachers", "not yet known") are a school's answer without a programme behind it.
import type { InductionProgrammeChoice, TrainingProgramme } from '@prisma/client';

export const TRAINING_PROGRAMMES = [
  'full_induction_programme', 'core_induction_programme', 'design_our_own', 'school_funded_fip',
] as const satisfies readonly TrainingProgramme[];

export const isTrainingProgramme = (choice: InductionProgrammeChoice | string): choice is TrainingProgramme =>
  (TRAINING_PROGRAMMES as readonly string[]).includes(choice);
