// The menu's pages: only those the signed-in role may open (the session's `pages`, from
// src/admin/page-access.ts). Opening another by its link still gets that page's refusal.
import React from 'react';
import { useCurrentAdmin } from 'adminjs';

interface Page { name: string }
interface Props { pages?: Page[]; OriginalComponent?: React.ComponentType<{ pages?: Page[] }> }

const SidebarPages: React.FC<Props> = ({ OriginalComponent, pages }) => {
  const [currentAdmin] = useCurrentAdmin();
  const allowed = new Set((currentAdmin as { pages?: string[] } | null)?.pages ?? []);
  const shown = (pages ?? []).filter((page) => allowed.has(page.name));
  return OriginalComponent && shown.length ? <OriginalComponent pages={shown} /> : null;
};

export default SidebarPages;
