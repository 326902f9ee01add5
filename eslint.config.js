// npm run lint: typescript-eslint's recommended rules (those that are noise for this code base switched
// off, each with its reason), no import cycles, and the layer boundary of the domain: src/actions is
// called by the back office, the API, the portal, the CLI and jobs, and imports none of them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const UP_FROM_ACTIONS = ['admin', 'api', 'portal', 'server', 'cli'];

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
      'import-x/no-restricted-paths': ['error', {
        zones: UP_FROM_ACTIONS.map((layer) => ({
          target: './src/actions', from: `./src/${layer}`,
          message: `imports point down the layers: src/${layer} calls actions, never the other way round.`,
        })),
      }],
    },
  },
);
