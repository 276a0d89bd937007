/**
 * The timeline of a chart with a past on record: a button in the chart's toolbar (or a strip across the top) whose
 * controls (TimelineBar.tsx) load with the first such chart, not with the page. The strip suspends until they have:
 * render it inside a Suspense boundary that also holds what it sits above, and let views that show it wait for
 * `loadTimelineBar()` with their own code.
 */
import { lazy, Suspense, useMemo } from 'react';

import { loadOnce } from '../model/loadOnce.ts';
import { loadedHistory } from '../model/timeData.ts';
import { hasPast, type PaneId, readyIndex, useStore } from '../store/store.ts';
import type * as TimelineBarExports from './TimelineBar.tsx';

const timelineBar = loadOnce<typeof TimelineBarExports>(() => import('./TimelineBar.tsx'));

/** Loads the timeline's controls once; later calls get the same. */
export const loadTimelineBar = timelineBar.load;

const LazyTimelineBar = lazy(loadTimelineBar);

export interface TimelineProps {
  readonly pane: PaneId;
  /**
   * `menu`: a button in the chart's toolbar ("As of: Today") opening the timeline over the chart, which keeps all its
   * height; `strip`: the timeline across the top (the compare view, the outline).
   */
  readonly variant?: 'menu' | 'strip';
}

export function Timeline({ pane, variant = 'strip' }: TimelineProps) {
  const today = useStore((s) => readyIndex(s, s.panes[pane].chartId));
  const history = loadedHistory();
  const past = today !== null && hasPast(today);
  // Once per chart: the toolbar this sits in re-renders as the view zooms. A chart with no past has no marks to look for.
  const marks = useMemo(() => (today === null || history === null || !past ? [] : history.timelineOf(today.fullChart)), [today, history, past]);
  if (today === null || history === null || !past) return null;
  // Once loaded, drawn directly: a lazy component suspends the first time it renders even when its code is in, which
  // would blank a compare view already shown when its left chart becomes ready.
  const TimelineBar = timelineBar.loaded()?.default ?? LazyTimelineBar;
  const bar = <TimelineBar pane={pane} marks={marks} variant={variant} />;
  // The strip sits above what it shows: it waits in its caller's boundary, so both appear together and the code
  // arriving late does not push the charts down. The toolbar's button can come on its own.
  return variant === 'strip' ? bar : <Suspense fallback={null}>{bar}</Suspense>;
}
