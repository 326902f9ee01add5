// Keeps the embedded PostgreSQL up in the foreground (for `prisma` commands and psql while developing).
import { openDatabase } from '../src/db/database.js';
const handle = await openDatabase();
console.log(`PostgreSQL ready: ${handle.url}`);
process.on('SIGINT', () => void handle.release().then(() => process.exit(0)));
process.on('SIGTERM', () => void handle.release().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
