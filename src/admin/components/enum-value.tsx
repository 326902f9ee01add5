// A value of one of the schema's enums as its words ("Awaiting clawback", "ECT"), the label the resource
// gives it (define-resource.ts); AdminJS's own display would title-case every word.
import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { Badge, Text, ValueGroup } from '@adminjs/design-system';

const EnumValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const value = record?.params?.[property.path];
  const option = property.availableValues?.find((candidate) => candidate.value === value);
  const words = option?.label ?? (value === undefined || value === null ? '' : String(value));
  if (where === 'show') {
    return (
      <ValueGroup label={translateProperty(property.label, property.resourceId)}>
        <Text>{words || '—'}</Text>
      </ValueGroup>
    );
  }
  return words ? <Badge>{words}</Badge> : null;
};

export default EnumValue;
