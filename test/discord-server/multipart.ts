/**
 * Request bodies with files, as Discord takes them: multipart/form-data with a `payload_json` part (the
 * JSON body) and one `files[n]` part per upload, where n is the `id` of the matching entry in the payload's
 * `attachments` array. Parsed on bytes, so binary files come through intact.
 */
import type { APIAttachment } from 'discord.js';
import { nextSnowflake } from './snowflake.js';

/** Discord's default upload limit for a request's files (servers without boosts). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** One file part of a multipart request. */
export interface UploadedFile {
  /** The form field, e.g. 'files[0]'. */
  field: string;
  /** n of files[n]: what the payload's attachments[].id refers to; null for a field of another name. */
  index: number | null;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  /** payload_json parsed, or null when absent or not JSON. */
  payload: unknown;
  files: UploadedFile[];
  /** Other text fields by name. */
  fields: Record<string, string>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export function isMultipart(contentType: string | undefined): boolean {
  return Boolean(contentType?.toLowerCase().startsWith('multipart/form-data'));
}

function headerParameter(header: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]+))`, 'i').exec(header);
  if (!match) return null;
  const raw = match[1] ?? match[2] ?? '';
  // RFC 5987 form (filename*=UTF-8''name) or a quoted string.
  const extended = /^UTF-8''(.*)$/i.exec(raw);
  return extended ? decodeURIComponent(extended[1] ?? '') : raw.replace(/\\(.)/g, '$1');
}

/** Parses a multipart/form-data body; null when the content type has no boundary or the body is malformed. */
export function parseMultipart(raw: Buffer, contentType: string): MultipartBody | null {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const result: MultipartBody = { payload: null, files: [], fields: {} };
  let position = raw.indexOf(delimiter);
  if (position < 0) return null;
  for (;;) {
    const afterDelimiter = position + delimiter.length;
    // "--" after a delimiter closes the body.
    if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break;
    const headerStart = afterDelimiter + 2; // the CRLF after the delimiter
    const headerEnd = raw.indexOf(HEADER_END, headerStart);
    if (headerEnd < 0) return null;
    const next = raw.indexOf(delimiter, headerEnd);
    if (next < 0) return null;
    const headers = raw.subarray(headerStart, headerEnd).toString('utf8').split('\r\n');
    // The part's data ends with the CRLF that precedes the next delimiter.
    const data = raw.subarray(headerEnd + 4, next - 2);
    const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? '';
    const type = headers.find((line) => /^content-type:/i.test(line))?.replace(/^content-type:\s*/i, '').trim();
    const name = headerParameter(disposition, 'name') ?? '';
    const filename = headerParameter(disposition, 'filename');
    if (filename !== null) {
      const index = /^files\[(\d+)\]$/.exec(name)?.[1];
      result.files.push({
        field: name,
        index: index === undefined ? null : Number(index),
        filename,
        contentType: type ?? 'application/octet-stream',
        bytes: Buffer.from(data),
      });
    } else if (name === 'payload_json') {
      try {
        result.payload = JSON.parse(data.toString('utf8')) as unknown;
      } catch {
        result.payload = null;
      }
    } else {
      result.fields[name] = data.toString('utf8');
    }
    position = next;
  }
  return result;
}

/** Width and height of a PNG, GIF or JPEG upload, as Discord reports them for images. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let offset = 2; offset + 9 < bytes.length; ) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1] ?? 0;
      const length = bytes.readUInt16BE(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

/** The attachment object Discord stores on a message for an upload. */
export function attachmentFor(
  file: UploadedFile,
  entry: { filename?: unknown; description?: unknown } | undefined,
  urlFor: (id: string, filename: string) => string,
): APIAttachment {
  const id = nextSnowflake();
  const filename = typeof entry?.filename === 'string' && entry.filename ? entry.filename : file.filename;
  const size = imageSize(file.bytes);
  const url = urlFor(id, filename);
  return {
    id,
    filename,
    size: file.bytes.length,
    url,
    proxy_url: url,
    content_type: file.contentType,
    ...(typeof entry?.description === 'string' ? { description: entry.description } : {}),
    ...(size ? { width: size.width, height: size.height } : {}),
  } as APIAttachment;
}
