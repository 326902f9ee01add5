// The lead provider API's OpenAPI document: the DfE's (lead-provider-api-v3.json, kept as published) with
// the corrections below, so that what /api/docs describes, and what our tests check every answer against,
// is what the DfE's service sends. Each correction names the DfE file that sends it.
import { readFileSync } from 'node:fs';
import { programmeChoiceNames, programmeTypeChanges2025, withdrawalReasons } from '../../rules/programme-type-names.js';

const DOCUMENT_FILE = new URL('./lead-provider-api-v3.json', import.meta.url);

type Schema = Record<string, any>;

/**
 * Attributes the DfE documents as always a string or boolean but sends as null when unknown (its
 * serializers never leave an attribute out): schema name and attribute.
 */
const SENT_AS_NULL_WHEN_UNKNOWN: [schema: string, attribute: string, source: string][] = [
  // `object.teacher_profile&.trn`
  ['ECFParticipantAttributes', 'teacher_reference_number', 'app/serializers/api/v3/ecf/participant_serializer.rb'],
  // `trn(profile).nil? ? nil : ...`
  ['ECFEnrolment', 'teacher_reference_number_validated', 'app/serializers/api/v3/ecf/participant_serializer.rb'],
  // `user.teacher_profile_trn.presence || user.ecf_participant_validation_data_trn`
  ['UnfundedMentorAttributes', 'teacher_reference_number', 'app/serializers/api/v3/ecf/unfunded_mentor_serializer.rb'],
  // `partnership.school&.contact_email`
  ['ECFPartnershipAttributes', 'induction_tutor_email', 'app/serializers/api/v3/ecf/partnership_serializer.rb'],
];

export function leadProviderApiDocument(): Schema {
  const document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Schema;
  for (const [schema, attribute] of SENT_AS_NULL_WHEN_UNKNOWN) {
    const property = document.components.schemas[schema]?.properties?.[attribute];
    if (!property) throw new Error(`The OpenAPI document has no ${schema}.${attribute} to correct`);
    property.nullable = true;
  }
  // The DfE's document describes its 2025 names; with PROGRAMME_TYPE_CHANGES_2025 off the API uses the earlier ones.
  if (!programmeTypeChanges2025()) {
    const schemas = document.components.schemas;
    schemas.ECFWithdrawal.properties.reason.enum = [...withdrawalReasons()];
    schemas.ECFParticipantWithdrawAttributes.properties.reason.enum = [...withdrawalReasons()];
    schemas.ECFSchoolAttributes.properties.induction_programme_choice.enum = programmeChoiceNames();
  }
  return document;
}
