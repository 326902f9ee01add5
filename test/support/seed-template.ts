// Run as a child process by test/support/seeded-database.ts: fills DATABASE_URL with the small demo seed
// (what `npm start` seeds for the browser tests) and builds the back office's component bundle, once per run.
import { bundleComponents } from '../../src/admin/bundle-components.js';
import { buildAdmin } from '../../src/admin/index.js';
import { disconnectDb } from '../../src/db/client.js';
import { seedDemo } from '../../seeds/seed-demo.js';

await seedDemo({ size: 'small' });
await bundleComponents(buildAdmin());
await disconnectDb();
