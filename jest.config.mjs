// Tests run against real PostgreSQL (embedded): global-setup migrates a template database once,
// and each test file gets its own copy (test/setup-db.ts).
// Two projects: `slow` (browser tests, the app as its own process, fuzzing: test/slow-tests.mjs) and
// `fast` (the rest). `npm test` runs both; `npm run test:fast` / `npm run test:slow` one of them.
import { SLOW_TEST_GLOBS, SLOW_TEST_PATH_PATTERNS } from './test/slow-tests.mjs';

const project = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['./test/quiet-logs.ts'],
  setupFilesAfterEnv: ['./test/setup-db.ts'],
};

export default {
  globalSetup: './test/global-setup.mjs',
  globalTeardown: './test/global-teardown.mjs',
  projects: [
    { ...project, displayName: 'fast', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...SLOW_TEST_PATH_PATTERNS] },
    { ...project, displayName: 'slow', testMatch: SLOW_TEST_GLOBS },
  ],
  testSequencer: './test/slowest-first-sequencer.mjs',
  // Most test time waits on PostgreSQL and the browser: a third worker keeps two cores busy.
  maxWorkers: 3,
  testTimeout: 60_000,
};

