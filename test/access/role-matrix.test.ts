// Who may do what, everywhere, from one table: every back-office role against every resource action and
// page, every lead provider API endpoint for each kind of caller, and every portal route signed in and
// out. A resource, action, endpoint or route that is not in the table fails the test, so a new one must
// be given its rule here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { CurrentAdmin, PageContext } from 'adminjs';
import { buildAdmin } from '../../src/admin/index.js';
import { pagesFor } from '../../src/admin/page-access.js';
import { staffSignInRoutes } from '../../src/admin/sign-in/staff-sign-in-routes.js';
import { createApiRouter } from '../../src/api/router.js';
import { db } from '../../src/db/client.js';
import { createPortalRouter, SCHOOL_CHALLENGE_PATH } from '../../src/portal/router.js';
import { createDeclaration, createParticipant, createParticipantWorld, createSchedule, createSchool, type ParticipantWorld } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from '../api/support/api-client.js';
import { openStatement } from '../api/support/lead-provider.js';
import { createPortalUser, tokenFromOutbox } from '../actions/portal/portal-world.js';
import { PortalClient, startPortalApp, type PortalApp } from '../portal/portal-app.js';
import { routesOf } from './route-list.js';

const ROLES: Role[] = ['admin', 'super_user', 'support', 'finance', 'policy'];
const ALL = ROLES;
const NONE: Role[] = [];
const ADMINS: Role[] = ['admin', 'super_user'];
const SUPPORT: Role[] = [...ADMINS, 'support'];
const PEOPLE: Role[] = [...SUPPORT, 'finance'];
const FINANCE: Role[] = [...ADMINS, 'finance'];
const CONTRACTS: Role[] = [...FINANCE, 'policy'];

/** Read-only resource: list, show and search for its readers; nothing else for anyone. */
const readOnly = (readers: Role[], extra: Record<string, Role[]> = {}) =>
  ({ new: NONE, list: readers, show: readers, edit: NONE, delete: NONE, bulkDelete: NONE, search: readers, download: readers, savedFilters: readers, ...extra });

// ---------------------------------------------------------------- back office

const BACK_OFFICE: Record<string, Record<string, Role[]>> = {
  LeadProvider: readOnly(ALL, { edit: SUPPORT, users: SUPPORT, createApiToken: ADMINS }),
  CpdLeadProvider: readOnly(ADMINS),
  DeliveryPartner: readOnly(ALL, { new: SUPPORT, edit: SUPPORT, discard: SUPPORT, users: SUPPORT }),
  ProviderRelationship: readOnly(ALL),
  Cohort: readOnly(ALL, { importSetup: [...ADMINS, 'policy'] }),
  Schedule: readOnly(ALL),
  Milestone: readOnly(ALL),
  CallOffContract: readOnly(CONTRACTS),
  ParticipantBand: readOnly(CONTRACTS),
  MentorCallOffContract: readOnly(CONTRACTS),
  School: readOnly(ALL, { edit: SUPPORT, importGias: SUPPORT, replaceInductionTutor: SUPPORT }),
  PupilPremium: readOnly(ALL, { import: [...SUPPORT, 'policy'] }),
  SchoolCohort: readOnly(ALL, { changeInductionProgramme: SUPPORT }),
  Partnership: readOnly(ALL, { challenge: ['super_user'] }),
  InductionProgramme: readOnly(ALL),
  AppropriateBody: readOnly(ALL, { users: SUPPORT }),
  Teacher: readOnly(PEOPLE, { participantPage: PEOPLE }),
  ParticipantProfile: readOnly(PEOPLE, { participantPage: PEOPLE, moveFromFrozenCohort: ['super_user'], changeCohort: ['super_user'], recordAppropriateBodyConfirmation: SUPPORT, requestTrnCheck: SUPPORT, requestTrnChecks: SUPPORT }),
  TrnCheckRequest: readOnly(PEOPLE, { recordTrnCheckAnswer: SUPPORT }),
  InductionRecord: readOnly(PEOPLE),
  ParticipantProfileState: readOnly(PEOPLE),
  AppropriateBodyClaim: readOnly(PEOPLE),
  Statement: readOnly(FINANCE, { voidedDeclarations: FINANCE }),
  Declaration: readOnly(PEOPLE, { voidDeclaration: ['super_user', 'finance'], voidDeclarations: ['super_user', 'finance'] }),
  DeclarationStateChange: readOnly(PEOPLE),
  StatementLineItem: readOnly(FINANCE),
  FinanceAdjustment: readOnly(FINANCE),
  StatementSnapshot: readOnly(FINANCE),
  User: readOnly(ADMINS, { new: ADMINS, edit: ADMINS, disable: ADMINS, enable: ADMINS }),
  ApiToken: readOnly(ADMINS, { revoke: ADMINS, revokeApiTokens: ADMINS }),
  PortalUser: readOnly(SUPPORT, { new: SUPPORT, edit: SUPPORT, disable: SUPPORT, enable: SUPPORT, disablePortalUsers: SUPPORT }),
  PortalRole: readOnly(SUPPORT),
  AuditEvent: readOnly(ALL),
  JobRun: readOnly(FINANCE),
  Setting: readOnly(ADMINS),
  EmailOutbox: readOnly(ADMINS),
};

