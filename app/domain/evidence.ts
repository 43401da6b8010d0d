// Evidence file types as people know them, shared by the server (how a file is served) and the
// pages (what the timeline says). The server decides a file's type from its bytes (models/evidence.server.ts).

/** The stored MIME type → the format's usual name. */
const formatNames: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/msword": "DOC",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.ms-powerpoint": "PPT",
};

export function evidenceFormatOf(mimeType: string): string {
  return formatNames[mimeType] ?? mimeType;
}

/**
 * Types a browser shows itself, opened in a tab: they are served with a sandbox CSP and nosniff,
 * so even a crafted file runs nothing. Office files are downloaded.
 */
const inlineTypes = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"]);
export function evidenceOpensInBrowser(mimeType: string): boolean {
  return inlineTypes.has(mimeType);
}
