// The app's JSON logs (src/logging/logger.ts) would bury jest's own output; a test that reads them sets
// LOG_LEVEL. Set before any module loads: the logger reads it once, when first imported.
process.env.LOG_LEVEL ??= 'silent';
