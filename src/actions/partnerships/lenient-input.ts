// Lenient input lives in src/rules/lenient-input.ts, below the reports that use it too; the actions keep importing it from here.
export * from '../../rules/lenient-input.js';
