// The browser tab of the dashboard and our custom pages (generated pages name theirs in ./action-header.tsx).
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'adminjs';
import { tabTitle } from './page-title.js';

export function usePageTabTitle(): void {
  const { pathname } = useLocation();
  const { translatePage } = useTranslation();
  useEffect(() => {
    const page = /\/pages\/([^/]+)/.exec(pathname)?.[1];
    if (page) document.title = tabTitle(translatePage(page));
    else if (!pathname.includes('/resources/')) document.title = tabTitle('Dashboard');
  }, [pathname, translatePage]);
}
