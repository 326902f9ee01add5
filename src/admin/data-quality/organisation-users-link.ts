// "Users" on a lead provider's, delivery partner's or appropriate body's page: the people who act for it
// (its portal roles), where support add, edit and disable them.
import { filteredListLink } from '../filtered-list-link.js';

export const organisationUsersLink = (filter: 'leadProvider' | 'deliveryPartner' | 'appropriateBody') =>
  filteredListLink({ resourceId: 'PortalRole', readers: 'portal_users.manage', icon: 'Users', filters: (id) => ({ [filter]: id }) });
