/** Test data made in the browser: a camera photo of a printed form, as staff attach it. */
import type { Page } from 'playwright-core';

/** Runs in the page: a photo of a printed form, as a phone camera takes it, as a JPEG. */
async function drawPaperPhoto({ width, height }: { width: number; height: number }): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const light = ctx.createLinearGradient(0, 0, width, height);
  light.addColorStop(0, '#f4efe4');
  light.addColorStop(1, '#d9d2c3');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1a1a2a';
  ctx.font = 'bold 90px serif';
  ctx.fillText('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 700, 260);
  ctx.font = '58px serif';
  for (let line = 0; line < 34; line += 1) {
    ctx.fillText(`${line + 1}. Họ và tên người yêu cầu: Nguyễn Văn Thử ${line} — nơi cư trú: thôn ${line}, xã Vĩnh Bảo`, 260, 440 + line * 74);
  }
  const image = ctx.getImageData(0, 0, width, height);
  let seed = 12345;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = (seed % 41) - 20;
    image.data[i] = image.data[i]! + noise;
    image.data[i + 1] = image.data[i + 1]! + noise;
    image.data[i + 2] = image.data[i + 2]! + ((seed >> 8) % 31) - 15;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A JPEG photo of a paper (text and sensor noise) of this many pixels, made by Chromium's own encoder. */
export async function paperPhoto(page: Page, size: { width: number; height: number }): Promise<Buffer> {
  return Buffer.from(await page.evaluate(drawPaperPhoto, size), 'base64');
}
