// Staff pages load AdminJS's production scripts even when NODE_ENV is not production (the demo, tests):
// the development builds are five to ten times the size (26 MB in all) and render several times slower.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startBackOffice, type BackOffice } from '../support/back-office.js';

let app: BackOffice;
beforeAll(async () => {
  app = await startBackOffice();
});
afterAll(() => app.close());

it.each(['app.bundle.js', 'global.bundle.js', 'design-system.bundle.js'])('serves the production build of %s', async (bundle) => {
  expect(process.env.NODE_ENV).not.toBe('production');
  const response = await fetch(`${app.url}/admin/frontend/assets/${bundle}`);
  expect(response.status).toBe(200);
  const script = await response.text();
  expect(script.length).toBeLessThan(2_500_000);
  expect(script).not.toContain('react.development');
});
