// The DfE's exact messages for lead provider actions on participants and declarations
// (config/locales/en.yml of early-careers-framework; typos such as "RCF3339" are theirs and kept).
export const MESSAGES = {
  invalidParticipant: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  missingCourseIdentifier: "Enter a '#/course_identifier' value for this participant.",
  invalidCourse: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  missingReason: "The property '#/reason' must be present",
  invalidReason: "The property '#/reason' must be a valid reason",
  alreadyDeferred: 'The participant is already deferred',
  alreadyWithdrawn: 'The participant is already withdrawn',
  alreadyActive: 'The participant is already active',
  invalidSchedule: "The property '#/schedule_identifier' must be present and correspond to a valid schedule",
  withdrawnParticipant: 'Cannot perform actions on a withdrawn participant',
  scheduleAlreadyOnProfile: 'Selected schedule is already on the profile',
  scheduleInvalidForCourse: 'Selected schedule is not valid for the course',
  cannotChangeCohort: "You cannot change the '#/cohort' field",
  scheduleInvalidatesDeclaration: 'Changing schedule would invalidate existing declarations. Please void them first.',
  noPartnershipForCohort:
    'You cannot change a participant to this cohort as you do not have a partnership with the school for the cohort. Contact the DfE for assistance.',
  npqNoLongerSupported: 'NPQ Courses are no longer supported',
  missingDeclarationDate: "Enter a '#/declaration_date'.",
  missingDeclarationType: "Enter a '#/declaration_type'.",
  futureDeclarationDate: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  invalidDeclarationDate: "Enter a valid RCF3339 '#/declaration_date'.",
  beforeMilestoneStart: "Enter a '#/declaration_date' that's on or after the milestone start.",
  afterMilestoneEnd: "Enter a '#/declaration_date' that's before the milestone end date.",
  noMilestoneForType: "The property '#/declaration_type' does not exist for this schedule.",
  declarationAlreadyExists: 'A declaration has already been submitted that will be, or has been, paid for this event',
  mentorRetainedNotAllowed:
    'You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.',
  missingEvidenceHeld: "Enter a '#/evidence_held' value for this participant.",
  invalidEvidenceHeld: "Enter an available '#/evidence_held' type for this participant's event and course.",
  declarationAlreadyVoided: 'This declaration has already been voided.',
  declarationNotVoidable: 'This declaration has been clawed-back, so you can only view it.',
} as const;

export const withdrawnBeforeDeclaration = (withdrawalDate: string) =>
  `This participant withdrew from this course on ${withdrawalDate}. Enter a '#/declaration_date' that's on or before the withdrawal date.`;
