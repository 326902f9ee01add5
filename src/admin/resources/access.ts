import { revokeApiToken } from '../../actions/api-tokens/revoke-api-token.js';
import { addPortalUser } from '../../actions/portal/add-portal-user.js';
import { updatePortalUser } from '../../actions/portal/update-portal-user.js';
import { createUser } from '../../actions/users/create-user.js';
import { updateUser } from '../../actions/users/update-user.js';
import { bulkAction } from '../bulk/bulk-action.js';
import { disablePortalUsers } from '../bulk/disable-portal-users.js';
import { revokeApiTokens } from '../bulk/revoke-api-tokens.js';
import { nav } from '../navigation.js';
import { recordAction } from '../record-action.js';
import { defineResource } from './define-resource.js';

const hidden = { isVisible: false };
const formOnly = { isVisible: { list: false, filter: false, show: false, edit: true } };

export const accessResources = () => [
  defineResource({
    model: 'User', table: 'users', navigation: nav.access, readers: 'users.manage', titleProperty: 'email', searchColumns: ['fullName'],
    list: ['email', 'fullName', 'role', 'disabledAt', 'lastSignedInAt'], filter: ['email', 'role'],
    show: ['email', 'fullName', 'role', 'disabledAt', 'lastSignedInAt', 'createdAt', 'updatedAt'],
    create: { permission: 'users.manage', operation: createUser, properties: ['email', 'fullName', 'role', 'password'] },
    edit: { permission: 'users.manage', operation: updateUser, properties: ['fullName', 'role', 'reason', 'password'] },
    properties: {
      passwordHash: hidden,
      password: { ...formOnly, type: 'password', description: 'At least 12 characters. Leave blank to keep the current password.' },
      email: { isRequired: true },
      reason: { ...formOnly, type: 'textarea', description: 'Why the role changes (required when it does; kept in the audit log). Only a super user can grant or remove the super user role.' },
    },
    actions: {
      disable: recordAction({
        permission: 'users.manage', operation: updateUser, input: (id) => ({ id, disabled: true }), icon: 'UserX',
        confirmLabel: 'Disable user', consequences: ['They cannot sign in to the back office; a session they have open ends.', 'Recorded in the audit log with your name.'],
        success: 'User disabled.',
        isVisible: ({ record }) => !record?.params.disabledAt,
      }),
      enable: recordAction({
        permission: 'users.manage', operation: updateUser, input: (id) => ({ id, disabled: false }), icon: 'UserCheck',
        confirmLabel: 'Enable user', consequences: ['They can sign in to the back office again with their role.'], success: 'User enabled.',
        isVisible: ({ record }) => !!record?.params.disabledAt,
      }),
    },
  }),
  defineResource({
    model: 'ApiToken', table: 'api_tokens', navigation: nav.access, readers: 'api_tokens.manage', titleProperty: 'description',
    list: ['cpdLeadProvider', 'description', 'lastUsedAt', 'revokedAt', 'createdAt'], filter: ['cpdLeadProvider'],
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: { hashedToken: hidden },
    // New tokens are made from the lead provider's page ("Create API token"), where the token is shown once.
    actions: {
      revoke: recordAction({
        permission: 'api_tokens.manage', operation: revokeApiToken, input: (id) => ({ id }), icon: 'Slash',
        confirmLabel: 'Revoke token', consequences: ["The lead provider's system is refused from its next request with this token.", 'A revoked token cannot be used again: they need a new one.'],
        success: 'Token revoked.',
        isVisible: ({ record }) => !record?.params.revokedAt,
      }),
      revokeApiTokens: bulkAction(revokeApiTokens),
    },
  }),
  defineResource({
    model: 'PortalUser', table: 'portal_users', navigation: nav.access, readers: 'portal_users.manage', titleProperty: 'email',
    searchColumns: ['fullName'], list: ['email', 'fullName', 'disabledAt', 'createdAt'],
    // Adding a person who already exists gives them the extra organisation.
    create: { permission: 'portal_users.manage', operation: addPortalUser, properties: ['email', 'fullName', 'deliveryPartnerId', 'appropriateBodyId', 'leadProviderId'] },
    edit: { permission: 'portal_users.manage', operation: updatePortalUser, properties: ['email', 'fullName'] },
    properties: {
      deliveryPartnerId: { ...formOnly, type: 'reference', reference: 'DeliveryPartner', description: 'The delivery partner whose participants they may see' },
      appropriateBodyId: { ...formOnly, type: 'reference', reference: 'AppropriateBody', description: 'Or: the appropriate body they act for' },
      leadProviderId: { ...formOnly, type: 'reference', reference: 'LeadProvider', description: "Or: the lead provider whose emails they receive" },
    },
    actions: {
      disable: recordAction({
        permission: 'portal_users.manage', operation: updatePortalUser, input: (id) => ({ id, disabled: true }), icon: 'UserX',
        confirmLabel: 'Disable portal user', consequences: ['They cannot sign in to the check data portal.', 'They get no more emails for their organisations.'],
        success: 'Portal user disabled.',
        isVisible: ({ record }) => !record?.params.disabledAt,
      }),
      enable: recordAction({
        permission: 'portal_users.manage', operation: updatePortalUser, input: (id) => ({ id, disabled: false }), icon: 'UserCheck',
        confirmLabel: 'Enable portal user', consequences: ['They can sign in to the check data portal and get emails for their organisations again.'], success: 'Portal user enabled.',
        isVisible: ({ record }) => !!record?.params.disabledAt,
      }),
      disablePortalUsers: bulkAction(disablePortalUsers),
    },
  }),
  defineResource({
    model: 'PortalRole', table: 'portal_roles', navigation: nav.access, readers: 'portal_users.manage', titleProperty: 'id',
    list: ['portalUser', 'deliveryPartner', 'appropriateBody', 'leadProvider', 'createdAt'], filter: ['portalUser', 'deliveryPartner', 'appropriateBody', 'leadProvider'],
  }),
];