/** Custom pages: who gets the page's data (the others are refused). */
const PAGES: Record<string, Role[]> = {
  participants: PEOPLE,
  duplicates: PEOPLE,
  statements: FINANCE,
  // Admins may look at the queue; only finance and super users decide (the actions check).
  approvals: FINANCE,
  jobs: FINANCE,
  // Everyone who reads audit events (values masked per role: test/access/field-visibility.test.ts).
  auditLog: ALL,
  frozenCohortMoves: ['super_user'],
  // Everyone sees whether the service is in maintenance; only admins switch it (the action checks).
  maintenance: ALL,
};

/** Pages refuse with `forbidden`, `allowed: false` or an error; anything else is the page's data. */
interface PageAnswer {
  forbidden?: boolean;
  allowed?: boolean;
  error?: string;
}

const adminOf = (role: Role) => ({ id: `matrix-${role}`, email: `${role}@example.com`, role }) as unknown as CurrentAdmin;

describe('back office', () => {
  // Built inside the tests: the database URL is set once the file's database exists.
  let admin: ReturnType<typeof buildAdmin>;
  beforeAll(() => {
    admin = buildAdmin();
  });

  it('has a rule in the table for every resource and action, and each role may use exactly the actions the table gives it', () => {
    const actual: Record<string, Record<string, Role[]>> = {};
    for (const resource of admin.resources) {
      const actions = resource.decorate().actions;
      actual[resource.id()] = Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, ROLES.filter((role) => action.isAccessible(adminOf(role)))]));
    }
    expect(actual).toEqual(BACK_OFFICE);
  });

  it('has a rule for every custom page, and refuses its data to the roles not given it', async () => {
    const pages = admin.options.pages ?? {};
    expect(Object.keys(pages).sort()).toEqual(Object.keys(PAGES).sort());
    for (const [name, page] of Object.entries(pages)) {
      const allowed: Role[] = [];
      for (const role of ROLES) {
        const context = { currentAdmin: adminOf(role), _admin: admin } as unknown as PageContext;
        const answer = await Promise.resolve(page.handler!({ method: 'get', query: {}, params: {}, payload: {} } as never, {} as never, context)).then(
          (body) => body as PageAnswer | undefined,
          (): PageAnswer => ({ forbidden: true }),
        );
        if (answer && !answer.forbidden && answer.allowed !== false && !answer.error) allowed.push(role);
      }
      expect({ page: name, allowed }).toEqual({ page: name, allowed: PAGES[name] });
      // The menu lists the page to exactly the roles its handler serves.
      expect({ page: name, inMenu: ROLES.filter((role) => (pagesFor(role) as string[]).includes(name)) }).toEqual({ page: name, inMenu: PAGES[name] });
    }
  });
});

/**
 * The back office's own sign-in routes beside AdminJS's (with single sign-on configured and password
 * sign-in off, so every one exists). They are how someone not yet signed in gets in, so they are open to
 * everyone; whom they let in is decided by the user table (test/browser/single-sign-on.test.ts).
 */
const STAFF_SIGN_IN: Record<string, string> = {
  'GET /sign-in/oidc': 'anyone: leaves for the identity provider',
  'GET /sign-in/oidc/callback': 'anyone: signs in a known, enabled user whose email the provider verified; refuses everyone else',
  'POST /login': 'anyone: refused (403) while password sign-in is off',
};

describe('back-office sign-in', () => {
  it('has a rule in the table for every route', () => {
    const router = staffSignInRoutes({
      passwordSignIn: false,
      oidc: { issuerUrl: new URL('https://idp.example.com'), clientId: 'ecf', clientSecret: 'secret', scopes: 'openid email', providerName: 'DfE Sign-in' },
    }, { allowHttpProvider: false });
    expect(routesOf(router)).toEqual(Object.keys(STAFF_SIGN_IN).sort());
  });
});

