// Prisma CLI configuration. `engine: 'js'` runs the Wasm schema engine bundled in the prisma package,
// so `generate`, `validate` and `migrate diff` work offline. The app never runs the CLI: migrations
// are applied by src/db/migrate.ts, and new ones are written by scripts/new-migration.mjs.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('Set DATABASE_URL to run Prisma commands that need a database.');
    return new PrismaPg({ connectionString });
  },
});
