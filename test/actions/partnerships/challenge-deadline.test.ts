import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { challengeDeadline } from '../../../src/actions/partnerships/challenge-deadline.js';
import { createPartnership } from '../../../src/actions/partnerships/create-partnership.js';
import { createReportWorld } from './world.js';

const at = (iso: string) => new Date(iso);

// The partnerships documentation's rule (a deliberate difference: README, "Where we differ"): the later of 14 days after reporting and the academic year start + 14 days.
// [reported at, cohort's academic year start, deadline]
const cases: [string, string, string][] = [
  ['2023-05-01T10:00:00Z', '2023-09-01', '2023-09-15T00:00:00Z'], // before the year starts: year start + 14 days
  ['2023-09-01T00:00:00Z', '2023-09-01', '2023-09-15T00:00:00Z'], // on the first day: both rules agree
  ['2023-09-02T08:30:00Z', '2023-09-01', '2023-09-16T08:30:00Z'], // a day later: 14 days after reporting wins
  ['2023-10-25T10:00:00Z', '2023-09-01', '2023-11-08T10:00:00Z'], // well into the year
  ['2023-05-01T10:00:00Z', '2022-09-01', '2023-05-15T10:00:00Z'], // an earlier cohort: 14 days after reporting
];

describe('challengeDeadline', () => {
  it.each(cases)('reported %s, academic year starting %s: %s', (reported, yearStart, deadline) => {
    expect(challengeDeadline(at(reported), at(`${yearStart}T00:00:00Z`)).toISOString()).toBe(at(deadline).toISOString());
  });
});

describe('createPartnership sets the challenge deadline', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  // Only Date is faked: the database driver's timers keep running.
  const freezeDateAt = (iso: string) =>
    jest.useFakeTimers({
      now: at(iso),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });

  it('to the academic year start + 14 days when reported in May', async () => {
    const world = await createReportWorld(2023);
    freezeDateAt('2023-05-01T10:00:00Z');
    const partnership = await createPartnership(world.api, world.body);
    expect(partnership.challengeDeadline?.toISOString()).toBe('2023-09-15T00:00:00.000Z');
  });

  it('to 14 days after reporting when reported in October', async () => {
    const world = await createReportWorld(2023);
    freezeDateAt('2023-10-25T10:00:00Z');
    const partnership = await createPartnership(world.api, world.body);
    expect(partnership.challengeDeadline?.toISOString()).toBe('2023-11-08T10:00:00.000Z');
  });
});