// ---------------------------------------------------------------- lead provider API

interface ApiWorld {
  own: ParticipantWorld;
  other: ParticipantWorld;
  participant: Awaited<ReturnType<typeof createParticipant>>;
  declaration: { id: string };
  statementId: string;
  unpartneredSchoolUrn: string;
}

interface ApiRule {
  request: (w: ApiWorld) => { path: string; body?: unknown };
  /** The status the owning lead provider gets. */
  owner: number;
  /** The status another lead provider gets: 404 where the record is the owner's; lists leave it out. */
  other: number;
}

const participantPath = (w: ApiWorld) => `/participants/ecf/${w.participant.teacher.id}`;
const courseBody = (type: string, attributes: Record<string, unknown> = {}) => ({ data: { type, attributes: { course_identifier: 'ecf-induction', ...attributes } } });

// Another provider's participant is "not recognised" (422, the DfE's message) to participant actions and declarations.
// Mutating calls run in this order, the other provider's attempt first, so each owner call finds the participant as it needs.
const API: Record<string, ApiRule> = {
  'GET /schools/ecf': { request: () => ({ path: '/schools/ecf?filter[cohort]=2024' }), owner: 200, other: 200 },
  'GET /schools/ecf/:id': { request: (w) => ({ path: `/schools/ecf/${w.own.school.id}?filter[cohort]=2024` }), owner: 200, other: 200 },
  'GET /delivery-partners': { request: () => ({ path: '/delivery-partners' }), owner: 200, other: 200 },
  'GET /delivery-partners/:id': { request: (w) => ({ path: `/delivery-partners/${w.own.deliveryPartner.id}` }), owner: 200, other: 404 },
  'GET /partnerships/ecf': { request: () => ({ path: '/partnerships/ecf' }), owner: 200, other: 200 },
  'GET /partnerships/ecf/:id': { request: (w) => ({ path: `/partnerships/ecf/${w.own.partnership.id}` }), owner: 200, other: 404 },
  'PUT /partnerships/ecf/:id': {
    request: (w) => ({ path: `/partnerships/ecf/${w.own.partnership.id}`, body: { data: { type: 'ecf-partnership-update', attributes: { delivery_partner_id: w.own.deliveryPartner.id } } } }),
    owner: 200, other: 404,
  },
  'POST /partnerships/ecf': {
    request: (w) => ({ path: '/partnerships/ecf', body: { data: { type: 'ecf-partnership', attributes: { cohort: 2024, school_id: w.unpartneredSchoolUrn, delivery_partner_id: w.own.deliveryPartner.id } } } }),
    // The other provider has no relationship with the owner's delivery partner.
    owner: 200, other: 422,
  },
  'GET /participants/ecf': { request: () => ({ path: '/participants/ecf' }), owner: 200, other: 200 },
  'GET /participants/ecf/transfers': { request: () => ({ path: '/participants/ecf/transfers' }), owner: 200, other: 200 },
  'GET /participants/ecf/:id': { request: (w) => ({ path: participantPath(w) }), owner: 200, other: 404 },
  // A participant who never changed school has no transfers, which the DfE answers with 404 even to the owner.
  'GET /participants/ecf/:id/transfers': { request: (w) => ({ path: `${participantPath(w)}/transfers` }), owner: 404, other: 404 },
  'PUT /participants/ecf/:id/defer': { request: (w) => ({ path: `${participantPath(w)}/defer`, body: courseBody('participant-defer', { reason: 'career-break' }) }), owner: 200, other: 422 },
  'PUT /participants/ecf/:id/resume': { request: (w) => ({ path: `${participantPath(w)}/resume`, body: courseBody('participant-resume') }), owner: 200, other: 422 },
  'PUT /participants/ecf/:id/change-schedule': {
    request: (w) => ({ path: `${participantPath(w)}/change-schedule`, body: courseBody('participant-change-schedule', { schedule_identifier: 'ecf-extended-september', cohort: 2024 }) }),
    owner: 200, other: 422,
  },
  'PUT /participants/ecf/:id/withdraw': { request: (w) => ({ path: `${participantPath(w)}/withdraw`, body: courseBody('participant-withdraw', { reason: 'moved-school' }) }), owner: 200, other: 422 },
  'GET /unfunded-mentors/ecf': { request: () => ({ path: '/unfunded-mentors/ecf' }), owner: 200, other: 200 },
  // Nobody has unfunded mentors here: the id is the route's only way in, and it reveals nothing to anyone.
  'GET /unfunded-mentors/ecf/:id': { request: (w) => ({ path: `/unfunded-mentors/ecf/${w.participant.teacher.id}` }), owner: 404, other: 404 },
  'GET /participant-declarations': { request: () => ({ path: '/participant-declarations' }), owner: 200, other: 200 },
  'GET /participant-declarations/:id': { request: (w) => ({ path: `/participant-declarations/${w.declaration.id}` }), owner: 200, other: 404 },
  'POST /participant-declarations': {
    request: (w) => ({
      path: '/participant-declarations',
      body: { data: { type: 'participant-declaration', attributes: { participant_id: w.participant.teacher.id, declaration_type: 'retained-1', declaration_date: '2025-01-10T10:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' } } },
    }),
    owner: 200, other: 422,
  },
  'PUT /participant-declarations/:id/void': { request: (w) => ({ path: `/participant-declarations/${w.declaration.id}/void` }), owner: 200, other: 404 },
  'GET /statements': { request: () => ({ path: '/statements' }), owner: 200, other: 200 },
  'GET /statements/:id': { request: (w) => ({ path: `/statements/${w.statementId}` }), owner: 200, other: 404 },
};

