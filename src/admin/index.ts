// The back office: AdminJS with our resources, role rules, dashboard and sign-in, as an Express router.
import AdminJS, { type AdminPage } from 'adminjs';
import { Database } from '@adminjs/prisma';
import type { StaffSignInSettings } from '../server/staff-sign-in-config.js';
import { bundleComponents } from './bundle-components.js';
import { componentLoader, Components } from './components/index.js';
import { dashboardData } from './dashboard.js';
import { STATEMENTS_PAGE, statementsPage } from './finance/statements-page.js';
import { APPROVALS_PAGE, approvalsPage } from './finance/approvals-page.js';
import { DUPLICATES_PAGE, duplicatesPage } from './data-quality/duplicates-page.js';
import { AUDIT_LOG_PAGE, auditLogPage, registerAuditLogComponent } from './audit-log/audit-log-page.js';
import { JOBS_PAGE, jobsPage, registerJobsComponents } from './jobs/jobs-page.js';
import { actionLabels, labels, pageLabels, propertyLabels } from './labels.js';
import { PARTICIPANTS_PAGE, participantsPage, registerParticipantsComponents } from './participants/participants-page.js';
import { MAINTENANCE_PAGE, maintenancePage } from './maintenance/maintenance-page.js';
import { FROZEN_COHORT_MOVES_PAGE, frozenCohortMovesPage, registerFrozenCohortMovesComponent } from './participants/frozen-cohort-moves-page.js';
import type { PageName } from './page-access.js';
import { EcfResource } from './prisma-resource.js';
import { backOfficeTheme } from './theme.js';
import { StaffAuthProvider } from './sign-in/staff-auth-provider.js';
import { OIDC_START_PATH, staffSignInRoutes } from './sign-in/staff-sign-in-routes.js';
import { buildStaffRouter, type StaffRouter } from './staff-router.js';
import { accessResources } from './resources/access.js';
import { cohortResources } from './resources/cohorts.js';
import { financeResources } from './resources/finance.js';
import { operationsResources } from './resources/operations.js';
import { participantResources } from './resources/participants.js';
import { schoolResources } from './resources/schools.js';
import { supplierResources } from './resources/suppliers.js';

AdminJS.registerAdapter({ Database, Resource: EcfResource });
registerJobsComponents(componentLoader);
registerFrozenCohortMovesComponent(componentLoader);
registerParticipantsComponents(componentLoader);
registerAuditLogComponent(componentLoader);

export const ADMIN_ROOT = '/admin';

export function buildAdmin(): AdminJS {
  return new AdminJS({
    rootPath: ADMIN_ROOT,
    componentLoader,
    resources: [
      ...supplierResources(),
      ...cohortResources(),
      ...schoolResources(),
      ...participantResources(),
      ...financeResources(),
      ...accessResources(),
      ...operationsResources(),
    ],
    // In menu order; who may open each: src/admin/page-access.ts.
    pages: {
      [PARTICIPANTS_PAGE]: participantsPage, [DUPLICATES_PAGE]: duplicatesPage, [FROZEN_COHORT_MOVES_PAGE]: frozenCohortMovesPage,
      [STATEMENTS_PAGE]: statementsPage, [APPROVALS_PAGE]: approvalsPage, [JOBS_PAGE]: jobsPage, [AUDIT_LOG_PAGE]: auditLogPage,
      [MAINTENANCE_PAGE]: maintenancePage(Components.MaintenancePage),
    } satisfies Record<PageName, AdminPage>,
    dashboard: {
      component: Components.Dashboard,
      handler: async (_request, _response, context) => dashboardData(context.currentAdmin,
        (resourceId) => !!context._admin.findResource(resourceId)?.decorate().actions.list?.isAccessible(context.currentAdmin)),
    },
    // The department's name as text: no logo, no illustrations (the sign-in page is ours: components/login.tsx).
    branding: { companyName: 'Department for Education · ECF back office', withMadeWithLove: false, logo: false, theme: backOfficeTheme },
    locale: { language: 'en', availableLanguages: ['en'], translations: { en: { labels, pages: pageLabels, actions: actionLabels, properties: propertyLabels, components: { Login: { welcomeHeader: 'Early Career Framework back office', welcomeMessage: 'For Department for Education staff who look after the Early Career Framework: schools, lead providers, delivery partners, participants, declarations and payments.', loginButton: 'Sign in' } } } } },
  });
}

export interface AdminRouterOptions {
  sessionSecret: string;
  databaseUrl: string;
  secureCookie: boolean;
  loginAttemptsPerWindow: number;
  staffSignIn: StaffSignInSettings;
  production: boolean;
  publicUrl?: string;
  uploadMaxMegabytes: number;
  supportEmail: string;
}

export async function buildAdminRouter(admin: AdminJS, options: AdminRouterOptions): Promise<StaffRouter> {
  await bundleComponents(admin);
  const loginPageProps = { ...new StaffAuthProvider(options.staffSignIn, `${ADMIN_ROOT}${OIDC_START_PATH}`).getUiProps(), supportEmail: options.supportEmail };
  return buildStaffRouter(admin, {
    ...options,
    throttle: { perAccount: options.loginAttemptsPerWindow, perAddress: options.loginAttemptsPerWindow, windowMinutes: 15 },
    uploads: { maxFileBytes: options.uploadMaxMegabytes * 1024 * 1024, maxFiles: 10 },
    passwordSignIn: options.staffSignIn.passwordSignIn,
    loginPageProps,
    // Single sign-on (leaving for the provider and its callback), on the session, before password sign-in.
    signInRoutes: staffSignInRoutes(options.staffSignIn, { allowHttpProvider: !options.production }),
  });
}
