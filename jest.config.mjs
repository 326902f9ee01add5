// Tests run against real PostgreSQL (embedded): global-setup migrates a template database once,
// and each test file gets its own copy (test/setup-db.ts).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: './test/global-setup.mjs',
  globalTeardown: './test/global-teardown.mjs',
  setupFiles: ['./test/quiet-logs.ts'],
  setupFilesAfterEnv: ['./test/setup-db.ts'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Most test time waits on PostgreSQL and the browser: a third worker keeps two cores busy.
  maxWorkers: 3,
  testTimeout: 60_000,
};
