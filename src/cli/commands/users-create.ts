import { randomBytes } from 'node:crypto';
import { systemContext } from '../../actions/actor.js';
import { createUser } from '../../actions/users/create-user.js';
import { requireOption, type CliCommand } from '../command.js';

export const usersCreate: CliCommand = {
  name: 'users:create',
  summary: 'Create a back-office user (prints a generated password unless --password is given)',
  usage: '--email E --role admin|super_user|support|finance|policy [--name "Full Name"] [--password P]',
  async run(args, out) {
    const email = requireOption(args, 'email');
    const generated = args.options.password ? undefined : randomBytes(12).toString('base64url');
    const user = await createUser(systemContext('cli'), {
      email,
      role: requireOption(args, 'role'),
      fullName: args.options.name ?? email.split('@')[0],
      password: args.options.password ?? generated,
    });
    out.say(`Created ${user.role} ${user.email}.`);
    if (generated) out.say(`Password: ${generated}`);
    return { id: user.id, email: user.email, role: user.role, ...(generated ? { password: generated } : {}) };
  },
};
