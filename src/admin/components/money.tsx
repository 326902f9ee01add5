// Pounds with thousands separators and two decimals, formatted from the exact decimal string (never a float).
import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { Text, ValueGroup } from '@adminjs/design-system';

export function formatPounds(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const pence = (fraction + '00').slice(0, 2);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}£${grouped}.${pence}`;
}

const Money: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const text = formatPounds(record?.params?.[property.path]);
  if (where === 'show') {
    return (
      <ValueGroup label={translateProperty(property.label, property.resourceId)}>
        <Text>{text || '—'}</Text>
      </ValueGroup>
    );
  }
  return <Text>{text}</Text>;
};

export default Money;
