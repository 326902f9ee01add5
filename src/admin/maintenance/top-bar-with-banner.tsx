// AdminJS's top bar with a banner above it while maintenance mode is on, on every back-office page.
// The mode is asked again on each navigation (the server caches it until a change is announced; src/db/settings-changes.ts).
import React, { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiClient } from 'adminjs';
import { Box, Text } from '@adminjs/design-system';
import { MAINTENANCE_CHANGED } from './maintenance-events.js';
import { PageAccessibility } from '../components/page-accessibility.js';
import { usePageTabTitle } from '../components/page-tab-title.js';
import { ListLook } from '../components/list-look.js';

interface Mode { on: boolean; untilLabel: string | null; canSwitch: boolean }

const api = new ApiClient();

function MaintenanceBanner() {
  const [mode, setMode] = useState<Mode | null>(null);
  const location = useLocation();
  useEffect(() => {
    const load = () => api.getPage({ pageName: 'maintenance' }).then((r) => setMode(r.data as Mode)).catch(() => setMode(null));
    load();
    window.addEventListener(MAINTENANCE_CHANGED, load);
    return () => window.removeEventListener(MAINTENANCE_CHANGED, load);
  }, [location.pathname]);
  if (!mode?.on) return null;
  return (
    <Box role="status" data-testid="maintenance-banner" px="xl" py="default" style={{ flexShrink: 0, background: '#ffdd00', color: '#0b0c0c' }}>
      <Text fontWeight="bold">
        Maintenance mode is on: the lead provider API and the check data portal are unavailable
        {mode.untilLabel ? ` until ${mode.untilLabel} (UK time)` : ''}. The back office keeps working.{' '}
        <a href="/admin/pages/maintenance">{mode.canSwitch ? 'Switch it off' : 'Details'}</a>
      </Text>
    </Box>
  );
}

const TopBarWithBanner: React.FC<{ OriginalComponent?: React.ComponentType<Record<string, unknown>> } & Record<string, unknown>> = ({ OriginalComponent, ...props }) => {
  // The top bar is on every page: it names the tab of the pages that have no action header.
  usePageTabTitle();
  return (
    <>
      <PageAccessibility />
      <ListLook />
      <MaintenanceBanner />
      {OriginalComponent ? <OriginalComponent {...props} /> : null}
    </>
  );
};

export default TopBarWithBanner;
