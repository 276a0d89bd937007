/**
 * Dragging a unit's card onto a new parent while its chart is edited: a press
 * on a card no longer pans (the background still does), a drag past a few
 * pixels picks the unit up, the card under the pointer is outlined as the drop
 * target (or as refused, under the unit's own branch), the view scrolls when
 * the pointer nears an edge, Escape cancels, and the drop is one step to undo.
 */
import { type ReactNode, type RefObject, useEffect, useState } from 'react';

import type { ChartLayout } from '../engine/layout.ts';
import type { ZoomController } from '../engine/zoom.ts';
import { type OrgIndex, pathToRoot } from '../model/tree.ts';
import { moveEditedUnit, nameIn, tell, useEditStore } from '../store/editing.ts';
import type { PaneId } from '../store/store.ts';

/** How far a press moves before it is a drag, as d3-zoom's clickDistance. */
const DRAG_DISTANCE = 4;
/** How near an edge the pointer scrolls the view, and how fast at the very edge (px per frame). */
const EDGE = 48;
const EDGE_SPEED = 14;

interface DragState {
  readonly unitId: string;
  readonly targetId: string | null;
}

export interface CardDragOptions {
  readonly pane: PaneId;
  readonly chartId: string;
  readonly index: OrgIndex;
  readonly layout: ChartLayout;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly zoomRef: RefObject<ZoomController | null>;
}

function unitUnder(x: number, y: number): string | null {
  const element = document.elementFromPoint(x, y)?.closest('[role="treeitem"], [data-decor-for]');
  return element?.getAttribute('data-id') ?? element?.getAttribute('data-decor-for') ?? null;
}

/** Returns the outlines to draw inside the chart's viewport while a card is dragged. */
export function useCardDrag({ pane, chartId, index, layout, svgRef, zoomRef }: CardDragOptions): ReactNode {
  const editing = useEditStore((s) => s.chartId === chartId) && pane === 'main';
  // A unit cut to be pasted (Ctrl+X) is marked as one being dragged is.
  const cutId = useEditStore((s) => (s.chartId === chartId && pane === 'main' ? s.cutId : null));
  const [drag, setDrag] = useState<DragState | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !editing) return;
    let pressed: { unitId: string; x: number; y: number; pointerId: number } | null = null;
    let dragging = false;
    let targetId: string | null = null;
    let pointer = { x: 0, y: 0 };
    let scrollFrame = 0;

    const stop = () => {
      if (pressed && svg.hasPointerCapture(pressed.pointerId)) svg.releasePointerCapture(pressed.pointerId);
      cancelAnimationFrame(scrollFrame);
      pressed = null;
      dragging = false;
      targetId = null;
      setDrag(null);
    };
    // Near an edge the view scrolls on each frame, as long as the pointer stays there.
    const scroll = () => {
      const box = svg.getBoundingClientRect();
      const push = (distance: number) => (distance < EDGE ? ((EDGE - Math.max(0, distance)) / EDGE) * EDGE_SPEED : 0);
      const dx = push(pointer.x - box.left) - push(box.right - pointer.x);
      const dy = push(pointer.y - box.top) - push(box.bottom - pointer.y);
      if (dx !== 0 || dy !== 0) zoomRef.current?.panBy(dx, dy);
      scrollFrame = dragging ? requestAnimationFrame(scroll) : 0;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0 || event.pointerType === 'touch') return;
      const unitId = (event.target as Element).closest('[role="treeitem"]')?.getAttribute('data-id') ?? null;
      if (unitId === null || unitId === index.rootId) return;
      // No mouse events follow: d3-zoom does not pan from a card being edited (the click that selects still comes).
      event.preventDefault();
      pressed = { unitId, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!pressed || event.pointerId !== pressed.pointerId) return;
      pointer = { x: event.clientX, y: event.clientY };
      if (!dragging) {
        if (Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) < DRAG_DISTANCE) return;
        dragging = true;
        svg.setPointerCapture(event.pointerId);
        scrollFrame = requestAnimationFrame(scroll);
        const unitName = nameIn(useEditStore.getState().chart, pressed.unitId);
        tell('info', (w) => w.dragHint(unitName));
      }
      const under = unitUnder(event.clientX, event.clientY);
      if (under !== targetId) {
        targetId = under;
        setDrag({ unitId: pressed.unitId, targetId: under });
      }
    };
    const onPointerUp = (event: PointerEvent) => {
      if (!pressed || event.pointerId !== pressed.pointerId) return;
      const { unitId } = pressed;
      const dropOn = dragging ? targetId : null;
      const wasDrag = dragging;
      stop();
      if (!wasDrag) return;
      // The click that ends a drag is not a click on a card.
      window.addEventListener('click', (click) => click.stopPropagation(), { capture: true, once: true });
      if (dropOn !== null && dropOn !== unitId) moveEditedUnit(unitId, dropOn);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !dragging) return;
      event.preventDefault();
      event.stopPropagation();
      stop();
      tell('info', (w) => w.cutCancelled);
    };
    svg.addEventListener('pointerdown', onPointerDown);
    svg.addEventListener('pointermove', onPointerMove);
    svg.addEventListener('pointerup', onPointerUp);
    svg.addEventListener('pointercancel', stop);
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      stop();
      svg.removeEventListener('pointerdown', onPointerDown);
      svg.removeEventListener('pointermove', onPointerMove);
      svg.removeEventListener('pointerup', onPointerUp);
      svg.removeEventListener('pointercancel', stop);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [editing, svgRef, zoomRef, index.rootId]);

  if (drag === null && cutId === null) return null;
  const outline = (unitId: string, className: string) => {
    const position = layout.positionOf.get(unitId);
    if (!position) return null;
    const { x, y, width, height } = position;
    return <rect key={className} className={className} x={x - width / 2 - 4} y={y - height / 2 - 4} width={width + 8} height={height + 8} rx={12} />;
  };
  if (drag === null) {
    return (
      <g className="drag-outlines" aria-hidden="true">
        {cutId === null ? null : outline(cutId, 'drag-source')}
      </g>
    );
  }
  // Under the unit's own branch a drop is refused (and says why when made).
  const refused = drag.targetId !== null && pathToRoot(index, drag.targetId).includes(drag.unitId);
  return (
    <g className="drag-outlines" aria-hidden="true">
      {outline(drag.unitId, 'drag-source')}
      {drag.targetId !== null && drag.targetId !== drag.unitId ? outline(drag.targetId, refused ? 'drop-target is-refused' : 'drop-target') : null}
    </g>
  );
}
