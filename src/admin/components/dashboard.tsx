// The home page: who you are signed in as, and the figures and charts of the programme that matter to your role.
import React, { useEffect, useState } from 'react';
import { ApiClient, useCurrentAdmin } from 'adminjs';
import { Box, H2, H5, MessageBox, Text } from '@adminjs/design-system';
import DashboardChart, { type ChartData } from './dashboard-chart.js';

interface Figure { label: string; value: string; href?: string }
interface Alert { message: string; href: string; linkText: string }
interface DashboardData { roleLabel: string; figures: Figure[]; charts: ChartData[]; alerts?: Alert[] }

const api = new ApiClient();

const Dashboard: React.FC = () => {
  const [admin] = useCurrentAdmin();
  const [data, setData] = useState<DashboardData | null>(null);
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data as DashboardData));
  }, []);
  return (
    <Box variant="grey" p="xl">
      <H2>Early Career Framework back office</H2>
      <Text mb="xl">
        Signed in as {admin?.email}{data ? ` (${data.roleLabel})` : ''}.
      </Text>
      {(data?.alerts ?? []).map((a) => (
        <MessageBox key={a.message} variant="warning" mb="xl" data-testid="dashboard-alert">
          <Text>{a.message} <a href={a.href}>{a.linkText}</a></Text>
        </MessageBox>
      ))}
      <Box flex flexDirection="row" flexWrap="wrap" data-testid={data ? 'dashboard-figures' : undefined}>
        {(data?.figures ?? []).map((f) => (
          <Box key={f.label} variant="white" p="lg" mr="lg" mb="lg" width={220} data-testid="dashboard-figure">
            <H5>{f.label}</H5>
            <Text fontSize="xl">{f.href ? <a href={f.href}>{f.value}</a> : f.value}</Text>
          </Box>
        ))}
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
        {(data?.charts ?? []).map((chart) => (
          <Box key={chart.id} style={{ flex: '1 1 420px', minWidth: 0 }}>
            <DashboardChart chart={chart} />
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default Dashboard;
