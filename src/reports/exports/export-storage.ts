// EXPORT_STORAGE and EXPORTS_S3_*: which export store the deployment uses (src/reports/exports/export-store.ts),
// checked at start-up by loadConfig() so a wrong setting stops the start with a message saying what to set.
import { ConfigError } from '../../server/config-error.js';

export type ExportStorage = 'postgres' | 's3';

export interface S3Settings {
  bucket: string;
  /** Key prefix the exports live under, e.g. "exports/". */
  prefix: string;
  region?: string;
  /** An S3-compatible service's URL (MinIO, Ceph, a cloud's own); unset for AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (AWS_* variables, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** EXPORTS_S3_* settings; a ConfigError saying what is missing. */
export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings {
  const bucket = env.EXPORTS_S3_BUCKET?.trim();
  if (!bucket) throw new ConfigError('EXPORT_STORAGE=s3 needs EXPORTS_S3_BUCKET (the bucket the exports are kept in).');
  const accessKeyId = env.EXPORTS_S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.EXPORTS_S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId !== !secretAccessKey) throw new ConfigError('Set both EXPORTS_S3_ACCESS_KEY_ID and EXPORTS_S3_SECRET_ACCESS_KEY, or neither (to use the AWS SDK\'s own credentials).');
  const prefix = env.EXPORTS_S3_PREFIX ?? 'exports/';
  return {
    bucket,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    region: env.EXPORTS_S3_REGION?.trim() || env.AWS_REGION || undefined,
    endpoint: env.EXPORTS_S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: env.EXPORTS_S3_FORCE_PATH_STYLE === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/** EXPORT_STORAGE: "postgres" (default) or "s3"; checked at start-up by loadConfig(). */
export function exportStorageOf(env: NodeJS.ProcessEnv = process.env): ExportStorage {
  const value = (env.EXPORT_STORAGE ?? '').trim().toLowerCase();
  if (value === '' || value === 'postgres') return 'postgres';
  if (value === 's3') {
    s3SettingsFrom(env);
    return 's3';
  }
  throw new ConfigError(`EXPORT_STORAGE must be "postgres" (the default) or "s3", not "${env.EXPORT_STORAGE}".`);
}
