// Lead providers send anything: blank, numbers, malformed ids. The partnership actions accept it all and
// answer with the API's own messages, so input is only trimmed here and judged by the rules.
import { z } from 'zod';

/** Any value as a trimmed string, or undefined when absent or blank. */
export const LenientText = z
  .unknown()
  .transform((v) => (v === null || v === undefined ? undefined : String(v).trim() || undefined))
  .optional();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be looked up as an id at all (PostgreSQL rejects malformed uuids outright). */
export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);
