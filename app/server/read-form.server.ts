// Every action reads its form here. One maintained parser (@remix-run/form-data-parser) reads
// multipart and url-encoded bodies with limits, whatever the file names are; a body that is not a
// form at all (broken multipart, no boundary, JSON, no Content-Type) is the client's mistake and is
// answered 400 with a message, never the 500 that `request.formData()` throwing would give.
// docs/decisions/013-form-parsing-form-data-parser.md says why this parser.
import {
  FormDataParseError,
  MaxFileSizeExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseFormData,
  type FileUpload,
} from "@remix-run/form-data-parser";
import { bg, en, type MessageKey } from "../i18n/messages.ts";

/** The whole body of a form: one 10 MB file and room for the rest (server.mjs refuses larger bodies before they are read). */
export const MAX_FORM_BYTES = 12 * 1024 * 1024;
/** A file on a form that does not expect one is kept only up to this size. */
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Generous: the import preview posts two fields per shown row and one per column. */
const MAX_PARTS = 10_000;
const MAX_FILES = 5;

/** The form as read; `tooLarge` when a file (left out of the form) or the whole body was over its limit. */
export type UploadForm = { formData: FormData; tooLarge: boolean };

/**
 * A page shows the status in the user's language (root ErrorBoundary: `common.badRequest`,
 * `common.tooLarge`); a resource route answers with this text as it is, so it says it in both.
 */
function plainAnswer(status: number, key: MessageKey): Response {
  return new Response(`${bg[key]}\n${en[key]}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Browsers send a file's name as written except `"`, which the HTML form encoding sends as %22
 * (and CR/LF as %0D/%0A): turn the quote back so `"Final" report.pdf` keeps its name.
 */
function browserFileName(name: string): string {
  return name.replace(/%22/g, '"');
}

/** The parser's name for a part sent with `filename=""`. */
const UNNAMED_UPLOAD = "file-upload";

function keepFile(upload: FileUpload): File {
  // A file input left empty is sent as an empty part with `filename=""`: keep it as request.formData()
  // does, a nameless empty File, so the route can tell "no file chosen" from an empty file.
  if (upload.size === 0 && upload.name === UNNAMED_UPLOAD) return new File([], "", { type: upload.type });
  const name = browserFileName(upload.name);
  return name === upload.name ? upload : new File([upload], name, { type: upload.type, lastModified: upload.lastModified });
}

/**
 * Reads a form that may carry files of up to `maxFileSize` bytes each (multipart, or url-encoded
 * when there is no file). A larger file is left out and `tooLarge` set, keeping the rest of the
 * form, so the page can say why next to the field and still show what the user typed. A body over
 * MAX_FORM_BYTES is `tooLarge` with an empty form; a body that is not a form throws a 400.
 */
export async function readUploadForm(request: Request, options: { maxFileSize: number }): Promise<UploadForm> {
  // A body declared beyond the limit is refused before a byte of it is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FORM_BYTES) return { formData: new FormData(), tooLarge: true };
  let tooLarge = false;
  try {
    // Per file, the parser stops at the whole body's limit; the caller's own limit is applied below.
    const limits = { maxFileSize: MAX_FORM_BYTES, maxTotalSize: MAX_FORM_BYTES, maxParts: MAX_PARTS, maxFiles: MAX_FILES };
    const formData = await parseFormData(request, limits, (upload) => {
      if (upload.size <= options.maxFileSize) return keepFile(upload);
      tooLarge = true;
      return null;
    });
    return { formData, tooLarge };
  } catch (error) {
    if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError) return { formData: new FormData(), tooLarge: true };
    // Any other parser error (not a form, broken multipart, too many parts or files) is a malformed body.
    if (error instanceof FormDataParseError || error instanceof MultipartParseError) throw plainAnswer(400, "common.badRequest");
    throw error;
  }
}

/** Reads an action's form (no file expected). A body that is not a form throws 400; one too large, 413. */
export async function readForm(request: Request): Promise<FormData> {
  const { formData, tooLarge } = await readUploadForm(request, { maxFileSize: DEFAULT_MAX_FILE_BYTES });
  if (tooLarge) throw plainAnswer(413, "common.tooLarge");
  return formData;
}
