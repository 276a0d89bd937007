/** The units a pane draws as cards and links now (see src/engine/culling.ts), re-computed only when the snapped window moves. */
import { useCallback, useMemo } from 'react';

import { type CulledUnits, cullingWindowKey, cullUnits, LOD_SCALE } from '../engine/culling.ts';
import type { ChartLayout } from '../engine/layout.ts';
import { buildSpatialGrid, type SpatialGrid } from '../engine/spatial.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type PaneId, useStore } from '../store/store.ts';

export function useCulledUnits(
  pane: PaneId,
  index: OrgIndex,
  layout: ChartLayout,
  size: { width: number; height: number },
): CulledUnits & { grid: SpatialGrid } {
  const grid = useMemo(() => buildSpatialGrid(layout.nodes), [layout]);
  // A string, so a pan re-renders only when it carries the window across a step of the grid.
  const windowKey = useStore(useCallback((s) => cullingWindowKey(s.panes[pane].transform, size.width, size.height), [pane, size]));
  const tooSmallToRead = useStore(useCallback((s) => s.panes[pane].transform.k < LOD_SCALE, [pane]));
  const selectedId = useStore((s) => s.panes[pane].selectedId) ?? index.rootId;
  const focusedId = useStore((s) => s.panes[pane].focusedId);
  const culled = useMemo(
    () => cullUnits(layout, grid, index.childrenOf, windowKey, tooSmallToRead, focusedId === null ? [selectedId] : [selectedId, focusedId]),
    [layout, grid, index, windowKey, tooSmallToRead, selectedId, focusedId],
  );
  return { ...culled, grid };
}
