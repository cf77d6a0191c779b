// Reads a file a user attached to a command from Discord's attachment URL, refusing one larger
// than the caller allows before and while it is read.
export class AttachmentTooLarge extends Error {
  override name = 'AttachmentTooLarge';
}

export async function downloadAttachment(url: string, maxBytes: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok || !response.body) throw new Error(`Discord answered ${response.status} for the attachment`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AttachmentTooLarge(`${declared} bytes`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new AttachmentTooLarge(`more than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
