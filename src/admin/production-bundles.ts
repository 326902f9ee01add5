// AdminJS serves the development builds of its browser bundles unless NODE_ENV=production: 15 MB of
// script with React in development mode (26 MB with the design system), parsed afresh by every new browser session and several times
// slower to render. Staff get the production builds however the server was started (the demo included);
// our own components bundle (bundle-components.ts) is unaffected.
import { existsSync } from 'node:fs';

export interface AdminAsset {
  path: string;
  src: string;
}

export function withProductionBundles<T extends AdminAsset>(assets: T[]): T[] {
  return assets.map((asset) => {
    const production = asset.src.replace(/\.development\.js$/, '.production.js');
    return production !== asset.src && existsSync(production) ? { ...asset, src: production } : asset;
  });
}
