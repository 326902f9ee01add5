// The home page's data per role: which charts each role sees, and that the SQL aggregates count what
// a person would count by hand.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import { Prisma } from '@prisma/client';
import type { CurrentAdmin } from 'adminjs';
import { db } from '../../src/db/client.js';
import { dashboardData } from '../../src/admin/dashboard.js';
import type { DashboardChart } from '../../src/reports/dashboard/dashboard-charts.js';
import {
  createCohort, createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createPartnership, createSchool,
  createDeliveryPartner, createStatement,
} from '../support/factories.js';

const admin = (role: Role) => ({ email: `${role}@example.com`, role }) as unknown as CurrentAdmin;
const now = new Date();
const monthsAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 15));
const monthLabel = (d: Date) => d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

let leadProviderName: string;

beforeAll(async () => {
  const world2024 = await createParticipantWorld(2024);
  const cohort2025 = await createCohort(2025);
  const world2025 = await createParticipantWorld(2025, { leadProvider: world2024.leadProvider, deliveryPartner: world2024.deliveryPartner });
  leadProviderName = world2024.leadProvider.name;
  await db().leadProviderCohort.create({ data: { leadProviderId: world2024.leadProvider.id, cohortId: cohort2025.id } });

  const active = await createParticipant(world2024);
  await createParticipant(world2024, { profile: { trainingStatus: 'deferred' } });
  await createParticipant(world2024, { profile: { trainingStatus: 'withdrawn' } });
  await createParticipant(world2024, { profile: { archivedAt: new Date() } });
  await createParticipant(world2025);

  await createDeclaration(active, world2024.leadProvider, { declarationDate: monthsAgo(1) });
  await createDeclaration(active, world2024.leadProvider, { declarationType: 'retained_1', declarationDate: monthsAgo(1) });
  await createDeclaration(active, world2024.leadProvider, { declarationType: 'retained_2', declarationDate: monthsAgo(3), state: 'voided' });
  await createDeclaration(active, world2024.leadProvider, { declarationType: 'retained_3', declarationDate: monthsAgo(30) });

  // 2025: one confirmed partnership from the world, one pending, one challenged.
  await createPartnership({ school: await createSchool(), leadProvider: world2024.leadProvider, deliveryPartner: world2025.deliveryPartner, cohort: cohort2025 }, { pending: true });
  await createPartnership({ school: await createSchool(), leadProvider: world2024.leadProvider, deliveryPartner: await createDeliveryPartner(), cohort: cohort2025 }, { challengedAt: new Date(), challengeReason: 'mistake' });
  await createLeadProvider({ name: `Quiet Provider ${Date.now()}` });

  const paidMonth = monthsAgo(2);
  const statementA = await createStatement(world2024.leadProvider, world2024.cohort, { paymentDate: paidMonth });
  const statementB = await createStatement(world2024.leadProvider, cohort2025, { paymentDate: paidMonth });
  await createStatement(world2024.leadProvider, cohort2025, { paymentDate: monthsAgo(1) });
  await db().statementSnapshot.create({ data: { statementId: statementA.id, total: new Prisma.Decimal('1000.10'), result: {}, calculatedAt: new Date(Date.now() - 60_000) } });
  await db().statementSnapshot.create({ data: { statementId: statementA.id, total: new Prisma.Decimal('1200.25'), result: {} } });
  await db().statementSnapshot.create({ data: { statementId: statementB.id, total: new Prisma.Decimal('99.99'), result: {} } });
});

const chart = (charts: DashboardChart[], id: string) => charts.find((c) => c.id === id)!;
const valuesOf = (c: DashboardChart, label: string) => c.series.find((s) => s.label === label)?.values;

describe('the dashboard', () => {
  it('shows each role the charts for its work', async () => {
    const ids = async (role: Role) => (await dashboardData(admin(role))).charts.map((c) => c.id);
    expect(await ids('admin')).toEqual(['participants-by-cohort', 'declarations-per-month', 'partnerships-per-lead-provider']);
    expect(await ids('super_user')).toEqual(['participants-by-cohort', 'declarations-per-month', 'partnerships-per-lead-provider']);
    expect(await ids('finance')).toEqual(['statement-totals-per-month', 'declarations-per-month', 'participants-by-cohort']);
    expect(await ids('support')).toEqual(['participants-by-cohort', 'partnerships-per-lead-provider']);
    expect(await ids('policy')).toEqual(['participants-by-cohort', 'partnerships-per-lead-provider']);
    expect(await dashboardData(undefined)).toEqual({ roleLabel: '', figures: [], charts: [], alerts: [] });
  });

  it('counts participants by cohort and training status, archived ones left out', async () => {
    const participants = chart((await dashboardData(admin('admin'))).charts, 'participants-by-cohort');
    expect(participants.labels).toEqual(['2024', '2025']);
    expect(participants.series).toEqual([
      { label: 'Active', values: [1, 1] },
      { label: 'Deferred', values: [1, 0] },
      { label: 'Withdrawn', values: [1, 0] },
    ]);
  });

  it('counts declarations per month for the last 24 months per lead provider, voided ones left out', async () => {
    const declarations = chart((await dashboardData(admin('finance'))).charts, 'declarations-per-month');
    expect(declarations.labels).toHaveLength(24);
    expect(declarations.labels.at(-1)).toBe(monthLabel(now));
    const values = valuesOf(declarations, leadProviderName)!;
    expect(values[declarations.labels.indexOf(monthLabel(monthsAgo(1)))]).toBe(2);
    expect(values[declarations.labels.indexOf(monthLabel(monthsAgo(3)))]).toBe(0);
    expect(values.reduce((a, b) => Number(a) + Number(b), 0)).toBe(2);
  });

  it('counts the current cohort’s partnerships per lead provider, challenged ones left out, providers without any shown at 0', async () => {
    const partnerships = chart((await dashboardData(admin('support'))).charts, 'partnerships-per-lead-provider');
    expect(partnerships.title).toBe('Partnerships per lead provider, 2025 cohort');
    const at = partnerships.labels.indexOf(leadProviderName);
    expect(valuesOf(partnerships, 'Confirmed')![at]).toBe(1);
    expect(valuesOf(partnerships, 'Pending')![at]).toBe(1);
    const quiet = partnerships.labels.findIndex((l) => l.startsWith('Quiet Provider'));
    expect(valuesOf(partnerships, 'Confirmed')![quiet]).toBe(0);
  });

  it('gives finance each payment month’s statement totals from the latest calculation, in exact pounds', async () => {
    const totals = chart((await dashboardData(admin('finance'))).charts, 'statement-totals-per-month');
    expect(totals.unit).toBe('pounds');
    const values = valuesOf(totals, leadProviderName)!;
    expect(values[totals.labels.indexOf(monthLabel(monthsAgo(2)))]).toBe('1300.24');
    expect(values[totals.labels.indexOf(monthLabel(monthsAgo(1)))]).toBe('0.00');
    expect(totals.note).toBe('1 statement(s) in these months have no calculation stored yet (the nightly statements job calculates open statements).');
  });
});
