// What an audit event is about: its record's title, linked to the record (titles from src/admin/audit-subjects.ts);
// the id alone where the reader may not read that kind of record, or it no longer exists.
import React from 'react';
import { Link } from 'react-router-dom';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

const AuditSubject: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const id = String(params.subjectId ?? '');
  const title = params.subjectTitle as string | undefined;
  const value = title
    ? <Link onClick={(event) => event.stopPropagation()} to={`/admin/resources/${encodeURIComponent(String(params.subjectType))}/records/${encodeURIComponent(id)}/show`}>{title}</Link>
    : <span>{id}</span>;
  if (where === 'list') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default AuditSubject;
