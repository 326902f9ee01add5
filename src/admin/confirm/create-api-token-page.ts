// "Create API token" on a lead provider's page: the token is shown on the next screen, once; only its
// hash is kept, so it cannot be shown again.
import { createApiToken } from '../../actions/api-tokens/create-api-token.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from './confirm-action.js';

export const createApiTokenPage: ConfirmActionOptions = {
  permission: 'api_tokens.manage',
  icon: 'Key',
  async load(_ctx, id) {
    const leadProvider = await db().leadProvider.findUniqueOrThrow({ where: { id } });
    const inUse = await db().apiToken.count({ where: { cpdLeadProviderId: leadProvider.cpdLeadProviderId, revokedAt: null } });
    return {
      heading: 'Create an API token',
      rows: [
        ['Lead provider', leadProvider.name],
        ['Tokens in use', String(inUse)],
      ],
      blockers: [],
      warning: 'The token is shown once, on the next screen. Give it to the lead provider securely; revoke it under Access › API tokens.',
      fields: [{ name: 'description', label: 'What the token is for (for example, the system that will use it)', type: 'textarea' }],
      submitLabel: 'Create token',
      noCheckStep: true,
    };
  },
  async submit(ctx, id, form) {
    const created = await createApiToken(ctx, { leadProviderId: id, description: form.description });
    return {
      message: 'API token created',
      outcome: {
        heading: 'API token created',
        rows: [
          ['Lead provider', created.leadProviderName],
          ['Token', created.token],
        ],
        blockers: [],
        warning: 'Copy the token now: it is not stored and will not be shown again.',
        fields: [],
        submitLabel: '',
        done: true,
      },
    };
  },
};
