// One chart of the home page, drawn by chart.js on a canvas (the data comes ready from the server).
import React, { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { Box, H5, Text } from '@adminjs/design-system';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartData {
  id: string; title: string; description: string; type: 'bar' | 'line'; stacked: boolean; unit: 'count' | 'pounds';
  labels: string[]; series: { label: string; values: (number | string)[] }[]; note?: string;
}

// Distinguishable colours that stay readable for the common colour-vision deficiencies (Okabe-Ito).
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-GB');

const DashboardChart: React.FC<{ chart: ChartData }> = ({ chart }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || !chart.series.length) return undefined;
    const format = (value: number) => (chart.unit === 'pounds' ? pounds.format(value) : count.format(value));
    const drawn = new Chart(canvas.current, {
      type: chart.type,
      data: {
        labels: chart.labels,
        datasets: chart.series.map((series, i) => ({
          label: series.label,
          // Money arrives as exact strings; a number is good enough to draw it.
          data: series.values.map(Number),
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
          borderWidth: chart.type === 'line' ? 2 : 0,
          pointRadius: chart.type === 'line' ? 2 : undefined,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: chart.stacked },
          y: { stacked: chart.stacked, beginAtZero: true, ticks: { callback: (value) => format(Number(value)) } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` } },
        },
      },
    });
    return () => drawn.destroy();
  }, [chart]);

  return (
    <Box variant="white" p="lg" mb="lg" data-testid={`dashboard-chart-${chart.id}`}>
      <H5>{chart.title}</H5>
      <Text variant="sm" mb="default">{chart.description}</Text>
      {chart.series.length ? (
        <Box style={{ position: 'relative', height: 320 }}>
          <canvas ref={canvas} role="img" aria-label={chart.title} />
        </Box>
      ) : <Text>Nothing to show yet.</Text>}
      {chart.note ? <Text variant="sm" mt="default">{chart.note}</Text> : null}
    </Box>
  );
};

export default DashboardChart;
