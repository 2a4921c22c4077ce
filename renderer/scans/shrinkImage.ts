/**
 * Makes a photo or scan of a paper small enough to store and send over a slow link, yet readable:
 * at most an A4 page at 150 dpi (1240 x 1754, either way round), greyscale, JPEG. An image already
 * smaller than that is only re-encoded. Decoding is the browser's (createImageBitmap, which also
 * applies the camera's EXIF rotation); drawing happens on an OffscreenCanvas, off the DOM.
 */

/** A4 at 150 dpi: 8.27 x 11.69 inches. */
export const A4_150DPI = { short: 1240, long: 1754 } as const;
const JPEG_QUALITY = 0.72;

export interface ShrunkImage {
  blob: Blob;
  width: number;
  height: number;
}

/** The size an image of width x height gets: inside the A4 box in its own orientation, never enlarged. */
export function targetSize(width: number, height: number): { width: number; height: number } {
  const [boxW, boxH] = width > height ? [A4_150DPI.long, A4_150DPI.short] : [A4_150DPI.short, A4_150DPI.long];
  const scale = Math.min(1, boxW / width, boxH / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Throws when the browser cannot decode the image (the caller turns that into a message). */
export async function shrinkImage(image: Blob): Promise<ShrunkImage> {
  const bitmap = await createImageBitmap(image);
  try {
    const { width, height } = targetSize(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    // White under transparent PNGs, or they turn black in JPEG.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.filter = 'grayscale(1)';
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
