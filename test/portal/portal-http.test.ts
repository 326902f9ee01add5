// The portal over HTTP: signing in by link, what an unknown email sees, forms' tokens, rate limits,
// scoping (tampering included), the participants page and its download, maintenance mode.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { db } from '../../src/db/client.js';
import { createPortalRouter } from '../../src/portal/router.js';
import { createParticipant, createParticipantWorld, type ParticipantWorld } from '../support/factories.js';
import { createPortalUser, linksSentTo, tokenFromOutbox } from '../actions/portal/portal-world.js';
import { addManyParticipants } from '../reports/check-data/check-data-world.js';
import { PortalClient, startPortalApp, type PortalApp } from './portal-app.js';

async function signedIn(app: PortalApp, email: string) {
  const client = new PortalClient(app);
  const landed = await client.signIn(email, tokenFromOutbox);
  return { client, landed };
}

describe('signing in', () => {
  let app: PortalApp;
  let world: ParticipantWorld;
  let user: Awaited<ReturnType<typeof createPortalUser>>;
  beforeAll(async () => {
    app = await startPortalApp();
    world = await createParticipantWorld(2024);
    user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });
  });
  afterAll(() => app.close());

  it('starts with an accessible sign-in form and safe headers', async () => {
    const client = new PortalClient(app);
    const page = await client.get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<title>Sign in - Check data for delivery partners</title>');
    expect(page.body).toMatch(/<label for="email"[^>]*>Email address<\/label>/);
    expect(page.body).toContain('aria-describedby="email-hint"');
    expect(page.body).toContain('<a href="#main-content" class="skip-link">');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(page.headers.get('set-cookie')).toMatch(/^ecf_portal=.*HttpOnly.*SameSite=Lax/i);
    const css = await client.get('/assets/portal.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('shows an unknown email exactly the page a known one gets, and sends nothing', async () => {
    const pages: string[] = [];
    for (const email of [user.email, 'nobody-here@example.com']) {
      const client = new PortalClient(app);
      await client.get('/');
      const posted = await client.post('/sign-in', { email });
      expect(posted.status).toBe(303);
      expect(posted.location).toBe('/check-data/check-email');
      const page = await client.get('/check-email');
      expect(page.status).toBe(200);
      pages.push(page.body.replace(email, 'EMAIL'));
    }
    expect(pages[0]).toContain('Check your email');
    expect(pages[0]).toContain('If EMAIL is registered with this service');
    expect(pages[1]).toBe(pages[0]);
    expect(await db().emailOutbox.count({ where: { to: 'nobody-here@example.com' } })).toBe(0);
  });

  it('shows an error summary linked to the field for a missing or malformed email', async () => {
    const client = new PortalClient(app);
    await client.get('/');
    const empty = await client.post('/sign-in', { email: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('<title>Error: Sign in - Check data for delivery partners</title>');
    expect(empty.body).toContain('<a href="#email">Enter your email address</a>');
    const malformed = await client.post('/sign-in', { email: 'not an email' });
    expect(malformed.body).toContain('Enter an email address in the correct format, like name@example.com');
    expect(malformed.body).toContain('value="not an email"');
  });

  it('refuses a form posted without its session token, sending nothing', async () => {
    const emails = await db().emailOutbox.count();
    const client = new PortalClient(app);
    await client.get('/');
    const forged = await client.request('POST', '/sign-in', { email: user.email });
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('Sorry, there is a problem');
    const stranger = await client.request('POST', '/sign-in', { email: user.email, _csrf: 'guessed' });
    expect(stranger.status).toBe(403);
    expect(await db().emailOutbox.count()).toBe(emails);
  });

  it('emails a link to this host, which opening does not use up; continuing signs in with a new session', async () => {
    const client = new PortalClient(app);
    await client.get('/');
    const before = client.cookie;
    const sentBefore = await linksSentTo(user.email);
    await client.post('/sign-in', { email: user.email });
    const token = await tokenFromOutbox(user.email, sentBefore);
    const message = await db().emailOutbox.findFirstOrThrow({ where: { to: user.email, template: 'portal_magic_link' }, orderBy: { createdAt: 'desc' } });
    expect(message.body).toContain(`${app.url}/check-data/sign-in/${token}`);

    const landing = await client.get(`/sign-in/${token}`);
    expect(landing.body).toContain('Select continue to sign in.');
    expect(await db().magicLinkToken.count({ where: { portalUserId: user.id, usedAt: { not: null } } })).toBe(0);

    const confirmed = await client.post('/sign-in/confirm', { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe('/check-data/participants');
    expect(client.cookie).not.toBe(before);
    const page = await client.get('/participants');
    expect(page.body).toContain(`${world.deliveryPartner.name} participants`);

    const again = new PortalClient(app);
    await again.get(`/sign-in/${token}`);
    const reused = await again.post('/sign-in/confirm', { token });
    expect(reused.status).toBe(400);
    expect(reused.body).toContain('This link has expired or has already been used');
  });

  it('refuses an expired link', async () => {
    const client = new PortalClient(app);
    await client.get('/');
    const sentBefore = await linksSentTo(user.email);
    await client.post('/sign-in', { email: user.email });
    const token = await tokenFromOutbox(user.email, sentBefore);
    await db().magicLinkToken.updateMany({ where: { portalUserId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    await client.get(`/sign-in/${token}`);
    const late = await client.post('/sign-in/confirm', { token });
    expect(late.status).toBe(400);
    expect(late.body).toContain('Each sign-in link works once and expires after 30 minutes.');
    expect((await client.get('/participants')).location).toBe('/check-data/');
  });

  it('signs out, ending the session', async () => {
    const { client } = await signedIn(app, user.email);
    await client.get('/participants');
    const out = await client.post('/sign-out');
    expect(out.location).toBe('/check-data/?signed_out=1');
    expect((await client.get('/?signed_out=1')).body).toContain('You have signed out.');
    expect((await client.get('/participants')).location).toBe('/check-data/');
  });
});

describe('sign-in links built from PUBLIC_URL', () => {
  it('use the configured origin, never the Host header', async () => {
    const app = await startPortalApp({ publicUrl: 'https://ecf.example.gov.uk/' });
    try {
      const world = await createParticipantWorld(2024);
      const user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });
      const client = new PortalClient(app);
      await client.get('/');
      await client.post('/sign-in', { email: user.email });
      const token = await tokenFromOutbox(user.email);
      const message = await db().emailOutbox.findFirstOrThrow({ where: { to: user.email } });
      expect(message.body).toContain(`https://ecf.example.gov.uk/check-data/sign-in/${token}`);
    } finally {
      await app.close();
    }
  });

  it('are required when cookies are secure (production)', () => {
    const saved = process.env.PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    try {
      expect(() => createPortalRouter({ secureCookie: true, sessionSecret: 'x'.repeat(32), databaseUrl: process.env.DATABASE_URL })).toThrow('PUBLIC_URL');
    } finally {
      if (saved !== undefined) process.env.PUBLIC_URL = saved;
    }
  });
});

describe('rate limits on sign-in links', () => {
  let app: PortalApp;
  beforeAll(async () => {
    app = await startPortalApp({ limits: { linksPerIp: 3, linksPerEmail: 2 } });
  });
  afterAll(() => app.close());

  it('stops one address asking again and again, whatever the emails', async () => {
    const client = new PortalClient(app);
    await client.get('/');
    for (let i = 0; i < 3; i++) expect((await client.post('/sign-in', { email: `ip-${i}@example.com` })).status).toBe(303);
    const limited = await client.post('/sign-in', { email: 'ip-4@example.com' });
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('You have asked for too many sign-in links');
    expect(limited.body).toContain('Wait 15 minutes, then try again.');
  });

  it('stops links to one email from many addresses, sending no more', async () => {
    const world = await createParticipantWorld(2024);
    const user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const client = new PortalClient(app);
      await client.get('/');
      statuses.push((await client.post('/sign-in', { email: i === 2 ? ` ${user.email.toUpperCase()} ` : user.email })).status);
    }
    expect(statuses).toEqual([303, 303, 429]);
    // The links are written just after the answers.
    for (let tries = 0; tries < 300 && (await db().emailOutbox.count({ where: { to: user.email } })) < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db().magicLinkToken.count({ where: { portalUserId: user.id } })).toBe(2);
    expect(await db().emailOutbox.count({ where: { to: user.email } })).toBe(2);
  });
});

describe('what a signed-in person can reach', () => {
  let app: PortalApp;
  let mine: ParticipantWorld;
  let theirs: ParticipantWorld;
  beforeAll(async () => {
    app = await startPortalApp();
    mine = await createParticipantWorld(2024);
    theirs = await createParticipantWorld(2024);
    await createParticipant(mine, { fullName: 'Mina Mine' });
    await createParticipant(theirs, { fullName: 'Theo Theirs' });
  });
  afterAll(() => app.close());

  it('sends someone not signed in to the start page', async () => {
    const client = new PortalClient(app);
    for (const path of ['/participants', '/participants.csv', '/choose-organisation']) {
      expect((await client.get(path)).location).toBe('/check-data/');
    }
  });

  it("never shows another delivery partner's participants, whatever the URL says", async () => {
    const user = await createPortalUser({ deliveryPartnerIds: [mine.deliveryPartner.id] });
    const { client } = await signedIn(app, user.email);
    for (const query of ['', `?deliveryPartnerId=${theirs.deliveryPartner.id}`, `?delivery_partner_id=${theirs.deliveryPartner.id}`, `?query=Theo`]) {
      const page = await client.get(`/participants${query}`);
      expect(page.body).not.toContain('Theo Theirs');
      expect(page.body).not.toContain(theirs.deliveryPartner.name);
      const csv = await client.get(`/participants.csv${query}`);
      expect(csv.body).not.toContain('Theo Theirs');
    }
    expect((await client.get('/participants')).body).toContain('Mina Mine');
  });

  it("refuses a role id that is not the person's own", async () => {
    const stranger = await createPortalUser({ deliveryPartnerIds: [theirs.deliveryPartner.id] });
    const strangersRole = await db().portalRole.findFirstOrThrow({ where: { portalUserId: stranger.id } });
    const user = await createPortalUser({ deliveryPartnerIds: [mine.deliveryPartner.id] });
    const { client } = await signedIn(app, user.email);
    await client.get('/participants');
    const tampered = await client.post('/choose-organisation', { role: strangersRole.id });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toContain('Select the organisation you want to check data for');
    const page = await client.get('/participants');
    expect(page.body).toContain('Mina Mine');
    expect(page.body).not.toContain('Theo Theirs');
  });

  it('asks someone with several roles to choose one, and shows only that one', async () => {
    const user = await createPortalUser({ deliveryPartnerIds: [mine.deliveryPartner.id, theirs.deliveryPartner.id] });
    const { client, landed } = await signedIn(app, user.email);
    expect(landed.location).toBe('/check-data/choose-organisation');
    expect((await client.get('/participants')).location).toBe('/check-data/choose-organisation');
    const choice = await client.get('/choose-organisation');
    expect(choice.body).toContain(mine.deliveryPartner.name);
    expect(choice.body).toContain(theirs.deliveryPartner.name);
    expect((await client.post('/choose-organisation', {})).body).toContain('<a href="#role-');

    const theirRole = await db().portalRole.findFirstOrThrow({ where: { portalUserId: user.id, deliveryPartnerId: theirs.deliveryPartner.id } });
    await client.post('/choose-organisation', { role: theirRole.id });
    const page = await client.get('/participants');
    expect(page.body).toContain('Theo Theirs');
    expect(page.body).not.toContain('Mina Mine');
    expect(page.body).toContain('Change organisation');
  });

  it('loses access at the next click when the role is removed or the person disabled', async () => {
    const user = await createPortalUser({ deliveryPartnerIds: [mine.deliveryPartner.id] });
    const { client } = await signedIn(app, user.email);
    expect((await client.get('/participants')).body).toContain('Mina Mine');
    await db().portalRole.deleteMany({ where: { portalUserId: user.id } });
    const noAccess = await client.get('/participants');
    expect(noAccess.status).toBe(403);
    expect(noAccess.body).toContain('You do not have access to check data');
    expect(noAccess.body).not.toContain('Mina Mine');

    const other = await createPortalUser({ deliveryPartnerIds: [mine.deliveryPartner.id] });
    const second = await signedIn(app, other.email);
    await db().portalUser.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect((await second.client.get('/participants')).location).toBe('/check-data/');
  });

  it('tells someone acting for an appropriate body that its view is not here yet', async () => {
    const body = await db().appropriateBody.create({ data: { name: 'West Hub', bodyType: 'teaching_school_hub' } });
    const user = await createPortalUser({ appropriateBodyIds: [body.id] });
    const { client } = await signedIn(app, user.email);
    const page = await client.get('/participants');
    expect(page.body).toContain('West Hub: appropriate body data is not available here yet');
    expect(page.body).not.toContain('Mina Mine');
    expect((await client.get('/participants.csv')).headers.get('content-type')).toContain('text/html');
  });
});

describe('the participants page and its download', () => {
  let app: PortalApp;
  let world: ParticipantWorld;
  let client: PortalClient;
  beforeAll(async () => {
    app = await startPortalApp();
    world = await createParticipantWorld(2024);
    for (let i = 1; i <= 52; i++) await createParticipant(world, { fullName: `Page Person ${String(i).padStart(2, '0')}` });
    await createParticipant(world, { fullName: '<script>alert("x")</script> Mentor', type: 'mentor' });
    const user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });
    ({ client } = await signedIn(app, user.email));
  });
  afterAll(() => app.close());

  it('escapes what schools typed', async () => {
    const page = await client.get('/participants?role=mentor');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mentor');
    expect(page.body).not.toContain('<script>alert');
  });

  it('keeps search and filters in the form, the pages and the download link', async () => {
    const page = await client.get('/participants?query=page+person&role=ect&status=training_or_eligible_for_training&academic_year=2024');
    expect(page.body).toContain('value="page person"');
    expect(page.body).toContain('<option value="ect" selected>');
    expect(page.body).toContain('<option value="2024" selected>');
    expect(page.body).toContain('<option value="training_or_eligible_for_training" selected>');
    expect(page.body).toContain('Showing <strong>1</strong> to <strong>50</strong> of <strong>52</strong> participants');
    const filters = 'query=page+person&amp;role=ect&amp;academic_year=2024&amp;status=training_or_eligible_for_training';
    expect(page.body).toContain(`href="/check-data/participants?${filters}&amp;page=2" rel="next"`);
    expect(page.body).toContain(`href="/check-data/participants.csv?${filters}"`);
    const second = await client.get('/participants?query=page+person&role=ect&status=training_or_eligible_for_training&academic_year=2024&page=2');
    expect(second.body).toContain('Showing <strong>51</strong> to <strong>52</strong> of <strong>52</strong> participants');
    expect(second.body).toContain('aria-current="page"');
  });

  it('downloads exactly the filtered rows as a CSV file and records the download', async () => {
    const csv = await client.get('/participants.csv?query=Person+0&role=ect');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="delivery-partner-.*-participants-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(csv.body) as string[][];
    expect(rows[0][0]).toBe('full_name');
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `Page Person 0${i + 1}`));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'check_data.downloaded', subjectId: world.deliveryPartner.id }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ actorType: 'portal', ipAddress: client.ip, after: { filters: { query: 'Person 0', role: 'ect' }, rows: 9 } });
  });

  it('lets go of the database when someone cancels a large download', async () => {
    const big = await createParticipantWorld(2024);
    // Far more than the sockets buffer, so the server is still writing when the person cancels.
    await addManyParticipants(big, 40_000, 'Many');
    const user = await createPortalUser({ deliveryPartnerIds: [big.deliveryPartner.id] });
    const downloader = (await signedIn(app, user.email)).client;
    const abort = new AbortController();
    const response = await fetch(`${app.url}/check-data/participants.csv`, { headers: { Cookie: downloader.cookie }, signal: abort.signal });
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();

    const cursorsOpen = () => db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%check_data_csv%' AND pid <> pg_backend_pid()`;
    for (let i = 0; i < 50 && (await cursorsOpen())[0].n > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await cursorsOpen())[0].n).toBe(0);
    expect((await downloader.get('/participants?query=Many+1')).status).toBe(200);
  }, 180_000);

  it('shows "No results found" when nothing matches', async () => {
    const page = await client.get('/participants?query=zzzz-nobody');
    expect(page.body).toContain('No results found');
    expect(page.body).toContain('<strong>0</strong> participants');
  });
});

describe('maintenance mode', () => {
  it('answers every page with 503 while the hook says so', async () => {
    let unavailable = true;
    const app = await startPortalApp({ isUnavailable: () => unavailable });
    try {
      const client = new PortalClient(app);
      for (const path of ['/', '/participants', '/sign-in/abc']) {
        const page = await client.get(path);
        expect(page.status).toBe(503);
        expect(page.body).toContain('Sorry, the service is unavailable');
      }
      unavailable = false;
      expect((await client.get('/')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
