import { beforeEach, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { findCohortOverview } from '../../../src/actions/cohorts/find-cohort-overview.js';
import { importCohortSetup } from '../../../src/actions/cohorts/import-cohort-setup.js';
import { createLeadProvider, userContext } from '../../support/factories.js';
import { emptySetupTables, fixtureFiles } from './cohort-setup-files.js';

beforeEach(emptySetupTables);

describe('findCohortOverview', () => {
  it("lists a cohort's lead providers, contracts with their bands, schedules with their milestone counts and statements", async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    await createLeadProvider({ name: 'Capita' });
    await importCohortSetup(userContext('policy'), { files: fixtureFiles(), mode: 'apply' });
    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2027 } });

    const overview = await findCohortOverview(cohort.id, { withContracts: true });

    expect(overview).toEqual({
      leadProviders: [{ name: 'Ambition Institute' }],
      contracts: [
        {
          leadProvider: 'Ambition Institute',
          version: '0.0.1',
          recruitmentTarget: 4600,
          revisedTarget: 4790,
          setUpFee: '0',
          monthlyServiceFee: '0',
          upliftTarget: '0.44',
          upliftAmount: '200',
          bands: [
            { min: 0, max: 2000, perParticipant: '91', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
            { min: 2001, max: 4000, perParticipant: '200', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
            { min: 4001, max: 4600, perParticipant: '300', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
            { min: 4601, max: 4790, perParticipant: '400', outputPaymentPercentage: 100, serviceFeePercentage: 0 },
          ],
        },
      ],
      mentorContracts: [{ leadProvider: 'Ambition Institute', version: '0.0.1', recruitmentTarget: 4600, paymentPerParticipant: '1000' }],
      schedules: [{ name: 'ECF Standard September', identifier: 'ecf-standard-september', type: 'ecf', milestones: 1 }],
      statements: [{ name: 'September 2027', leadProvider: 'Ambition Institute', deadlineDate: '2027-09-01', paymentDate: '2027-11-25', state: 'open' }],
    });
  });

  it('leaves the contracts out for readers who may not see them', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    await importCohortSetup(userContext('policy'), { files: fixtureFiles(), mode: 'apply' });
    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2027 } });

    const overview = await findCohortOverview(cohort.id, { withContracts: false });

    expect(overview).toMatchObject({ contracts: null, mentorContracts: null, leadProviders: [{ name: 'Ambition Institute' }] });
    expect(overview.statements).toHaveLength(1);
  });
});
