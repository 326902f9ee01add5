// Policy staff often save the DfE's file from Excel, which writes Windows-1252 rather than UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** The uploaded bytes as text: UTF-8 when they are valid UTF-8, otherwise Windows-1252. */
export function decodeUpload(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  try {
    return utf8.decode(content);
  } catch {
    return windows1252.decode(content);
  }
}
