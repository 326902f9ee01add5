// The slow test files: they drive a real browser, start the app as its own process (`npm start`, two
// apps at once) or fuzz the importers. `npm run test:fast` leaves them out; `npm test` and CI run all.
// `seconds` is each file's time in the last clean-clone CI run (3 workers on 2 cores): the test
// sequencer (test/slowest-first-sequencer.cjs) starts the longest first, as a clean clone has no
// timings of its own.
export const SLOW_TEST_FILES = {
  'test/browser/back-office.test.ts': 300,
  'test/browser/role-navigation.test.ts': 145,
  'test/browser/operations-pages.test.ts': 140,
  'test/browser/finance-statements.test.ts': 135,
  'test/browser/partnerships.test.ts': 125,
  'test/jobs/two-app-processes.test.ts': 120,
  'test/browser/single-sign-on.test.ts': 115,
  'test/browser/participant-support.test.ts': 105,
  'test/browser/pupil-premium-page.test.ts': 90,
  'test/browser/cohort-setup-page.test.ts': 90,
  'test/fuzz/import-fuzzing.test.ts': 70,
  'test/browser/api-tokens-page.test.ts': 70,
  'test/browser/own-assets-only.test.ts': 55,
  'test/browser/change-cohort.test.ts': 45,
  'test/browser/frozen-cohort-moves-page.test.ts': 40,
  'test/server/npm-start-signals.test.ts': 40,
  'test/browser/merge-duplicates.test.ts': 40,
  'test/browser/maintenance-confirmation.test.ts': 40,
  'test/security/back-office-http.test.ts': 35,
  'test/server/graceful-shutdown.test.ts': 17,
  'test/security/database-down.test.ts': 15,
  'test/server/request-logs.test.ts': 14,
};

/** Every browser test and every fuzzing test is slow, even one not yet timed above. */
const SLOW_FOLDERS = ['test/browser/', 'test/fuzz/'];
const slowFiles = Object.keys(SLOW_TEST_FILES).filter((file) => !SLOW_FOLDERS.some((folder) => file.startsWith(folder)));

/** The slow project's testMatch globs. */
export const SLOW_TEST_GLOBS = [...SLOW_FOLDERS.map((folder) => `<rootDir>/${folder}**/*.test.ts`), ...slowFiles.map((file) => `<rootDir>/${file}`)];

/** The same files as path patterns, for the fast project's testPathIgnorePatterns. */
export const SLOW_TEST_PATH_PATTERNS = [...SLOW_FOLDERS, ...slowFiles].map((path) => `/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
