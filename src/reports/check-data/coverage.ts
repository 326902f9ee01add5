// Which cohorts check data covers. The DfE's portal stops at the 2024 cohort (2025 onwards moved to its new
// service), lists nobody from a later cohort and says so on every page (app/services/delivery_partners/
// participants_filter.rb LATEST_COHORT_TO_RETURN, app/views/layouts/delivery_partners.html.erb). One setting.

/** The latest cohort whose participants check data lists. */
export const LATEST_CHECK_DATA_COHORT = 2024;

export const CHECK_DATA_COVERAGE_NOTICE =
  `This service only provides details for participants from the ${LATEST_CHECK_DATA_COHORT} cohort and earlier. ` +
  `Contact your lead provider if you need information for the ${LATEST_CHECK_DATA_COHORT + 1} cohort onwards.`;
