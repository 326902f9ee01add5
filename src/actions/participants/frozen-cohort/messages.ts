// The DfE's exact wording (config/locales/en.yml, Induction::AmendParticipantCohort), so support staff
// see the messages their guidance and tickets quote.
export const frozenCohortMessages = {
  targetCohortNotSetUp: (year: number) => `starting on ${year} not setup on the service`,
  noInductionRecord: (year: number) => `No induction record for the participant on the cohort starting on ${year}`,
  notesBlockChange: 'The participant has notes that block a cohort change',
  notEligible: 'Participant not eligible to be transferred from their current cohort',
  schoolCohortNotSetUp: (year: number, school: string) => `Cohort starting on ${year} not setup on ${school}`,
  defaultProgrammeNotSetUp: (year: number, school: string) => `Default induction programme for ${year} not setup on ${school}`,
  scheduleMissing: 'Validation failed: Schedule must exist',
  alreadyInCohort: (name: string, year: number) => `${name} is already in the ${year} cohort`,
  moved: (name: string, year: number) => `${name}'s cohort was changed to ${year}`,
} as const;

/** Every reason a move was refused, in the DfE's order, as one line. */
export const refusalMessage = (errors: { message: string }[]) => errors.map((e) => e.message).join('; ');
