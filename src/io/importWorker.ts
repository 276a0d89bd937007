/**
 * Runs a large import off the main thread, so the page keeps drawing and the
 * Cancel button keeps working (cancelling terminates this worker).
 */
import type { ImportOutcome } from '../model/importFile.ts';
import { decodeImportBytes, importText } from '../model/importFile.ts';

export interface ImportRequest {
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
  readonly takenIds: readonly string[];
}

/** Stages are named by their message key, so the page shows them in the interface language. */
export type ImportStage = 'stageChecking' | 'stageReading' | 'stageParsing' | 'stageDrawing';

export type ImportReply = { readonly type: 'stage'; readonly stage: ImportStage } | { readonly type: 'done'; readonly outcome: ImportOutcome };

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { fileName, bytes, takenIds } = event.data;
  const post = (reply: ImportReply) => self.postMessage(reply);
  post({ type: 'stage', stage: 'stageChecking' });
  const decoded = decodeImportBytes(new Uint8Array(bytes));
  if (!decoded.ok) {
    post({ type: 'done', outcome: { ok: false, problem: decoded.problem } });
    return;
  }
  post({ type: 'stage', stage: 'stageParsing' });
  post({ type: 'done', outcome: importText(fileName, decoded.text, new Set(takenIds)) });
};
