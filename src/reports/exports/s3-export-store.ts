// Exports kept in an S3-compatible bucket (EXPORT_STORAGE=s3), for deployments whose files outgrow the
// database. A write is a multipart upload fed as the CSV is produced (8 MB parts, one at a time, so
// memory stays flat); the object appears only when the upload completes, replacing the previous version
// whole; a failed write aborts the upload. A read streams the object's body.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { isExportName, requireExportName, type ExportStore, type OpenExport, type StoredExport } from './stored-export.js';
import type { S3Settings } from './export-storage.js';

const PART_BYTES = 8 * 1024 * 1024;

export function s3ExportStore(settings: S3Settings): ExportStore {
  const config: S3ClientConfig = { region: settings.region ?? 'us-east-1', endpoint: settings.endpoint, forcePathStyle: settings.forcePathStyle };
  if (settings.credentials) config.credentials = settings.credentials;
  const client = new S3Client(config);
  const key = (name: string) => `${settings.prefix}${name}`;

  async function list(): Promise<StoredExport[]> {
    const files: StoredExport[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: settings.prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(settings.prefix.length) ?? '';
        if (isExportName(name)) files.push({ name, bytes: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return files.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || a.name.localeCompare(b.name));
  }

  return {
    async write<T>(name: string, produce: (out: Writable) => Promise<T>): Promise<T> {
      requireExportName(name);
      const body = new PassThrough();
      const upload = new Upload({ client, params: { Bucket: settings.bucket, Key: key(name), Body: body, ContentType: 'text/csv; charset=utf-8' }, partSize: PART_BYTES, queueSize: 1 });
      const uploaded = upload.done();
      uploaded.catch(() => {});
      try {
        const result = await produce(body);
        await uploaded;
        return result;
      } catch (error) {
        body.destroy();
        await upload.abort().catch(() => {});
        throw error;
      }
    },

    async open(name: string): Promise<OpenExport | null> {
      if (!isExportName(name)) return null;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(name) }));
        return { name, bytes: object.ContentLength ?? 0, content: object.Body as Readable };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },

    list,

    async deleteWrittenBefore(before: Date): Promise<string[]> {
      const old = (await list()).filter((f) => f.modifiedAt < before).map((f) => f.name).sort();
      for (const name of old) await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: key(name) }));
      return old;
    },
  };
}
