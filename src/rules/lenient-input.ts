// Lead providers send anything: blank, numbers, malformed ids. The partnership, participant and declaration
// actions accept it all and answer with the API's own messages. Values are taken as the DfE's Rails
// controllers take them (params.permit of scalar attributes): a number or boolean is its text, an array or
// object is dropped as if absent, and a present value is compared exactly as sent, spaces and all (" other"
// is not a valid reason); only a blank one counts as missing (Rails's `presence`).
import { z } from 'zod';

/** Any scalar value as its text, exactly as sent; undefined when absent, blank, an array or an object. */
export const LenientText = z
  .unknown()
  .transform((v) => (v === null || v === undefined || typeof v === 'object' ? undefined : String(v).trim() === '' ? undefined : String(v)))
  .optional();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be looked up as an id at all (PostgreSQL rejects malformed uuids outright). */
export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);
