/** Sent in the browser when this tab switched maintenance mode, so the banner updates at once. */
export const MAINTENANCE_CHANGED = 'ecf:maintenance-changed';
