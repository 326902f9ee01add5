// The home page: who you are signed in as and the figures of the programme that matter to your role.
import React, { useEffect, useState } from 'react';
import { ApiClient, useCurrentAdmin } from 'adminjs';
import { Box, H2, H5, Text } from '@adminjs/design-system';

interface Figure { label: string; value: string; href?: string }
interface DashboardData { roleLabel: string; figures: Figure[] }

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
      <Box flex flexDirection="row" flexWrap="wrap">
        {(data?.figures ?? []).map((f) => (
          <Box key={f.label} variant="white" p="lg" mr="lg" mb="lg" width={220} data-testid="dashboard-figure">
            <H5>{f.label}</H5>
            <Text fontSize="xl">{f.href ? <a href={f.href}>{f.value}</a> : f.value}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default Dashboard;
