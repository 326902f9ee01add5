// Appropriate bodies from the DfE's list (seeds/data/appropriate_bodies.csv), as its importer loads them.
import type { AppropriateBodyType, Prisma } from '@prisma/client';
import { readSeedFile } from '../lib/seed-files.js';
import { utcDate } from '../lib/dates.js';
import { stableId, type Random } from '../lib/random.js';

export interface AppropriateBodyInfo {
  id: string;
  name: string;
  bodyType: AppropriateBodyType;
  disableFromYear: number | null;
}

export interface AppropriateBodies {
  list: AppropriateBodyInfo[];
  rows: Prisma.AppropriateBodyCreateManyInput[];
}

/** The DfE's importer stops NTA being chosen from 2023. */
const DISABLED_FROM: Record<string, number> = { 'National Teacher Accreditation (NTA)': 2023 };
const BODY_TYPES: readonly AppropriateBodyType[] = ['local_authority', 'teaching_school_hub', 'national'];

export function buildAppropriateBodies(): AppropriateBodies {
  const result: AppropriateBodies = { list: [], rows: [] };
  const seen = new Set<string>();
  for (const row of readSeedFile('appropriate_bodies.csv', ['name', 'type'])) {
    const name = row.get('name');
    const bodyType = row.get('type') as AppropriateBodyType;
    if (!BODY_TYPES.includes(bodyType)) throw new Error(`appropriate_bodies.csv line ${row.line}: unknown type "${bodyType}"`);
    if (seen.has(`${bodyType}:${name}`)) continue;
    seen.add(`${bodyType}:${name}`);
    const body: AppropriateBodyInfo = { id: stableId('appropriate-body', bodyType, name), name, bodyType, disableFromYear: DISABLED_FROM[name] ?? null };
    result.list.push(body);
    result.rows.push({ ...body, selectableBySchools: true, createdAt: utcDate(2021, 5, 10) });
  }
  return result;
}

/**
 * Who a school names as appropriate body in a cohort: its own local authority when that is on the list,
 * else mostly a teaching school hub, now and then a national body still open that year.
 */
export function appropriateBodyChooser(bodies: AppropriateBodies): (localAuthorityName: string, startYear: number, random: Random) => AppropriateBodyInfo {
  const byLocalAuthority = new Map(bodies.list.filter((b) => b.bodyType === 'local_authority').map((b) => [b.name.toLowerCase(), b]));
  const hubs = bodies.list.filter((b) => b.bodyType === 'teaching_school_hub');
  const nationals = bodies.list.filter((b) => b.bodyType === 'national');
  return (localAuthorityName, startYear, random) => {
    const local = byLocalAuthority.get(localAuthorityName.toLowerCase());
    const open = nationals.filter((b) => b.disableFromYear === null || startYear < b.disableFromYear);
    const kind = random.weighted([['local', local ? 40 : 0], ['hub', 54], ['national', 6]] as const);
    if (kind === 'local' && local) return local;
    if (kind === 'national' && open.length > 0) return random.pick(open);
    return random.pick(hubs);
  };
}
