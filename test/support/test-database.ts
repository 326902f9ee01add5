// Where the test PostgreSQL lives; shared by global set-up and the per-file database hook.
import { embeddedUrl } from '../../src/db/embedded.js';

export const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 54339);
export const TEST_PG_DIR = `.data/test-pg-${TEST_PG_PORT}`;
export const TEMPLATE_DATABASE = 'ecf_test_template';

export const testServerUrl = (database = 'postgres') => embeddedUrl(database, TEST_PG_PORT);
