import { updateLeadProvider } from '../../actions/suppliers/update-lead-provider.js';
import { discardDeliveryPartner } from '../../actions/provider-relationships/discard-delivery-partner.js';
import { confirmAction } from '../confirm/confirm-action.js';
import { createApiTokenPage } from '../confirm/create-api-token-page.js';
import { organisationUsersLink } from '../data-quality/organisation-users-link.js';
import { nav } from '../navigation.js';
import { recordAction } from '../record-action.js';
import { deliveryPartnerFormAction } from '../suppliers/delivery-partner-form.js';
import { defineResource } from './define-resource.js';

export const supplierResources = () => [
  defineResource({
    model: 'LeadProvider', table: 'lead_providers', navigation: nav.suppliers, readers: 'everyone',
    list: ['name', 'vatChargeable', 'updatedAt'],
    show: ['name', 'cpdLeadProvider', 'vatChargeable', 'createdAt', 'updatedAt'],
    edit: { permission: 'suppliers.edit', operation: updateLeadProvider, properties: ['name', 'vatChargeable'] },
    sort: { sortBy: 'name', direction: 'asc' },
    actions: { users: organisationUsersLink('leadProvider'), createApiToken: confirmAction(createApiTokenPage) },
  }),
  defineResource({
    model: 'CpdLeadProvider', table: 'cpd_lead_providers', navigation: nav.suppliers, readers: 'cpd_lead_providers.read',
    list: ['name', 'createdAt'], sort: { sortBy: 'name', direction: 'asc' },
  }),
  defineResource({
    model: 'DeliveryPartner', table: 'delivery_partners', navigation: nav.suppliers, readers: 'everyone',
    list: ['name', 'discardedAt', 'updatedAt'], filter: ['name', 'discardedAt'],
    show: ['name', 'discardedAt', 'createdAt', 'updatedAt'],
    sort: { sortBy: 'name', direction: 'asc' },
    actions: {
      new: deliveryPartnerFormAction('new'),
      edit: deliveryPartnerFormAction('edit'),
      discard: recordAction({
        permission: 'suppliers.edit', operation: discardDeliveryPartner, input: (id) => ({ id }), icon: 'Trash2',
        confirmLabel: 'Discard delivery partner',
        consequences: ['The delivery partner and its provider relationships are discarded: lead providers can no longer partner schools with it.', 'They stay in the history.'],
        success: 'Delivery partner discarded.', isVisible: ({ record }) => !record?.params.discardedAt,
      }),
      users: organisationUsersLink('deliveryPartner'),
    },
  }),
  defineResource({
    model: 'ProviderRelationship', table: 'provider_relationships', navigation: nav.suppliers, readers: 'everyone',
    titleProperty: 'id',
    list: ['leadProvider', 'deliveryPartner', 'cohort', 'discardedAt'],
    filter: ['leadProvider', 'deliveryPartner', 'cohort'],
  }),
];
