// ActionError and the plain refusal of input live in src/rules/action-error.ts, below the reports that raise them too;
// the actions keep importing them from here.
export * from '../rules/action-error.js';
