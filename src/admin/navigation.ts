// Menu groups, in the order the DfE's users think about the programme.
export const nav = {
  suppliers: { name: 'Suppliers', icon: 'Briefcase' },
  cohorts: { name: 'Cohorts', icon: 'Calendar' },
  schools: { name: 'Schools', icon: 'Home' },
  participants: { name: 'Participants', icon: 'Users' },
  finance: { name: 'Finance', icon: 'DollarSign' },
  access: { name: 'Access', icon: 'Key' },
  operations: { name: 'Operations', icon: 'Activity' },
} as const;

export type NavGroup = (typeof nav)[keyof typeof nav];
