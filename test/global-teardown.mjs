import { register } from 'tsx/esm/api';

export default async function globalTeardown() {
  register();
  const { default: teardown } = await import('./support/global-teardown.ts');
  await teardown();
}
