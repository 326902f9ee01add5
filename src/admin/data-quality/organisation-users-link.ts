// "Users" on a lead provider's, delivery partner's or appropriate body's page: the people who act for it
// (its portal roles), where support add, edit and disable them.
import { filteredListLink } from '../filtered-list-link.js';

const USER_READERS = ['admin', 'super_user', 'support'] as const;

export const organisationUsersLink = (filter: 'leadProvider' | 'deliveryPartner' | 'appropriateBody') =>
  filteredListLink({ resourceId: 'PortalRole', readers: USER_READERS, icon: 'Users', filters: (id) => ({ [filter]: id }) });
