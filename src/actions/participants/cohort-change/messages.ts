// The DfE's exact refusals for a cohort change (config/locales/en.yml, Induction::AmendParticipantCohort),
// beside the frozen-cohort ones they share, so support staff see the words they already know.
import { frozenCohortMessages } from '../frozen-cohort/messages.js';

export const cohortChangeMessages = {
  ...frozenCohortMessages,
  invalidYear: (start: number, end: number) => `Invalid value. Must be an integer between ${start} and ${end}`,
  billableOrSubmitted: 'The participant has billable or submitted declarations',
  billableInCurrentCohort: 'The participant has billable declarations in their current cohort',
  noBillableInDestination: 'The participant has no billable declarations in destination cohort',
  notEligibleBack: 'Participant not eligible to be transferred back to their original cohort',
  niotParticipant: "A NIoT-associated participant can't be moved to a cohort earlier than 2023",
  completedMentorTo2025: 'The Mentor has completed their training and cannot be moved to the 2025 cohort',
  changed: 'Cohort changed successfully',
} as const;