describe('lead provider API', () => {
  let w: ApiWorld;
  let owner: ApiClient;
  let other: ApiClient;
  let revokedToken: string;

  beforeAll(async () => {
    const own = await createParticipantWorld(2024);
    const otherWorld = await createParticipantWorld(2024, { cohort: own.cohort, schedule: own.schedule });
    await createSchedule(own.cohort, 'ecf-extended-september');
    const statement = await openStatement(own.leadProvider, own.cohort);
    const participant = await createParticipant(own);
    const declaration = await createDeclaration(participant, own.leadProvider, { statement, declarationDate: new Date('2024-10-01T10:00:00Z') });
    const school = await createSchool();
    await db().schoolCohort.create({ data: { schoolId: school.id, cohortId: own.cohort.id, inductionProgrammeChoice: 'full_induction_programme' } });
    w = { own, other: otherWorld, participant, declaration, statementId: statement.id, unpartneredSchoolUrn: school.id };
    owner = await startApi(await createToken(own.leadProvider));
    other = await startApi(await createToken(otherWorld.leadProvider));
    revokedToken = await createToken(own.leadProvider, { revokedAt: new Date() });
  });
  afterAll(async () => {
    await owner?.close();
    await other?.close();
  });

  /** Calls the endpoint as its rule says, with the client's own token unless `token` is given (null: none). */
  const send = (api: ApiClient, endpoint: string, token?: string | null) => {
    const [method] = endpoint.split(' ');
    const { path, body } = API[endpoint].request(w);
    return method === 'GET' ? api.get(path, token) : method === 'PUT' ? api.put(path, body ?? {}, token) : api.post(path, body ?? {}, token);
  };

  it('has a rule in the table for every endpoint', () => {
    expect(routesOf(createApiRouter())).toEqual(Object.keys(API).sort());
  });

  it('answers 401 to every endpoint without a token or with a revoked one', async () => {
    for (const endpoint of Object.keys(API)) {
      for (const token of [null, revokedToken]) {
        const response = await send(owner, endpoint, token);
        expect({ endpoint, status: response.status }).toEqual({ endpoint, status: 401 });
      }
    }
  });

  it("gives each provider exactly its own records: the other provider's attempt first, then the owner's", async () => {
    const seen: Record<string, { owner: number; other: number }> = {};
    for (const endpoint of Object.keys(API)) {
      const fromOther = await send(other, endpoint);
      const fromOwner = await send(owner, endpoint);
      seen[endpoint] = { owner: fromOwner.status, other: fromOther.status };
      if (process.env.DEBUG_MATRIX) console.log(endpoint, JSON.stringify(fromOwner.body).slice(0, 300), JSON.stringify(fromOther.body).slice(0, 300));
      if (endpoint.startsWith('GET') && fromOther.status === 200 && Array.isArray(fromOther.body?.data)) {
        const ownIds = [w.participant.teacher.id, w.declaration.id, w.statementId, w.own.partnership.id, w.own.deliveryPartner.id];
        expect({ endpoint, leaked: fromOther.body.data.map((r: { id: string }) => r.id).filter((id: string) => ownIds.includes(id)) }).toEqual({ endpoint, leaked: [] });
      }
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(API).map(([endpoint, rule]) => [endpoint, { owner: rule.owner, other: rule.other }])));
  });
});

// ---------------------------------------------------------------- delivery partner portal

