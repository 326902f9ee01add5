// Who may open each custom page, as permissions of the one table (src/actions/authz.ts). A page's handler
// refuses everyone else (a direct link still gets the page's plain refusal), and the menu lists only the
// pages the signed-in role may open (components/sidebar-pages.tsx reads the session's `pages`).
import type { Role } from '@prisma/client';
import { mayRead, type Readers } from './rbac.js';

export const PAGE_READERS = {
  participants: 'participants.read',
  duplicates: 'participants.merge',
  frozenCohortMoves: 'participants.move_frozen_cohort',
  statements: 'finance.read',
  approvals: 'finance.read',
  jobs: 'jobs.read',
  auditLog: 'audit.read',
  // Everyone sees whether the service is in maintenance; only admins switch it (the action checks).
  maintenance: 'everyone',
} as const satisfies Record<string, Readers>;

export type PageName = keyof typeof PAGE_READERS;

export const mayOpenPage = (role: Role | undefined, page: PageName): role is Role => mayRead(role, PAGE_READERS[page]);

/** The custom pages the role may open, in menu order. */
export const pagesFor = (role: Role | undefined): PageName[] =>
  (Object.keys(PAGE_READERS) as PageName[]).filter((page) => mayOpenPage(role, page));
