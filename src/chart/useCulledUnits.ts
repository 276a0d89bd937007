/** The units a pane draws as cards and links now (see src/engine/culling.ts), re-computed only when the snapped window moves. */
import { useCallback, useMemo } from 'react';

import { type CulledUnits, cullingWindowKey, cullUnits, LOD_SCALE } from '../engine/culling.ts';
import type { ChartLayout } from '../engine/layout.ts';
import { buildSpatialGrid, type SpatialGrid } from '../engine/spatial.ts';
import type { ViewTransform } from '../engine/zoom.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type PaneId, useStore } from '../store/store.ts';
import { usePaneTransform } from './openingView.ts';

const isTooSmallToRead = (transform: ViewTransform) => transform.k < LOD_SCALE;

/**
 * The cards are culled for the view a chart just shown opens at (see openingView.ts), not for the view the pane had
 * before: the first commit draws the cards the first frame shows, not a window's worth of others the move then swaps out.
 */
export function useCulledUnits(
  pane: PaneId,
  index: OrgIndex,
  layout: ChartLayout,
  size: { width: number; height: number },
  opening: ViewTransform | null,
): CulledUnits & { grid: SpatialGrid } {
  const grid = useMemo(() => buildSpatialGrid(layout.nodes), [layout]);
  // A string, so a pan re-renders only when it carries the window across a step of the grid.
  const windowKey = usePaneTransform(
    pane,
    useCallback((transform: ViewTransform) => cullingWindowKey(transform, size.width, size.height), [size]),
    opening,
  );
  const tooSmallToRead = usePaneTransform(pane, isTooSmallToRead, opening);
  const selectedId = useStore((s) => s.panes[pane].selectedId) ?? index.rootId;
  const focusedId = useStore((s) => s.panes[pane].focusedId);
  const culled = useMemo(
    () => cullUnits(layout, grid, index.childrenOf, windowKey, tooSmallToRead, focusedId === null ? [selectedId] : [selectedId, focusedId]),
    [layout, grid, index, windowKey, tooSmallToRead, selectedId, focusedId],
  );
  return { ...culled, grid };
}
