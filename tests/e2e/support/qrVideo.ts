/**
 * Writes a short Y4M video showing one QR code, for Chromium's fake camera
 * (--use-file-for-fake-video-capture): the camera path is then tested with a real decode.
 * `leadIn` blank frames come first (5 a second), as a person takes a moment to hold the card up:
 * the scanner stays open that long, so its screen can be photographed before it reads the code.
 */
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

export async function writeQrVideo(text: string, path: string, { width = 640, height = 480, frames = 5, leadIn = 0 } = {}): Promise<void> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((Math.min(width, height) * 0.9) / (size + 2 * quiet));
  const side = scale * (size + 2 * quiet);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const row = top + (quiet + y) * scale + dy;
        luma.fill(16, row * width + left + (quiet + x) * scale, row * width + left + (quiet + x + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const blank = Buffer.concat([Buffer.from('FRAME\n'), Buffer.alloc(width * height, 235), chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: leadIn }, () => blank), ...Array.from({ length: frames }, () => frame)]));
}
