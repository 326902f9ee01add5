// Bundles our React components once at start-up. AdminJS itself bundles only in production and
// otherwise expects a file watcher; a one-off build serves both (set ADMIN_JS_SKIP_BUNDLE=true when a
// build step has already produced the bundle).
import type AdminJS from 'adminjs';
import { ADMIN_JS_TMP_DIR, componentsBundler, generateUserComponentEntry } from 'adminjs/bundler';

export async function bundleComponents(admin: AdminJS): Promise<void> {
  if (process.env.ADMIN_JS_SKIP_BUNDLE === 'true') return;
  await componentsBundler.createEntry({ content: generateUserComponentEntry(admin, ADMIN_JS_TMP_DIR) });
  await componentsBundler.build();
}
