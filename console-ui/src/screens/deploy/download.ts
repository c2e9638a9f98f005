/** The file's exact bytes (a `.reg` is UTF-16 with a byte-order mark), from the server's base64. */
function bytesOf(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves bytes as a download, as if the server had sent the file. */
export function downloadFile(fileName: string, mediaType: string, contentBase64: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(contentBase64)], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