/** Each route with what a visitor who is not signed in gets, and what a signed-in delivery partner user gets. */
const PORTAL: Record<string, { path: string; anonymous: number; signedIn: number }> = {
  'GET /': { path: '/', anonymous: 200, signedIn: 303 },
  'GET /assets/portal.css': { path: '/assets/portal.css', anonymous: 200, signedIn: 200 },
  // Only after asking for a link; otherwise back to the start.
  'GET /check-email': { path: '/check-email', anonymous: 303, signedIn: 303 },
  'GET /sign-in/:token': { path: '/sign-in/not-a-real-token', anonymous: 200, signedIn: 200 },
  // Empty forms are refused whoever sends them.
  'POST /sign-in': { path: '/sign-in', anonymous: 400, signedIn: 400 },
  'POST /sign-in/confirm': { path: '/sign-in/confirm', anonymous: 400, signedIn: 400 },
  'GET /choose-organisation': { path: '/choose-organisation', anonymous: 303, signedIn: 200 },
  'POST /choose-organisation': { path: '/choose-organisation', anonymous: 303, signedIn: 400 },
  'GET /participants': { path: '/participants', anonymous: 303, signedIn: 200 },
  'GET /participants.csv': { path: '/participants.csv', anonymous: 303, signedIn: 200 },
  'POST /sign-out': { path: '/sign-out', anonymous: 303, signedIn: 303 },
};

/**
 * The schools' challenge link pages (mounted at /report-incorrect-partnership): public, the emailed token is the only
 * authority; what anyone without a token we sent gets.
 */
const SCHOOL_CHALLENGE: Record<string, { path: string; anonymous: number }> = {
  'GET /': { path: '/?token=not-a-real-token', anonymous: 404 },
  // Without the session's form token the form is refused before the link is looked at.
  'POST /': { path: '/', anonymous: 403 },
  'GET /assets/portal.css': { path: '/assets/portal.css', anonymous: 200 },
  'GET /link-expired': { path: '/link-expired', anonymous: 200 },
  'GET /already-challenged': { path: '/already-challenged', anonymous: 200 },
  'GET /success': { path: '/success', anonymous: 200 },
};

describe('delivery partner portal', () => {
  let app: PortalApp;
  let email: string;

  beforeAll(async () => {
    app = await startPortalApp();
    const world = await createParticipantWorld(2025);
    await createParticipant(world);
    email = (await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] })).email;
  });
  afterAll(() => app?.close());

  it('has a rule in the table for every route', () => {
    const router = createPortalRouter({ sessionSecret: 'a-secret-long-enough-for-the-portal-sessions', databaseUrl: process.env.DATABASE_URL });
    expect(routesOf(router)).toEqual(Object.keys(PORTAL).sort());
    expect(routesOf(router.schoolChallenge)).toEqual(Object.keys(SCHOOL_CHALLENGE).sort());
    return router.close();
  });

  it("opens the schools' challenge pages to anyone, and changes nothing without a token we sent", async () => {
    const visitor = new PortalClient(app, SCHOOL_CHALLENGE_PATH);
    const seen: Record<string, number> = {};
    for (const [route, rule] of Object.entries(SCHOOL_CHALLENGE)) {
      seen[route] = (await (route.startsWith('POST') ? visitor.request('POST', rule.path, { token: 'x', reason: 'mistake' }) : visitor.get(rule.path))).status;
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(SCHOOL_CHALLENGE).map(([route, { anonymous }]) => [route, anonymous])));
  });

  it('keeps participant data behind sign-in, and opens it to a signed-in delivery partner user', async () => {
    const seen: Record<string, { anonymous: number; signedIn: number }> = {};
    const anonymous = new PortalClient(app);
    await anonymous.get('/');
    const signedIn = new PortalClient(app);
    await signedIn.signIn(email, tokenFromOutbox);
    // Signing out comes last, so every other route is tried with a live session.
    const routes = Object.entries(PORTAL).sort(([a], [b]) => Number(a === 'POST /sign-out') - Number(b === 'POST /sign-out'));
    for (const [route, rule] of routes) {
      const method = route.startsWith('POST') ? 'POST' : 'GET';
      const call = (client: PortalClient) => (method === 'GET' ? client.get(rule.path) : client.post(rule.path, {}));
      seen[route] = { anonymous: (await call(anonymous)).status, signedIn: (await call(signedIn)).status };
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(PORTAL).map(([route, { anonymous, signedIn }]) => [route, { anonymous, signedIn }])));
  }, 120_000);
});
