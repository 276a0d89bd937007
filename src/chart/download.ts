/** Files the browser hands to the user: the chart as a PNG (drawn through a canvas) and any blob as a download. */
import { pngSize } from '../engine/svgExport.ts';

/** Renders the SVG into a PNG through a canvas. Works for any size the browser can hold. */
export async function svgToPng(svg: string): Promise<Blob> {
  const sizeMatch = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(sizeMatch?.[1] ?? 800);
  const height = Number(sizeMatch?.[2] ?? 600);
  const size = pngSize(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart image could not be drawn'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw images');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image is too large for this browser'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Kept beside the chart's PNG: the export code loads the two together.
export { downloadBlob } from '../shared/download.ts';
