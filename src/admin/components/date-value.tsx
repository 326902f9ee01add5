// Dates and times on generated lists and record pages, written as people read them (src/admin/human-dates.ts).
import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatDate, formatDateTime } from '../human-dates.js';

const DateValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const value = record?.params[property.path] as string | null | undefined;
  const text = property.type === 'date' ? formatDate(value) : formatDateTime(value);
  if (where === 'list') return <span>{text}</span>;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{text}</ValueGroup>;
};

export default DateValue;
