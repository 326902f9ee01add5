// The checksum the migration runner records for each applied SQL file (migrations, read models).
import { createHash } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** sha256 of the file, as Prisma records it, with a Windows checkout's CRLF line ends read as LF. */
export const checksumOf = (sql: string): string => sha256(sql.replace(/\r\n/g, '\n'));
