// The back office: AdminJS with our resources, role rules, dashboard and sign-in, as an Express router.
import AdminJS, { type CurrentAdmin } from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import { Database } from '@adminjs/prisma';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import express, { type RequestHandler, type Router } from 'express';
import type { StaffSignInSettings } from '../server/staff-sign-in-config.js';
import { refreshSessionAdmin } from './authenticate.js';
import { bundleComponents } from './bundle-components.js';
import { componentLoader, Components } from './components/index.js';
import { dashboardData } from './dashboard.js';
import { STATEMENTS_PAGE, statementsPage } from './finance/statements-page.js';
import { APPROVALS_PAGE, approvalsPage } from './finance/approvals-page.js';
import { DUPLICATES_PAGE, duplicatesPage } from './data-quality/duplicates-page.js';
import { JOBS_PAGE, jobsPage, registerJobsComponents } from './jobs/jobs-page.js';
import { actionLabels, labels, propertyLabels } from './labels.js';
import { PARTICIPANTS_PAGE, participantsPage, registerParticipantsComponents } from './participants/participants-page.js';
import { MAINTENANCE_PAGE, maintenancePage } from './maintenance/maintenance-page.js';
import { FROZEN_COHORT_MOVES_PAGE, frozenCohortMovesPage, registerFrozenCohortMovesComponent } from './participants/frozen-cohort-moves-page.js';
import { EcfResource } from './prisma-resource.js';
import { StaffAuthProvider } from './sign-in/staff-auth-provider.js';
import { OIDC_START_PATH, staffSignInRoutes } from './sign-in/staff-sign-in-routes.js';
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
    pages: { [PARTICIPANTS_PAGE]: participantsPage, [STATEMENTS_PAGE]: statementsPage, [APPROVALS_PAGE]: approvalsPage, [JOBS_PAGE]: jobsPage, [FROZEN_COHORT_MOVES_PAGE]: frozenCohortMovesPage, [MAINTENANCE_PAGE]: maintenancePage(Components.MaintenancePage), [DUPLICATES_PAGE]: duplicatesPage },
    dashboard: {
      component: Components.Dashboard,
      handler: async (_request, _response, context) => dashboardData(context.currentAdmin),
    },
    branding: { companyName: 'ECF back office', withMadeWithLove: false, logo: false },
    locale: { language: 'en', availableLanguages: ['en'], translations: { en: { labels, actions: actionLabels, properties: propertyLabels, components: { Login: { welcomeHeader: 'Early Career Framework', welcomeMessage: 'The DfE back office for schools, lead providers, delivery partners, participants and payments. Sign in with your back-office account.', loginButton: 'Sign in' } } } } },
  });
}

export interface AdminRouterOptions {
  sessionSecret: string;
  databaseUrl: string;
  secureCookie: boolean;
  loginAttemptsPerWindow: number;
  staffSignIn: StaffSignInSettings;
  production: boolean;
}

export async function buildAdminRouter(admin: AdminJS, options: AdminRouterOptions): Promise<Router> {
  await bundleComponents(admin);
  const PgStore = connectPgSimple(session);
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      provider: new StaffAuthProvider(options.staffSignIn, `${ADMIN_ROOT}${OIDC_START_PATH}`),
      cookieName: 'ecf_admin',
      cookiePassword: options.sessionSecret,
      maxRetries: { count: options.loginAttemptsPerWindow, duration: 15 * 60 },
    },
    null,
    {
      store: new PgStore({ conString: options.databaseUrl, tableName: 'session', createTableIfMissing: false }),
      secret: options.sessionSecret,
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, maxAge: 8 * 60 * 60 * 1000 },
    },
  );
  insertAfterSession(router, refreshSignedInUser);
  // Before AdminJS's body parser and login handler, which must not see a refused password form.
  insertAfterSession(router, staffSignInRoutes(options.staffSignIn, { allowHttpProvider: !options.production }));
  return router;
}

/** A disabled user loses access at their next click, and a role change applies at once. */
const refreshSignedInUser: RequestHandler = (request, _response, next) => {
  const store = request.session as unknown as { adminUser?: CurrentAdmin } | undefined;
  if (!store?.adminUser) return next();
  refreshSessionAdmin(store.adminUser)
    .then((fresh) => {
      if (fresh) store.adminUser = fresh;
      else delete store.adminUser;
      next();
    })
    .catch(next);
};

function insertAfterSession(router: Router, handler: RequestHandler): void {
  const carrier = express.Router();
  carrier.use(handler);
  const index = router.stack.findIndex((layer) => layer.name === 'session');
  router.stack.splice(index + 1, 0, carrier.stack[0]);
}
