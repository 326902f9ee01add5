// The "Duplicate participants" page: candidate pairs, two side by side, then a dry run and the merge.
// Everything goes through AdminJS's session-checked page API; the rules live in src/actions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, PageHandler } from 'adminjs';
import { compareParticipants } from '../../actions/participants/compare-participants.js';
import { findDuplicateParticipants } from '../../actions/participants/find-duplicate-participants.js';
import { mergeParticipants } from '../../actions/participants/merge-participants.js';
import { actorFromAdmin } from '../actor.js';
import { componentLoader } from '../components/index.js';
import { mayOpenPage } from '../page-access.js';
import { infoNotice, replyOrRefusal, successNotice, type OperationReply } from '../pages/page-operations.js';
import { roleOf } from '../rbac.js';

export const DUPLICATES_PAGE = 'duplicates';

const here = path.dirname(fileURLToPath(import.meta.url));
const component = componentLoader.add('DuplicatesPage', path.join(here, '../components/duplicates-page.tsx'));

interface PageRequest { method?: string; query?: Record<string, string | undefined>; payload?: Record<string, string | undefined> }

const handler: PageHandler = async (req: PageRequest, _res, context) => {
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, DUPLICATES_PAGE)) return { forbidden: true };
  const ctx = actorFromAdmin(context.currentAdmin);
  return replyOrRefusal(async (): Promise<OperationReply> => {
    if (req.method === 'post') {
      const p = req.payload ?? {};
      const report = await mergeParticipants(ctx, { keepTeacherId: p.keep, removeTeacherId: p.remove, reason: p.reason ?? '', dryRun: p.dryRun ?? 'false' });
      return {
        report,
        notice: report.applied
          ? successNotice('Participants merged. Every change is in the audit log.')
          : infoNotice('Dry run: this is what the merge would do. Nothing has been written.'),
      };
    }
    const { a, b, page } = req.query ?? {};
    if (a && b) return { compare: await compareParticipants(ctx, { aTeacherId: a, bTeacherId: b }) };
    return { list: await findDuplicateParticipants(ctx, { page: page ?? 1 }) };
  });
};

export const duplicatesPage: AdminPage = { component, icon: 'Users', handler };
