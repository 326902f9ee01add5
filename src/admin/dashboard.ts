// Figures and charts for the home page, counted in SQL and fitted to the signed-in role.
import type { Role } from '@prisma/client';
import type { CurrentAdmin } from 'adminjs';
import { db } from '../db/client.js';
import { ROLE_LABELS, can } from '../actions/authz.js';
import { findCurrentCohort, missingCohortMessage } from '../rules/current-cohort.js';
import { unchallengedPartnershipSql } from '../rules/unchallenged-partnership.js';
import {
  declarationsPerMonthChart, participantsByCohortChart, partnershipsPerLeadProviderChart, statementTotalsPerMonthChart, type DashboardChart,
} from '../reports/dashboard/dashboard-charts.js';
import { pendingApprovalCounts } from '../reports/approvals/approval-queue.js';
import { mayOpenPage } from './page-access.js';
import { roleOf } from './rbac.js';

const number = (n: number | bigint) => Number(n).toLocaleString('en-GB');

type ChartName = 'participants' | 'declarations' | 'partnerships' | 'statementTotals';

const CHARTS: Record<ChartName, () => Promise<DashboardChart>> = {
  participants: () => participantsByCohortChart(),
  declarations: () => declarationsPerMonthChart(),
  partnerships: () => partnershipsPerLeadProviderChart(),
  statementTotals: () => statementTotalsPerMonthChart(),
};

/** What each role looks at first: finance the money, support and policy the schools and people. */
export const CHARTS_BY_ROLE: Record<Role, ChartName[]> = {
  admin: ['participants', 'declarations', 'partnerships'],
  super_user: ['participants', 'declarations', 'partnerships'],
  support: ['participants', 'partnerships'],
  finance: ['statementTotals', 'declarations', 'participants'],
  policy: ['participants', 'partnerships'],
};

/** Whether the signed-in role may open a resource's list (its list action's rule). */
export type MayList = (resourceId: string) => boolean;

async function figures(role: Role, mayList: MayList) {
  const [counts] = await db().$queryRaw<{ schools: bigint; partnerships: bigint; participants: bigint; declarations: bigint; open_statements: bigint }[]>`
    SELECT (SELECT count(*) FROM schools) AS schools,
           (SELECT count(*) FROM partnerships pa WHERE ${unchallengedPartnershipSql('pa')} AND NOT pa.relationship) AS partnerships,
           (SELECT count(*) FROM participant_profiles WHERE "archivedAt" IS NULL) AS participants,
           (SELECT count(*) FROM declarations) AS declarations,
           (SELECT count(*) FROM statements WHERE state <> 'paid') AS open_statements`;
  // A figure links to its list only for a role that may open that list.
  const linked = (resourceId: string) => (mayList(resourceId) ? `/admin/resources/${resourceId}` : undefined);
  const list = [
    { label: 'Schools', value: number(counts.schools), href: linked('School') },
    { label: 'Active partnerships', value: number(counts.partnerships), href: linked('Partnership') },
    { label: 'Participants', value: number(counts.participants), href: linked('ParticipantProfile') },
    { label: 'Declarations', value: number(counts.declarations), href: linked('Declaration') },
  ];
  if (can(role, 'finance.read')) {
    list.push({ label: 'Statements not yet paid', value: number(counts.open_statements), href: linked('Statement') });
    const waiting = await pendingApprovalCounts();
    const kinds = waiting.filter((w) => w.count > 0).map((w) => `${w.label.toLowerCase()} ${number(w.count)}`).join(', ');
    list.push({ label: `Waiting for approval${kinds ? ` (${kinds})` : ''}`, value: number(waiting.reduce((n, w) => n + w.count, 0)), href: mayOpenPage(role, 'approvals') ? '/admin/pages/approvals' : undefined });
  }
  return list;
}

/** Things to do first: the cohort set-up, for those who may run it, when the calendar lacks this year's cohort. */
export async function dashboardAlerts(role: Role, now = new Date()): Promise<{ message: string; href: string; linkText: string }[]> {
  if (!can(role, 'cohorts.import')) return [];
  const current = await findCurrentCohort(now);
  return current.cohort ? [] : [{
    message: missingCohortMessage(current.startYear), href: '/admin/resources/Cohort/actions/importSetup', linkText: 'Import cohort set-up',
  }];
}

export async function dashboardData(admin?: CurrentAdmin, mayList: MayList = () => false) {
  const role = roleOf(admin);
  if (!role) return { roleLabel: '', figures: [], charts: [], alerts: [] };
  const [list, charts, todo] = await Promise.all([figures(role, mayList), Promise.all(CHARTS_BY_ROLE[role].map((name) => CHARTS[name]())), dashboardAlerts(role)]);
  return { roleLabel: ROLE_LABELS[role], figures: list, charts, alerts: todo };
}
