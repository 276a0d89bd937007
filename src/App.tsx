/** Composition only: header, notice, and either the chart view or the compare view, each drawn as a chart or as an outline. */
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';

import { type ChartDecorations, OrgChart } from './chart/OrgChart.tsx';
import { CompareToggle } from './compare/CompareToggle.tsx';
import { Header } from './header/Header.tsx';
import { noticeText } from './i18n/messages.ts';
import { ImportControl } from './io/ImportControl.tsx';
import { YourCharts } from './io/YourCharts.tsx';
import { DetailsPanel } from './panel/DetailsPanel.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { LoadBoundary } from './shared/LoadBoundary.tsx';
import { afterNextPaint } from './store/imported.ts';
import { type PaneId, useStore } from './store/store.ts';
import { useMessages } from './store/useMessages.ts';
import { loadTimelineBar, Timeline } from './timeline/Timeline.tsx';

/** A view with the timeline's strip above it: the strip's code comes with the view's, so it never arrives after it and pushes it down. */
const underTimelineStrip = async <Module,>(view: Promise<Module>): Promise<Module> => (await Promise.all([view, loadTimelineBar()]))[0];
// The compare view and the outline load when first shown, keeping them out of the first download.
const CompareView = lazy(async () => ({ default: (await underTimelineStrip(import('./compare/CompareView.tsx'))).CompareView }));
const OutlineView = lazy(async () => ({ default: (await underTimelineStrip(import('./outline/OutlineView.tsx'))).OutlineView }));
// Editing is asked for once the first frame is painted (see AfterFirstPaint) and is only needed once a chart is edited.
const EditControls = lazy(async () => ({ default: (await import('./edit/EditControls.tsx')).EditControls }));
const EditTools = lazy(async () => ({ default: (await import('./edit/EditTools.tsx')).EditTools }));
const UnitEditForm = lazy(async () => ({ default: (await import('./edit/UnitEditForm.tsx')).UnitEditForm }));
const ChangesView = lazy(async () => ({ default: (await import('./changes/ChangesView.tsx')).ChangesView }));

/** How long a notice stays before it goes by itself: news briefly, a warning longer; an error stays until it is closed. */
const NOTICE_LIFETIME_MS = { info: 8_000, warning: 15_000, error: null } as const;

/** The latest notice, floating over the top of the workspace so it never pushes the chart down; it goes by itself (see NOTICE_LIFETIME_MS) or when closed. */
function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const showNotice = useStore((s) => s.showNotice);
  const t = useMessages();
  // A reader pointing at or tabbed into the notice is reading it: its time stops until they leave. Held is kept per
  // notice, so one closed under the pointer does not hold the next.
  const [heldNotice, setHeldNotice] = useState<typeof notice>(null);
  const held = notice !== null && heldNotice === notice;
  useEffect(() => {
    const lifetime = notice === null ? null : NOTICE_LIFETIME_MS[notice.tone];
    if (lifetime === null || held) return;
    const timer = window.setTimeout(() => {
      // Only this notice: a newer one keeps its own time.
      if (useStore.getState().notice === notice) showNotice(null);
    }, lifetime);
    return () => window.clearTimeout(timer);
  }, [notice, held, showNotice]);
  if (notice === null) return null;
  return (
    <div
      className={`notice notice-${notice.tone}`}
      role={notice.tone === 'info' ? 'status' : 'alert'}
      onPointerEnter={() => setHeldNotice(notice)}
      onPointerLeave={() => setHeldNotice(null)}
      onFocus={() => setHeldNotice(notice)}
      onBlur={() => setHeldNotice(null)}
    >
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

/** Set once the page has painted its first frame: parts mounted later render at once. */
let firstFramePainted = false;

/**
 * Renders its children once the page has painted its first frame. Editing's code is not needed to show a chart, and a
 * lazy part asked for during the first render adds its preload links inside that render (about 45 ms of a cold visit
 * on a slow host, bench/README.md); its header buttons came after the first frame already.
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(firstFramePainted);
  useEffect(() => {
    if (painted) return;
    let mounted = true;
    void afterNextPaint().then(() => {
      firstFramePainted = true;
      if (mounted) setPainted(true);
    });
    return () => {
      mounted = false;
    };
  }, [painted]);
  return painted ? children : null;
}

/** A workspace whose view loads when first shown (compare, changes): the notices, then the view, or what it is waiting for. */
function LazyWorkspace({ className, waiting, children }: { className: string; waiting: string; children: ReactNode }) {
  const t = useMessages();
  return (
    <main className={`workspace ${className}`}>
      <NoticeBar />
      <LoadBoundary message={t.partLoadFailed} retryLabel={t.reload}>
        <Suspense
          fallback={
            <p role="status" className="compare-waiting">
              {waiting}
            </p>
          }
        >
          {children}
        </Suspense>
      </LoadBoundary>
    </main>
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
      <OrgChart
        pane={pane}
        {...(label ? { label } : {})}
        {...decorations}
        // The main chart's timeline sits in its toolbar, leaving the chart all its height; compare shares one strip.
        {...(pane === 'main' ? { toolbarExtra: <Timeline pane="main" variant="menu" /> } : {})}
      />
    );
  return (
    <div className="app">
      <Header>
        <SearchBox />
        <CompareToggle />
        <ImportControl />
        <YourCharts />
        <AfterFirstPaint>
          <Suspense fallback={null}>
            <EditControls />
          </Suspense>
        </AfterFirstPaint>
      </Header>
      {view === 'changes' ? (
        <LazyWorkspace className="workspace-changes" waiting={t.loadingChanges}>
          <ChangesView
            renderChart={(decorations, label) => drawPane('changes', label, decorations)}
            renderDetails={(afterHeader) => <DetailsPanel pane="changes" afterHeader={afterHeader} />}
          />
        </LazyWorkspace>
      ) : view === 'compare' ? (
        <LazyWorkspace className="workspace-compare" waiting={t.loadingBoth}>
          <CompareView
            renderChart={(pane, decorations, label) => drawPane(pane, label, decorations)}
            renderDetails={(pane, label, sideTitle) => <DetailsPanel pane={pane} label={label} sideTitle={sideTitle} className="compare-details" />}
            timeline={<Timeline pane="left" />}
          />
        </LazyWorkspace>
      ) : (
        <main className="workspace">
          <NoticeBar />
          <section className="chart-area" aria-label={t.chartRegion}>
            {/* One boundary for the outline and its timeline strip, so neither pushes the other when its code arrives. */}
            <Suspense fallback={null}>
              {/* The outline has no toolbar: its timeline runs across the top, before it in the tab order as it is seen. */}
              {display === 'outline' ? <Timeline pane="main" /> : null}
              <AfterFirstPaint>
                <Suspense fallback={null}>
                  <EditTools />
                </Suspense>
              </AfterFirstPaint>
              <div className="chart-stage">{drawPane('main')}</div>
            </Suspense>
          </section>
          <DetailsPanel
            editor={
              <AfterFirstPaint>
                <Suspense fallback={null}>
                  <UnitEditForm />
                </Suspense>
              </AfterFirstPaint>
            }
          />
        </main>
      )}
    </div>
  );
}
