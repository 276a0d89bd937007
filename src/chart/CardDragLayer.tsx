/** The drag-and-drop of cards while a chart is edited (useCardDrag), as a component OrgChart loads on demand: the editing code stays out of the first download. */
import { type CardDragOptions, useCardDrag } from './useCardDrag.tsx';

export default function CardDragLayer(props: CardDragOptions) {
  return <>{useCardDrag(props)}</>;
}
