// The slow test files: they drive a real browser, start the app as its own process (`npm start`, two
// apps at once) or fuzz the importers. `npm run test:fast` leaves them out; `npm test` and CI run all.
// `seconds` is each file's time in a whole run (3 workers on 2 cores, 2026-12-06): the test
// sequencer (test/slowest-first-sequencer.mjs) starts the longest first, as a clean clone has no
// timings of its own.
export const SLOW_TEST_FILES = {
  'test/browser/accessibility.test.ts': 86,
  'test/browser/back-office.test.ts': 77,
  'test/jobs/two-app-processes.test.ts': 68,
  'test/browser/finance-statements.test.ts': 61,
  'test/browser/operations-pages.test.ts': 50,
  'test/browser/role-navigation.test.ts': 48,
  'test/browser/partnerships.test.ts': 47,
  'test/fuzz/import-fuzzing.test.ts': 38,
  'test/browser/frozen-cohort-moves-page.test.ts': 38,
  'test/browser/participant-support.test.ts': 34,
  'test/server/npm-start-signals.test.ts': 30,
  'test/security/back-office-http.test.ts': 29,
  'test/browser/pupil-premium-page.test.ts': 29,
  'test/browser/single-sign-on.test.ts': 28,
  'test/browser/api-tokens-page.test.ts': 26,
  'test/browser/merge-duplicates.test.ts': 24,
  'test/browser/cohort-setup-page.test.ts': 23,
  'test/browser/maintenance-confirmation.test.ts': 20,
  'test/browser/own-assets-only.test.ts': 18,
  'test/browser/change-cohort.test.ts': 16,
  'test/server/graceful-shutdown.test.ts': 11,
  'test/server/request-logs.test.ts': 10,
  'test/security/database-down.test.ts': 9,
};

/** Every browser test and every fuzzing test is slow, even one not yet timed above. */
const SLOW_FOLDERS = ['test/browser/', 'test/fuzz/'];
const slowFiles = Object.keys(SLOW_TEST_FILES).filter((file) => !SLOW_FOLDERS.some((folder) => file.startsWith(folder)));

/** The slow project's testMatch globs. */
export const SLOW_TEST_GLOBS = [...SLOW_FOLDERS.map((folder) => `<rootDir>/${folder}**/*.test.ts`), ...slowFiles.map((file) => `<rootDir>/${file}`)];

/** The same files as path patterns, for the fast project's testPathIgnorePatterns. */
export const SLOW_TEST_PATH_PATTERNS = [...SLOW_FOLDERS, ...slowFiles].map((path) => `/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
