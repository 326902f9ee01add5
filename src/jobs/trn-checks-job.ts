// Daily: manual TRN checks waiting to be sent become tickets (through the adapter TRN_CHECK_ADAPTER
// names), and open tickets are asked for their answers, which update the teachers' TRNs. A ticket the
// adapter could not raise or read is listed and tried again next time, never fatal for the others.
import { systemContext } from '../actions/actor.js';
import { markTrnCheckSent } from '../actions/trn-checks/mark-trn-check-sent.js';
import { recordTrnCheckAnswer } from '../actions/trn-checks/record-trn-check-answer.js';
import { db } from '../db/client.js';
import { NoArgs, type ScheduledJob } from './scheduled-job.js';
import { ticketAdapterFromEnv } from './trn-checks/ticket-adapter.js';

export type TrnChecksJobOutput = {
  adapter: string;
  sent: number;
  polled: number;
  answered: number;
  problems: { trnCheckRequestId: string; message: string }[];
};

const ctx = systemContext('trn-checks job');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const trnChecksJob: ScheduledJob<NoArgs> = {
  name: 'trn-checks',
  label: 'Manual TRN checks',
  description: 'Sends new manual TRN check requests as tickets to the TRA and collects the answers of open tickets.',
  schedule: { env: 'JOB_TRN_CHECKS_CRON', default: '0 6 * * *' },
  args: NoArgs,
  summarise: (output) => {
    const { sent, polled, answered, problems } = output as TrnChecksJobOutput;
    const trouble = problems.length ? `; ${problems.length} problem(s), first: ${problems[0].message}` : '';
    return `${sent} sent, ${polled} open ticket(s) checked, ${answered} answered${trouble}`;
  },
  async run({ progress, signal }) {
    const adapter = ticketAdapterFromEnv();
    const toSend = await db().trnCheckRequest.findMany({ where: { state: 'requested' }, orderBy: { createdAt: 'asc' } });
    const open = await db().trnCheckRequest.findMany({ where: { state: 'open', adapter: adapter.name }, orderBy: { sentAt: 'asc' }, select: { id: true, ticketId: true } });
    await progress.setTotal(toSend.length + open.length);
    const output: TrnChecksJobOutput = { adapter: adapter.name, sent: 0, polled: 0, answered: 0, problems: [] };

    for (const request of toSend) {
      signal.throwIfAborted();
      try {
        const ticketId = await adapter.createTicket(request);
        await markTrnCheckSent(ctx, { trnCheckRequestId: request.id, adapter: adapter.name, ticketId });
        output.sent++;
      } catch (error) {
        output.problems.push({ trnCheckRequestId: request.id, message: `Not sent: ${messageOf(error)}` });
      }
      await progress.advance();
    }

    for (const { id, ticketId } of open) {
      signal.throwIfAborted();
      // An answer for the same teacher's other profile may have closed it meanwhile.
      const still = await db().trnCheckRequest.count({ where: { id, state: 'open' } });
      if (!still) { await progress.advance(); continue; }
      try {
        const answer = await adapter.pollTicket(ticketId!);
        output.polled++;
        await db().trnCheckRequest.update({ where: { id }, data: { lastPolledAt: new Date() } });
        if (answer) {
          await recordTrnCheckAnswer(ctx, { trnCheckRequestId: id, ticketId, ...answer });
          output.answered++;
        }
      } catch (error) {
        output.problems.push({ trnCheckRequestId: id, message: `Ticket ${ticketId} not read: ${messageOf(error)}` });
      }
      await progress.advance();
    }
    return output;
  },
};
