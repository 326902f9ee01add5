// ActionError lives in src/rules/action-error.ts, below the reports that raise it too; the actions keep importing it from here.
export * from '../rules/action-error.js';
