/** A small real PNG scan for data-layer tests: its reference (id, sha256, size) and its bytes. */
import { createHash, randomUUID } from 'node:crypto';
import type { PreparedScan } from '../../renderer/data/scanStore.ts';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function testPngScan(text: string, name = 'cccd.png'): PreparedScan {
  const bytes = new Uint8Array([...PNG_HEAD, ...Buffer.from(text)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ref: { id: randomUUID(), name, type: 'image/png', size: bytes.byteLength, sha256 }, blob: new Blob([bytes], { type: 'image/png' }) };
}
