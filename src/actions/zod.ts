// The shared input types live in src/rules/zod.ts, below the reports that parse with them too; the actions keep importing them from here.
export * from '../rules/zod.js';
