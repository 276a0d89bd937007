/**
 * How the view moves: every move a pane's view can make (open a chart, fit,
 * keep the chart's shape change readable, keep a folded unit in place, centre
 * or reveal a unit), carried out through the pane's zoom controller so
 * d3-zoom's state stays the truth. The store's `moveView(pane, move)` calls
 * this through the pane it registered (see src/chart/usePaneZoom.ts), at once
 * when the pane is drawn, or as soon as it is.
 */
import type { Bounds, ChartLayout, NodePosition } from './layout.ts';
import { keepInPlace, OPENING_SCALE, openingTransform, type OpeningView, reshapeTransform, type ZoomController } from './zoom.ts';

export type ViewMove =
  /** A chart just shown: see openingTransform. Applying it twice gives the same view. */
  | { readonly kind: 'open' }
  | { readonly kind: 'fit' }
  /** The chart's shape changed under the view (Expand all, Collapse all): see reshapeTransform. */
  | { readonly kind: 'reshape' }
  /** One unit was folded or unfolded: it stays where it is on screen while the chart re-forms around it. */
  | { readonly kind: 'keep'; readonly id: string }
  /** A unit chosen from a list (details panel, outline, compare, search): centred in the clear part of the screen. */
  | { readonly kind: 'center'; readonly id: string }
  /** A unit clicked or reached by keyboard: the least pan that brings it fully into view. */
  | { readonly kind: 'reveal'; readonly id: string };

export interface ViewMoveContext {
  /** The layout the move is for: the one about to be drawn (a fold's, Expand all's). */
  readonly layout: ChartLayout;
  /** The layout on screen before the change, if any: where a kept unit was. */
  readonly drawn: ChartLayout | null;
  /** The unit a reshape keeps in place: the selected one, or the top. */
  readonly anchorId: string;
  readonly rootId: string;
  readonly screen: OpeningView;
  /** The least zoom at which a chart opens whole (see OPENING_MIN_SCALE). */
  readonly wholeChartScale: number;
  /** False for a pane's first move: a chart opening at a unit is drawn there, not flown to. */
  readonly animate: boolean;
}

/** A unit's box in chart coordinates, with room under it for its fold button. */
export function unitBox(position: Pick<NodePosition, 'x' | 'y' | 'width' | 'height'>): Bounds {
  return {
    minX: position.x - position.width / 2,
    maxX: position.x + position.width / 2,
    minY: position.y - position.height / 2,
    maxY: position.y + position.height / 2 + 12,
  };
}

const anchorOf = (id: string, context: ViewMoveContext) => ({ before: context.drawn?.positionOf.get(id), after: context.layout.positionOf.get(id) });

/** Where an 'open' move puts the view: null when the layout has no such root. */
export function openingViewOf(layout: ChartLayout, rootId: string, screen: OpeningView, wholeChartScale: number): { x: number; y: number; k: number } | null {
  const root = layout.positionOf.get(rootId);
  if (!root) return null;
  return openingTransform(layout.bounds, { x: root.x, top: root.y - root.height / 2 }, screen, { min: wholeChartScale, opening: OPENING_SCALE });
}

/** Carries out `move` on the controller; a unit that is not in the layout (folded away, gone) leaves the view as it is. */
export function applyViewMove(controller: ZoomController, move: ViewMove, context: ViewMoveContext): void {
  const { layout, screen } = context;
  switch (move.kind) {
    case 'open': {
      // Decided from the chart and the screen alone, so applying it again (StrictMode) lands on the very same view.
      const opening = openingViewOf(layout, context.rootId, screen, context.wholeChartScale);
      if (opening) controller.jumpTo(opening);
      return;
    }
    case 'fit':
      controller.fitToScreen(layout.bounds, 1, context.animate);
      return;
    // Both at once: a big chart must not draw every frame of a move while it re-forms.
    case 'reshape':
      controller.jumpTo(reshapeTransform(layout.bounds, anchorOf(context.anchorId, context), controller.current(), screen.width, screen.height, screen.top));
      return;
    case 'keep':
      controller.jumpTo(keepInPlace(anchorOf(move.id, context), controller.current()));
      return;
    case 'center':
    case 'reveal': {
      const position = layout.positionOf.get(move.id);
      if (!position) return;
      if (move.kind === 'center') controller.centerBox(unitBox(position), undefined, context.animate);
      else controller.reveal(unitBox(position));
    }
  }
}
