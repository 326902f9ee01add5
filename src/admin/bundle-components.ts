// Bundles our React components at start-up. AdminJS itself bundles only in production and otherwise
// expects a file watcher; a one-off build serves both. The bundle is reused while the components are
// unchanged (a content hash beside it), so a restart does not pay for rollup again. ADMIN_JS_SKIP_BUNDLE=true
// skips this when a build step has already produced the bundle.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type AdminJS from 'adminjs';
import { ADMIN_JS_TMP_DIR, COMPONENTS_OUTPUT_PATH, componentsBundler, generateUserComponentEntry } from 'adminjs/bundler';

function componentsHash(admin: AdminJS, entry: string): string {
  const hash = createHash('sha256').update(entry);
  const files = Object.values(admin.componentLoader.getComponents()).sort();
  for (const file of files) {
    // The loader keeps paths without their extension.
    const source = ['', '.tsx', '.ts', '.jsx', '.js'].map((ext) => file + ext).find((candidate) => existsSync(candidate));
    hash.update(file).update(source ? readFileSync(source) : '');
  }
  return hash.digest('hex');
}

export async function bundleComponents(admin: AdminJS): Promise<void> {
  if (process.env.ADMIN_JS_SKIP_BUNDLE === 'true') return;
  const entry = generateUserComponentEntry(admin, ADMIN_JS_TMP_DIR);
  const stamp = path.join(ADMIN_JS_TMP_DIR, 'components.sha256');
  const hash = componentsHash(admin, entry);
  if (existsSync(COMPONENTS_OUTPUT_PATH) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  await componentsBundler.createEntry({ content: entry });
  await componentsBundler.build();
  writeFileSync(stamp, hash);
}
