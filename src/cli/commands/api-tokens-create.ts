// npm run cli -- api-tokens:create --lead-provider NAME [--description TEXT] [--json]
import { systemContext } from '../../actions/actor.js';
import { createApiToken } from '../../actions/api-tokens/create-api-token.js';
import { notFound } from '../../actions/errors.js';
import { db } from '../../db/client.js';
import { requireOption, type CliCommand } from '../command.js';

export const apiTokensCreate: CliCommand = {
  name: 'api-tokens:create',
  summary: "Create a lead provider's API token (printed once; only its hash is kept)",
  usage: '--lead-provider NAME [--description TEXT]',
  rawJson: true,
  async run(args, out) {
    const name = requireOption(args, 'lead-provider');
    const leadProvider = await db().leadProvider.findUnique({ where: { name }, select: { id: true } });
    if (!leadProvider) throw notFound(`Lead provider "${name}"`);
    const created = await createApiToken(systemContext('cli'), { leadProviderId: leadProvider.id, description: args.options.description });
    out.say(`Created an API token for ${created.leadProviderName}. It is shown this once; keep it safe:`);
    out.say(created.token);
    return { token: created.token };
  },
};
