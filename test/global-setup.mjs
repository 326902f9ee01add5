// Jest loads global set-up without its module mapper, so tsx compiles the TypeScript set-up here.
import { register } from 'tsx/esm/api';

export default async function globalSetup() {
  register();
  const { default: setup } = await import('./support/global-setup.ts');
  await setup();
}
