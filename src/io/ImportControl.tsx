/**
 * Bring your own chart: a button with a file picker, a file dropped anywhere
 * on the window, or a table pasted from a spreadsheet. Bad input gets a
 * specific message, in the interface's language, that lists every kind of
 * problem found, and changes nothing already loaded. Large files are read
 * with a progress bar and parsed in a worker; Cancel stops either.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';

import type * as ImportWordsModule from '../i18n/importWords.ts';
import type * as ImportModule from '../model/importFile.ts';
import type { ImportOutcome, ImportProblem } from '../model/importFile.ts';
import { revivedIndex } from '../model/tree.ts';
import { isTextEntry, listenOnWindow, whenIdle } from '../shared/dom.ts';
import { addImportedChart, takenChartIds } from '../store/imported.ts';
import { useStore } from '../store/store.ts';
import { currentMessages, useMessages } from '../store/useMessages.ts';
import type { ImportReply, ImportRequest, ImportStage } from './importWorker.ts';

type Importer = typeof ImportModule & typeof ImportWordsModule;
let importerPromise: Promise<Importer> | null = null;
/** The parsers, and the words for what they find, load on first use, keeping them out of the initial download. */
function loadImporter(): Promise<Importer> {
  importerPromise ??= Promise.all([import('../model/importFile.ts'), import('../i18n/importWords.ts')]).then(([model, words]) => ({ ...model, ...words }));
  return importerPromise;
}

/** Above this size, parsing moves to a worker and the user sees progress and can cancel. Below it, parsing on the page is quicker than starting a worker. */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

interface ImportJob {
  readonly fileName: string;
  readonly stage: ImportStage;
  /** 0..1 while reading the file; null while parsing (no way to tell how far along). */
  readonly fraction: number | null;
}

/** Worded when shown, so switching the interface language rewords a message already on screen. */
function fail(importer: Importer, fileName: string, problem: ImportProblem): void {
  useStore.getState().showNotice({ tone: 'error', text: (m) => m.importFailed(importer.importProblemText(m.uiLanguage, fileName, problem)) });
}

class Cancelled extends Error {}

async function readWithProgress(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Uint8Array> {
  if (typeof file.stream !== 'function') return new Uint8Array(await file.arrayBuffer());
  const reader = file.stream().getReader();
  const bytes = new Uint8Array(file.size);
  let offset = 0;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel();
      throw new Cancelled();
    }
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, offset);
    offset += value.length;
    onProgress(file.size === 0 ? 1 : offset / file.size);
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

function importInWorker(request: ImportRequest, onStage: (stage: ImportStage) => void, signal: AbortSignal): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new Cancelled());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      if (event.data.type === 'stage') {
        onStage(event.data.stage);
        return;
      }
      signal.removeEventListener('abort', stop);
      worker.terminate();
      const { outcome } = event.data;
      resolve(outcome.ok ? { ...outcome, index: revivedIndex(outcome.index) } : outcome);
    };
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(event.message || 'the import stopped unexpectedly'));
    };
    worker.postMessage(request, [request.bytes]);
  });
}

export function ImportControl() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const hintId = useId();
  const t = useMessages();

  const finish = useCallback(async (importer: Importer, fileName: string, outcome: ImportOutcome) => {
    if (!outcome.ok) return fail(importer, fileName, outcome.problem);
    const { notes } = outcome;
    await addImportedChart(outcome.index, fileName, (m) => notes.map((note) => importer.importNoteText(m.uiLanguage, note)));
  }, []);

  const importText = useCallback(
    async (fileName: string, text: string) => {
      const importer = await loadImporter();
      await finish(importer, fileName, importer.importText(fileName, text, takenChartIds()));
    },
    [finish],
  );

  const importFile = useCallback(
    async (file: File) => {
      const importer = await loadImporter();
      const tooBig = importer.checkImportSize(file.size);
      if (tooBig) return fail(importer, file.name, tooBig);
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      const large = file.size > WORKER_THRESHOLD_BYTES && typeof Worker !== 'undefined';
      try {
        if (large) setJob({ fileName: file.name, stage: 'stageReading', fraction: 0 });
        const bytes = await readWithProgress(file, (fraction) => large && setJob({ fileName: file.name, stage: 'stageReading', fraction }), controller.signal);
        if (!large) {
          const decoded = importer.decodeImportBytes(bytes);
          if (!decoded.ok) return fail(importer, file.name, decoded.problem);
          return await finish(importer, file.name, importer.importText(file.name, decoded.text, takenChartIds()));
        }
        setJob({ fileName: file.name, stage: 'stageParsing', fraction: null });
        const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
        const outcome = await importInWorker(
          { fileName: file.name, bytes: buffer as ArrayBuffer, takenIds: [...takenChartIds()] },
          (stage) => setJob({ fileName: file.name, stage, fraction: null }),
          controller.signal,
        );
        setJob({ fileName: file.name, stage: 'stageDrawing', fraction: null });
        await finish(importer, file.name, outcome);
      } catch (err) {
        if (err instanceof Cancelled) useStore.getState().showNotice({ tone: 'info', text: (m) => m.importCancelled(file.name) });
        else fail(importer, file.name, { kind: 'unreadable', detail: err instanceof Error ? err.message : String(err) });
      } finally {
        // Only the latest import owns the progress bar; an earlier one cancelled by it must not hide it.
        if (abortRef.current === controller) {
          abortRef.current = null;
          setJob(null);
        }
      }
    },
    [finish],
  );

  useEffect(() => whenIdle(() => void loadImporter()), []);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target)) return;
      const file = event.clipboardData?.files[0];
      if (file) {
        event.preventDefault();
        void importFile(file);
        return;
      }
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      void importText(currentMessages().pastedChart, text);
    };
    return listenOnWindow({ dragenter: onDragEnter, dragleave: onDragLeave, dragover: onDragOver, drop: onDrop, paste: onPaste });
  }, [importFile, importText]);

  return (
    <>
      <button type="button" className="header-button" onClick={() => inputRef.current?.click()} aria-describedby={hintId} disabled={job !== null}>
        {t.importButton}
      </button>
      {/* Hidden, not visually hidden: read once, as the button's description, not again as loose text in browse mode. */}
      <span id={hintId} hidden>
        {t.importHint}
      </span>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t.importFileLabel}
        accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {job ? (
        <div className="import-progress" role="status">
          <span>{t.importStage(job.fileName, t[job.stage])}</span>
          <progress aria-label={t.importing(job.fileName)} max={1} {...(job.fraction === null ? {} : { value: job.fraction })} />
          <button type="button" onClick={() => abortRef.current?.abort()}>
            {t.cancel}
          </button>
        </div>
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t.dropHere}</p>
        </div>
      ) : null}
    </>
  );
}
