/** A setting that stops the app from starting; its message says what to set. */
export class ConfigError extends Error {}
