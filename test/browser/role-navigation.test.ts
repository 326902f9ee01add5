// In a real browser, as each role: the menu lists only the lists and pages the role may open (from the
// permissions table), the dashboard links only to lists the role may open, and a direct link to a page
// the role may not use still gets the page's plain refusal.
import { describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { Page } from 'playwright-core';
import { useBackOfficeSession } from '../support/back-office-session.js';

const session = useBackOfficeSession();

const EVERYONE_READS = ['Lead providers', 'Delivery partners', 'Provider relationships', 'Cohorts', 'Schedules', 'Milestones'];
const CONTRACTS = ['Call-off contracts', 'Participant bands', 'Mentor call-off contracts'];
const SCHOOLS = ['Schools', 'Pupil premium and sparsity', 'School cohorts', 'Partnerships', 'Induction programmes', 'Appropriate bodies'];
const PEOPLE = ['People', 'Participants', 'TRN checks', 'Induction records', 'Training status changes', 'Appropriate body claims'];
const FINANCE = ['Statements', 'Declarations', 'Declaration state history', 'Statement line items', 'Adjustments', 'Statement snapshots'];
const ADMIN_LISTS = [
  'Lead providers', 'CPD lead providers', ...EVERYONE_READS.slice(1), ...CONTRACTS, ...SCHOOLS, ...PEOPLE, ...FINANCE,
  'Users', 'API tokens', 'Portal users', 'Portal roles', 'Job runs', 'Settings', 'Email outbox',
];

/** What each role finds in the menu: its lists (by group), then its pages; no name twice. */
const MENU: Record<Role, { lists: string[]; pages: string[] }> = {
  admin: { lists: ADMIN_LISTS, pages: ['Find a participant', 'Duplicates', 'Statement payments', 'Approvals', 'Jobs', 'Audit log', 'Maintenance'] },
  super_user: { lists: ADMIN_LISTS, pages: ['Find a participant', 'Duplicates', 'Frozen cohort moves', 'Statement payments', 'Approvals', 'Jobs', 'Audit log', 'Maintenance'] },
  support: {
    lists: [...EVERYONE_READS, ...SCHOOLS, ...PEOPLE, 'Declarations', 'Declaration state history', 'Portal users', 'Portal roles'],
    pages: ['Find a participant', 'Duplicates', 'Audit log', 'Maintenance'],
  },
  finance: {
    lists: [...EVERYONE_READS, ...CONTRACTS, ...SCHOOLS, ...PEOPLE, ...FINANCE, 'Job runs'],
    pages: ['Find a participant', 'Duplicates', 'Statement payments', 'Approvals', 'Jobs', 'Audit log', 'Maintenance'],
  },
  policy: { lists: [...EVERYONE_READS, ...CONTRACTS, ...SCHOOLS], pages: ['Audit log', 'Maintenance'] },
};

/** The dashboard's figures that link to a list, by the list they open. */
const DASHBOARD_LINKS: Record<Role, string[]> = {
  admin: ['School', 'Partnership', 'ParticipantProfile', 'Declaration', 'Statement', 'approvals'],
  super_user: ['School', 'Partnership', 'ParticipantProfile', 'Declaration', 'Statement', 'approvals'],
  support: ['School', 'Partnership', 'ParticipantProfile', 'Declaration'],
  finance: ['School', 'Partnership', 'ParticipantProfile', 'Declaration', 'Statement', 'approvals'],
  policy: ['School', 'Partnership'],
};

/** Opens every group of the menu and reads its lists and its pages. */
async function menuOf(page: Page): Promise<{ lists: string[]; pages: string[] }> {
  const groups = page.locator('[data-css="sidebar-resources"] a:not([href])');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).click();
  const links = await page.locator('[data-css="sidebar"] a[href]').evaluateAll((anchors) =>
    anchors.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })));
  return {
    lists: links.filter((l) => l.href.includes('/admin/resources/')).map((l) => l.text),
    pages: links.filter((l) => l.href.includes('/admin/pages/')).map((l) => l.text),
  };
}

describe('navigation per role', () => {
  it.each(Object.keys(MENU) as Role[])('shows %s only the lists, pages and dashboard links the role may use', async (role) => {
    const page = await session.signIn(role);
    await page.getByTestId('dashboard-figures').waitFor();
    const dashboardLinks = await page.getByTestId('dashboard-figures').locator('a[href]').evaluateAll((anchors) =>
      anchors.map((a) => (a.getAttribute('href') ?? '').split('/').pop()));
    expect(dashboardLinks).toEqual(DASHBOARD_LINKS[role]);
    const menu = await menuOf(page);
    expect(menu).toEqual(MENU[role]);
    expect(new Set([...menu.lists, ...menu.pages]).size).toBe(menu.lists.length + menu.pages.length);
    await page.close();
  }, 120_000);

  it('still refuses a page the role may not use when opened by its link', async () => {
    const page = await session.signIn('policy');
    await page.goto(`${session.url}/admin/pages/statements`);
    await page.getByText('Statements are for finance users.').waitFor();
    await page.goto(`${session.url}/admin/pages/participants`);
    await page.getByText('You do not have access to participants.').waitFor();
    await page.close();
  }, 120_000);
});
