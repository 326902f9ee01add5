// The exact messages the lead provider API returns for partnerships (the DfE's config/locales/en.yml).
// Lead providers match on these strings: never reword them.
export const PARTNERSHIP_MESSAGES = {
  cohortBlank: "Enter a '#/cohort'.",
  cohortInvalid: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  schoolBlank: "Enter a '#/school_id'.",
  schoolInvalid:
    "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
  schoolCipOnly: 'The school you have entered has not registered to deliver DfE-funded training. Contact the school for more information.',
  schoolIneligible: 'The school you have entered is currently ineligible for DfE funding. Contact the school for more information.',
  schoolAlreadyConfirmed: 'You are already in a confirmed partnership with this school for the entered cohort.',
  schoolRecruitedByOtherProvider:
    'Another provider is in a confirmed partnership with the school for the cohort you entered. Contact the school for more information.',
  schoolProgrammeNotYetConfirmed:
    'The school you have entered has not yet confirmed they will deliver DfE-funded training. Contact the school for more information.',
  leadProviderBlank: "Enter a '#/lead_provider_id'.",
  leadProviderInvalid: "Enter a valid '#/lead_provider_id'.",
  deliveryPartnerBlank: "Enter a '#/delivery_partner_id'.",
  deliveryPartnerInvalid: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
  deliveryPartnerNoRelationship:
    'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
  partnershipBlank: "Enter a '#/partnership'.",
  partnershipChallenged:
    'Your update cannot be made as this partnership has been challenged by the school. If this partnership has been challenged in error, submit a new partnership confirmation using the endpoint POST /api/v3/partnerships/ecf.',
  deliveryPartnerDuplicate:
    'We are unable to process this request. You are already confirmed to be in partnership with the entered delivery partner. Contact the DfE for support.',
} as const;

/** The attribute names the API reports errors against (its `title`). */
export type PartnershipAttribute = 'cohort' | 'school_id' | 'lead_provider_id' | 'delivery_partner_id' | 'partnership';
