// npm run cli -- statements:mark-payable: the daily step, run by hand.
import { systemContext } from '../../actions/actor.js';
import { markStatementsPayable } from '../../actions/statements/mark-statements-payable.js';
import type { CliCommand } from '../command.js';

export const statementsMarkPayable: CliCommand = {
  name: 'statements:mark-payable',
  summary: 'Make open statements whose milestone cut off date has passed payable, with their eligible declarations',
  async run(_args, out) {
    const { statements } = await markStatementsPayable(systemContext('CLI statements:mark-payable'));
    for (const s of statements) out.say(`${s.name} (${s.id}): payable, ${s.declarationsMadePayable} declaration(s) made payable`);
    out.say(statements.length ? `${statements.length} statement(s) made payable.` : 'No statements were due.');
    return { statements };
  },
};
