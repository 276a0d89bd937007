/** Composition only: header, notice, and either the chart view or the compare view, each drawn as a chart or as an outline. */
import { lazy, type ReactNode, Suspense } from 'react';

import { type ChartDecorations, OrgChart } from './chart/OrgChart.tsx';
import { CompareToggle } from './compare/CompareToggle.tsx';
import { Header } from './header/Header.tsx';
import { noticeText } from './i18n/messages.ts';
import { ImportControl } from './io/ImportControl.tsx';
import { YourCharts } from './io/YourCharts.tsx';
import { DetailsPanel } from './panel/DetailsPanel.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { LoadBoundary } from './shared/LoadBoundary.tsx';
import { type PaneId, useStore } from './store/store.ts';
import { useMessages } from './store/useMessages.ts';

// The compare view and the outline load when first shown, keeping them out of the first download.
const CompareView = lazy(async () => ({ default: (await import('./compare/CompareView.tsx')).CompareView }));
const OutlineView = lazy(async () => ({ default: (await import('./outline/OutlineView.tsx')).OutlineView }));

function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const showNotice = useStore((s) => s.showNotice);
  const t = useMessages();
  if (notice === null) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
      {/* Notices built from the interface's words (an import's problems among them) follow its language; plain strings are English. */}
      {/* An import's problems can run long: the message scrolls, and can be reached with Tab to scroll it from the keyboard. */}
      <p lang={typeof notice.text === 'string' ? 'en' : undefined} tabIndex={notice.tone === 'error' ? 0 : undefined}>
        {noticeText(notice, t)}
      </p>
      <button type="button" onClick={() => showNotice(null)} aria-label={t.dismiss}>
        ×
      </button>
    </div>
  );
}

export function App() {
  const view = useStore((s) => s.view);
  const display = useStore((s) => s.preferences.display);
  const t = useMessages();
  const drawPane = (pane: PaneId, label?: string, decorations: ChartDecorations = {}): ReactNode =>
    display === 'outline' ? (
      <LoadBoundary message={t.partLoadFailed} retryLabel={t.reload}>
        <Suspense fallback={null}>
          <OutlineView
            pane={pane}
            {...(label ? { label } : {})}
            {...(decorations.badges ? { badges: decorations.badges } : {})}
            {...(decorations.highlighted ? { highlighted: decorations.highlighted } : {})}
          />
        </Suspense>
      </LoadBoundary>
    ) : (
      <OrgChart pane={pane} {...(label ? { label } : {})} {...decorations} />
    );
  return (
    <div className="app">
      <Header>
        <SearchBox />
        <CompareToggle />
        <ImportControl />
        <YourCharts />
      </Header>
      <NoticeBar />
      {view === 'compare' ? (
        <main className="workspace workspace-compare">
          <LoadBoundary message={t.partLoadFailed} retryLabel={t.reload}>
            <Suspense
              fallback={
                <p role="status" className="compare-waiting">
                  {t.loadingBoth}
                </p>
              }
            >
              <CompareView
                renderChart={(pane, decorations, label) => drawPane(pane, label, decorations)}
                renderDetails={(pane, label, sideTitle) => <DetailsPanel pane={pane} label={label} sideTitle={sideTitle} className="compare-details" />}
              />
            </Suspense>
          </LoadBoundary>
        </main>
      ) : (
        <main className="workspace">
          <section className="chart-area" aria-label={t.chartRegion}>
            {drawPane('main')}
          </section>
          <DetailsPanel />
        </main>
      )}
    </div>
  );
}
