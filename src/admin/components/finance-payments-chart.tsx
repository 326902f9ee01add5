// Output payment and total of each statement of a lead provider in a cohort, as bars and a line (chart.js).
import React, { useEffect, useRef, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H5, Text } from '@adminjs/design-system';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

interface StatementPayments { id: string; name: string; outputFee: string; total: string }

const api = new ApiClient();
const pounds = (value: number) => value.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });

const FinancePaymentsChart: React.FC<{ page: string; leadProviderId: string; cohort: number; leadProviderName: string }> = ({ page, leadProviderId, cohort, leadProviderName }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [series, setSeries] = useState<StatementPayments[] | null>(null);

  useEffect(() => {
    let live = true;
    setSeries(null);
    void api.getPage({ pageName: page, params: { chart: '1', leadProvider: leadProviderId, cohort: String(cohort) } })
      .then((response) => { if (live) setSeries((response.data as { chart: StatementPayments[] }).chart); });
    return () => { live = false; };
  }, [page, leadProviderId, cohort]);

  useEffect(() => {
    if (!series || !canvas.current) return undefined;
    // Display only: the figures arrive as exact pounds and are plotted as numbers.
    const chart = new Chart(canvas.current, {
      data: {
        labels: series.map((s) => s.name),
        datasets: [
          { type: 'bar', label: 'Output payment', data: series.map((s) => Number(s.outputFee)), backgroundColor: '#4268d6' },
          { type: 'line', label: 'Total (with VAT)', data: series.map((s) => Number(s.total)), borderColor: '#f0a03c', backgroundColor: '#f0a03c' },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { ticks: { callback: (value) => pounds(Number(value)) } } },
        plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${pounds(Number(item.raw))}` } } },
      },
    });
    return () => chart.destroy();
  }, [series]);

  return (
    <Box mb="xl" data-testid="payments-chart">
      <H5>Payments per statement: {leadProviderName}, {cohort} cohort</H5>
      {series === null ? <Text>Loading…</Text> : null}
      {series && series.length === 0 ? <Text>No statements to chart.</Text> : null}
      <Box style={{ position: 'relative', height: 260, display: series?.length ? 'block' : 'none' }}>
        <canvas ref={canvas} aria-label="Output payment and total per statement" role="img" />
      </Box>
    </Box>
  );
};

export default FinancePaymentsChart;
