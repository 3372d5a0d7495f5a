import sharp from 'sharp';

/** Thumbnails fit in this box (CSS pixels × 2 for sharp screens), as WebP. */
const THUMBNAIL_BOX = 480;

const ANIMATED = new Set(['image/gif', 'image/webp']);

/**
 * Re-encodes an image in its own format into `output`, which drops every metadata block (EXIF
 * with GPS position, XMP, comments): only the pixels travel on. Orientation is applied first, so
 * a phone photo stays upright once its EXIF is gone. Returns a WebP thumbnail. Throws on an image
 * that does not decode (it is then refused as an unsupported file).
 */
export async function reencodeImage(input: string, mimeType: string, output: string): Promise<Buffer> {
  const animated = ANIMATED.has(mimeType);
  let image = sharp(input, { animated, limitInputPixels: 120_000_000 });
  if (!animated) image = image.rotate();
  if (mimeType === 'image/jpeg') image = image.jpeg({ quality: 88 });
  else if (mimeType === 'image/png') image = image.png();
  else if (mimeType === 'image/webp') image = image.webp({ quality: 85 });
  else image = image.gif();
  await image.toFile(output);
  return sharp(output)
    .resize(THUMBNAIL_BOX, THUMBNAIL_BOX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}
