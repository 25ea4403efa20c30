import type { Download } from './api';

/** Hands a downloaded file to the browser to save, under the name the server gave it. */
export function saveDownload({ blob, fileName }: Pick<Download, 'blob' | 'fileName'>): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the file by now; the URL is only kept for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
