// The component registry: every custom React component of the back office, bundled by AdminJS at start-up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentLoader } from 'adminjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const componentLoader = new ComponentLoader();

const add = (name: string, file: string) => componentLoader.add(name, path.join(here, file));

export const Components = {
  Money: add('Money', 'money.tsx'),
  EnumValue: add('EnumValue', 'enum-value.tsx'),
  AuditTrail: add('AuditTrail', 'audit-trail.tsx'),
  Dashboard: add('Dashboard', 'dashboard.tsx'),
  ImportPage: add('ImportPage', 'import-page.tsx'),
  ConfirmPage: add('ConfirmPage', 'confirm-page.tsx'),
  BulkActionPage: add('BulkActionPage', 'bulk-action-page.tsx'),
  FinanceStatements: add('FinanceStatements', 'finance-statements.tsx'),
  Approvals: add('Approvals', 'approvals.tsx'),
  // Parts of FinanceStatements, listed so that a change to one of them alone rebuilds the bundle.
  FinancePaymentsChart: add('FinancePaymentsChart', 'finance-payments-chart.tsx'),
  FinanceParticipantSearch: add('FinanceParticipantSearch', 'finance-participant-search.tsx'),
  DeliveryPartnerForm: add('DeliveryPartnerForm', 'delivery-partner-form.tsx'),
  SchoolCohorts: add('SchoolCohorts', 'school-cohorts.tsx'),
  AppropriateBodyPanel: add('AppropriateBodyPanel', 'appropriate-body-panel.tsx'),
  SchoolPupilPremium: add('SchoolPupilPremium', 'school-pupil-premium.tsx'),
  SchoolParticipants: add('SchoolParticipants', 'school-participants.tsx'),
  CohortOverview: add('CohortOverview', 'cohort-overview.tsx'),
  CheckYourAnswers: add('CheckYourAnswers', 'check-your-answers.tsx'),
  ListDownload: add('ListDownload', 'list-download.tsx'),
  ListSavedFilters: add('ListSavedFilters', 'list-saved-filters.tsx'),
  ChangeCohortPage: add('ChangeCohortPage', 'change-cohort-page.tsx'),
  // Mounted by the top bar on every page (names, focus, target sizes); listed so a change to it alone rebuilds the bundle.
  PageAccessibility: add('PageAccessibility', 'page-accessibility.tsx'),
  ListLook: add('ListLook', 'list-look.tsx'),
  AuditSubject: add('AuditSubject', 'audit-subject.tsx'),
  MaintenancePage: add('MaintenancePage', '../maintenance/maintenance-view.tsx'),
};

// The sign-in page: single sign-on and the password form, each shown only when configured.
componentLoader.override('Login', path.join(here, 'login.tsx'));
// One notice at a time, in the page's flow (src/admin/components/notice-box.tsx).
componentLoader.override('NoticeBox', path.join(here, 'notice-box.tsx'));
// The menu lists only the custom pages the signed-in role may open.
componentLoader.override('SidebarPages', path.join(here, 'sidebar-pages.tsx'));
// The maintenance banner sits above AdminJS's own top bar on every page.
componentLoader.override('TopBar', path.join(here, '../maintenance/top-bar-with-banner.tsx'));
// Generated pages headed with their resource's name or their record's title (src/admin/components/page-title.ts).
componentLoader.override('ActionHeader', path.join(here, 'action-header.tsx'));
// Dates as people read them on every generated list and record page (src/admin/human-dates.ts).
componentLoader.override('DefaultDatetimeListProperty', path.join(here, 'date-value.tsx'));
componentLoader.override('DefaultDatetimeShowProperty', path.join(here, 'date-value.tsx'));
