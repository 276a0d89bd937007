/**
 * Bring your own chart: a button with a file picker, a file dropped anywhere
 * on the window, or a table pasted from a spreadsheet. Bad input gets one
 * specific message and changes nothing already loaded.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type * as ImportModule from '../model/importFile.ts';
import { addImportedChart, takenChartIds } from '../store/imported.ts';
import { useStore } from '../store/store.ts';

type Importer = typeof ImportModule;
let importerPromise: Promise<Importer> | null = null;
/** The parsers load on first use, keeping them out of the initial download. */
function loadImporter(): Promise<Importer> {
  importerPromise ??= import('../model/importFile.ts');
  return importerPromise;
}

function fail(fileName: string, error: string): void {
  // The importer's own messages start with the file's name; others get it added.
  const text = error.startsWith(fileName) ? error : `${fileName}: ${error}`;
  useStore.getState().showNotice({ tone: 'error', text: `Import failed. ${text}` });
}

export async function importFile(file: File): Promise<void> {
  const importer = await loadImporter();
  const tooBig = importer.checkImportSize(file.name, file.size);
  if (tooBig) return fail(file.name, tooBig);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    return fail(file.name, `the file could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  const decoded = importer.decodeImportBytes(file.name, bytes);
  if (!decoded.ok) return fail(file.name, decoded.error);
  await importText(file.name, decoded.text);
}

export async function importText(fileName: string, text: string): Promise<void> {
  const importer = await loadImporter();
  const outcome = importer.importText(fileName, text, takenChartIds());
  if (!outcome.ok) return fail(fileName, outcome.error);
  await addImportedChart(outcome.index, fileName, outcome.notices);
}

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function ImportControl() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

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
      if (isTypingTarget(event.target)) return;
      const file = event.clipboardData?.files[0];
      if (file) {
        event.preventDefault();
        void importFile(file);
        return;
      }
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      void importText('Pasted chart', text);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  return (
    <>
      <button type="button" className="header-button" onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
        Import…
      </button>
      <span id={hintId} className="visually-hidden">
        Import a chart from a JSON, CSV or TSV file. You can also drop a file on the page or paste a table.
      </span>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Chart file to import"
        accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a JSON, CSV or TSV file to import it as a chart</p>
        </div>
      ) : null}
    </>
  );
}
