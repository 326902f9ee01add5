// npm run lint: typescript-eslint's recommended rules (those that are noise for this code base switched
// off, each with its reason), no import cycles, and the layers of docs/architecture.md: imports point down
// only (entry points -> src/actions -> src/reports -> src/rules -> src/db), and src/actions imports no web
// framework. A shared piece two layers need lives in the lower one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const ENTRY_POINTS = ['admin', 'api', 'portal', 'server', 'cli', 'jobs'];

/** Each layer and the folders above it, which it must never import. */
const ABOVE = {
  actions: ENTRY_POINTS,
  // src/server/config-error.ts (ConfigError, raised by export storage's settings) is the one exception left.
  reports: ['actions', ...ENTRY_POINTS.filter((layer) => layer !== 'server')],
  rules: ['reports', 'actions', ...ENTRY_POINTS],
  db: ['rules', 'reports', 'actions', ...ENTRY_POINTS],
};

const LAYER_ZONES = Object.entries(ABOVE).flatMap(([layer, above]) => above.map((upper) => ({
  target: `./src/${layer}`, from: `./src/${upper}`,
  message: `imports point down the layers (docs/architecture.md): src/${upper} may use src/${layer}, never the other way round. Move what both need into the lower layer.`,
})));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.adminjs/', 'src/generated/', 'bench/results/', '**/*.d.ts', 'src/admin/dmmf.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      // Imports name the emitted .js file; the source beside it is .ts or .tsx.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      // Unused arguments are often part of a signature we must match (Express, AdminJS handlers).
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
      // Casts through `any` sit at the edges where libraries are loosely typed (AdminJS, pg rows).
      '@typescript-eslint/no-explicit-any': 'off',
      // Interfaces merged into library types (express-session's SessionData) are empty on purpose.
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // TypeScript itself reports undefined names in .ts files; plain .mjs scripts run on Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    files: ['src/actions/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'express', message: 'src/actions is the domain: no web framework here (the caller passes what the action needs).' },
          { name: 'adminjs', message: 'src/actions is the domain: AdminJS glue lives in src/admin.' },
        ],
        patterns: [{ group: ['@adminjs/*'], message: 'src/actions is the domain: AdminJS glue lives in src/admin.' }],
      }],
    },
  },
);
