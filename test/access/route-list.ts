// Every route an Express router answers, as "METHOD /path", found by walking its stack (nested routers
// included), so a test can insist that each one has an entry in its table.
import type { Router } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  name?: string;
  handle?: { stack?: Layer[] };
  regexp?: RegExp & { fast_slash?: boolean };
}

export function routesOf(router: Router, prefix = ''): string[] {
  const routes: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
    } else if (layer.name === 'router' && layer.handle?.stack) {
      routes.push(...routesOf(layer.handle as unknown as Router, prefix));
    }
  }
  return [...new Set(routes)].sort();
}
