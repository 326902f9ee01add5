// The API spells declaration types and courses with dashes (retained-1, ecf-induction); the database
// enums use underscores. One mapping each way.
import type { CourseIdentifier, DeclarationState, DeclarationType } from '@prisma/client';

const dashed = (value: string) => value.replace(/_/g, '-');
const underscored = (value: string) => value.replace(/-/g, '_');

export const DECLARATION_TYPES: readonly DeclarationType[] = [
  'started', 'retained_1', 'retained_2', 'retained_3', 'retained_4', 'completed', 'extended_1', 'extended_2', 'extended_3',
];

/** 'retained-1' -> 'retained_1'; undefined for anything that is not a declaration type. */
export function declarationTypeFromApi(value: string | undefined): DeclarationType | undefined {
  const type = value === undefined ? undefined : underscored(value);
  return DECLARATION_TYPES.find((t) => t === type);
}

export const declarationTypeToApi = (type: DeclarationType): string => dashed(type);
export const courseIdentifierToApi = (course: CourseIdentifier): string => dashed(course);
/** awaiting_clawback -> awaiting-clawback, as the API shows states. */
export const declarationStateToApi = (state: DeclarationState): string => dashed(state);
