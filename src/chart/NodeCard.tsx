/**
 * One unit on the chart. Memoised and subscribed to its own selection and
 * focus by id, so panning or selecting re-renders a card or two, not all.
 */
import { memo, type MouseEvent, useCallback } from 'react';

import { CARD_SMALL_SIZE, cardLayout, estimateTextWidth } from '../engine/cardLayout.ts';
import type { Messages } from '../i18n/messages.ts';
import { headText, initialsOf, unitAccessibleName } from '../model/present.ts';
import { type PaneId, paneIndex, useStore } from '../store/store.ts';

export interface NodeCardProps {
  readonly pane: PaneId;
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The name shown first, by the user's choice of names (see shownNames). */
  readonly name: string;
  readonly nameLang: string | null;
  /** The other name shown beside it, if any: e.g. the Chinese one. */
  readonly secondName: string | null;
  readonly secondLang: string | null;
  /** Native names asked for, but none on record, or the one shown is a translation (see nativeNameNote): a quiet mark says so. */
  readonly nameNote: 'missing' | 'translation' | null;
  readonly kind: string;
  readonly kindLabel: string;
  /** The unit's head, shown on the root card only (it has room for them). */
  readonly head: { readonly title: string; readonly person: string } | null;
  readonly childCount: number;
  readonly descendantCount: number;
  readonly collapsed: boolean;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly onPath: boolean;
  readonly highlighted: boolean;
  readonly badge: string | null;
  /** A class naming how the card is marked (e.g. a change: `added`, `removed`), drawn as `tone-…`. */
  readonly tone: string | null;
  /** Words said after the badge and shown on pointing, e.g. a renamed unit's old name. */
  readonly note: string | null;
  /** Where the collapse toggle sits: under the card (top-down charts) or at its right (left-to-right). */
  readonly toggleAt: 'bottom' | 'right';
  /** The interface's words, for the accessible names. */
  readonly messages: Messages;
}

const SMALL_SIZE = CARD_SMALL_SIZE;
const NOTE_SIZE = 10;
const PAD_X = 12;
const AVATAR_RADIUS = 17;

export const NodeCard = memo(function NodeCard(props: NodeCardProps) {
  const {
    pane,
    id,
    x,
    y,
    width,
    height,
    name,
    nameLang,
    secondName,
    secondLang,
    nameNote,
    kind,
    kindLabel,
    head,
    childCount,
    descendantCount,
    collapsed,
    badge,
    tone,
    note,
    messages,
  } = props;
  const selected = useStore(useCallback((s) => (s.panes[pane].selectedId ?? paneIndex(s, pane)?.rootId) === id, [id, pane]));
  const focused = useStore(useCallback((s) => s.panes[pane].focusedId === id, [id, pane]));
  const toggleCollapsed = useStore((s) => s.toggleCollapsed);

  const left = -width / 2;
  const top = -height / 2;
  const isRoot = props.level === 1;
  // People get an initials disc in place of a photo: remote images are never fetched.
  const initials = kind === 'person' ? initialsOf(name) : null;
  const avatarSpace = initials ? AVATAR_RADIUS * 2 + 8 : 0;
  const badgeWidth = badge ? estimateTextWidth(badge, SMALL_SIZE, 600) + 8 : 0;
  const text = cardLayout({
    width,
    height,
    name,
    isPerson: kind === 'person',
    kindLabel,
    secondName,
    head: isRoot ? head : null,
    nameInset: avatarSpace,
    kindInset: badgeWidth,
  });
  const kindY = top + text.kind.y;
  const shownKind = text.kind.withSecond ? `${kindLabel} · ${secondName ?? ''}` : text.kind.label;
  const shownExtra = text.extra?.shown ?? null;
  const extraIsSecondName = text.extra?.isSecondName ?? false;
  const headLine = isRoot && head !== null ? headText(head) : null;
  const shownName = text.name.shown;
  const unshownSecond = secondName !== null && !extraIsSecondName && !text.kind.withSecond;
  // The name leads; every word the card shows is in it once, whole where the card cut it short.
  const label = unitAccessibleName({
    name,
    kind: kindLabel,
    secondName,
    headLine,
    badge: badge !== null && note !== null ? `${badge}, ${note}` : badge,
    unitsBelow: childCount > 0 ? messages.unitsBelow(descendantCount) : null,
    // The mark the card shows, then what it means.
    nameNote:
      nameNote === 'missing'
        ? `${messages.noNativeNameMark} (${messages.noNativeName})`
        : nameNote === 'translation'
          ? `${messages.nativeNameTranslatedMark} (${messages.nativeNameTranslated})`
          : null,
  });

  const tooltip =
    shownName !== name.trim() || unshownSecond || (headLine !== null && shownExtra !== headLine) || note !== null
      ? [name, secondName, headLine, note].filter(Boolean).join(' · ')
      : null;

  const toggleText = collapsed ? `+${descendantCount}` : '−';
  const toggleWidth = Math.max(24, estimateTextWidth(toggleText, SMALL_SIZE, 600) + 16);
  const showUnit = useStore((s) => s.showUnit);
  // A card clicked where it peeks out from under the toolbar or the minimap comes out into the clear.
  const onClick = () => showUnit(id, pane, 'reveal');
  const transform = `translate(${x},${y})`;
  const nameCut = text.name.lines.length > 1 && (text.name.lines[text.name.lines.length - 1] ?? '').endsWith('…') && !name.trimEnd().endsWith('…');
  const onToggle = (event: MouseEvent) => {
    event.stopPropagation();
    toggleCollapsed(id, pane);
  };

  return (
    <>
      <g
        role="treeitem"
        aria-label={label}
        aria-level={props.level}
        aria-setsize={props.setSize}
        aria-posinset={props.posInSet}
        aria-selected={selected}
        aria-expanded={childCount > 0 ? !collapsed : undefined}
        tabIndex={focused ? 0 : -1}
        data-id={id}
        data-kind={kind}
        className={`node${selected ? ' is-selected' : ''}${props.onPath ? ' is-on-path' : ''}${props.highlighted ? ' is-highlighted' : ''}${badge ? ' has-badge' : ''}${tone ? ` tone-${tone}` : ''}`}
        transform={transform}
        onClick={onClick}
      >
        <rect className="node-card" x={left} y={top} width={width} height={height} rx={10} aria-hidden="true">
          {/* A pointer's tooltip for what the card had no room for; inside the box, so it never adds to the card's words. */}
          {tooltip ? <title>{tooltip}</title> : null}
        </rect>
        <rect className="node-accent" x={left} y={top} width={6} height={height} rx={3} />
        {/* The name is the tree item's only text: the card's other lines, which it may cut short or fill in another order,
            are drawn beside it and said whole in its accessible name, so the text on the item is found in that name (WCAG 2.5.3). */}
        <text className="node-name" x={left + PAD_X + 4} fontSize={text.name.size} lang={nameLang ?? undefined}>
          {(nameCut ? text.name.lines.slice(0, -1) : text.name.lines).map((line, i) => (
            <tspan key={i} x={left + PAD_X + 4} y={top + (text.name.ys[i] ?? 0)}>
              {line}
              {/* The space that stood where the line broke, at the line's end where it shows as nothing. */}
              {text.name.separators[i + 1] ?? ''}
            </tspan>
          ))}
        </text>
      </g>
      {/* The card's other lines, pictures and the pointer's fold button, outside the tree item: its name already says
          all they show, and Right/Left fold it. */}
      <g className={`node-decor${tone ? ` tone-${tone}` : ''}`} transform={transform} aria-hidden="true" data-decor-for={id} data-kind={kind}>
        <g className="node-words">
          {/* A name cut short: its cut line is drawn here, out of the tree item, whose text is then whole words of its
              accessible name (WCAG 2.5.3); the name is read whole from that. */}
          {nameCut ? (
            <text className="node-name" x={left + PAD_X + 4} fontSize={text.name.size} lang={nameLang ?? undefined}>
              <tspan x={left + PAD_X + 4} y={top + (text.name.ys[text.name.lines.length - 1] ?? 0)}>
                {text.name.lines[text.name.lines.length - 1]}
              </tspan>
            </text>
          ) : null}
          <text className="node-kind" x={left + PAD_X + 4} y={kindY} fontSize={SMALL_SIZE}>
            {shownKind}
          </text>
          {text.extra ? (
            <text className="node-extra" x={left + PAD_X + 4} fontSize={SMALL_SIZE} lang={extraIsSecondName ? (secondLang ?? undefined) : undefined}>
              {text.extra.lines.map((line, i) => (
                <tspan key={i} x={left + PAD_X + 4} y={top + (text.extra?.ys[i] ?? 0)}>
                  {line}
                  {text.extra?.separators[i + 1] ?? ''}
                </tspan>
              ))}
            </text>
          ) : null}
          {badge ? (
            <text className="node-badge" x={width / 2 - PAD_X} y={kindY} fontSize={SMALL_SIZE} textAnchor="end">
              {badge}
            </text>
          ) : null}
          {nameNote ? (
            // In the card's corner, small and muted: a note on the name, not a word of it.
            <text className="node-name-note" x={width / 2 - 8} y={height / 2 - 7} fontSize={NOTE_SIZE} textAnchor="end">
              {nameNote === 'missing' ? messages.noNativeNameMark : messages.nativeNameTranslatedMark}
            </text>
          ) : null}
        </g>
        {initials ? (
          <g className="node-avatar" transform={`translate(${width / 2 - PAD_X - AVATAR_RADIUS},${top + 12 + AVATAR_RADIUS + 8})`} onClick={onClick}>
            <circle r={AVATAR_RADIUS} />
            <text textAnchor="middle" y={4.5} fontSize={SMALL_SIZE}>
              {initials}
            </text>
          </g>
        ) : null}
        {childCount > 0 ? (
          <g
            className="node-toggle"
            data-no-zoom=""
            transform={props.toggleAt === 'right' ? `translate(${width / 2},0)` : `translate(0,${height / 2})`}
            onClick={onToggle}
          >
            <rect x={-toggleWidth / 2} y={-12} width={toggleWidth} height={24} rx={12} />
            <text textAnchor="middle" y={4.5} fontSize={SMALL_SIZE}>
              {toggleText}
            </text>
          </g>
        ) : null}
      </g>
    </>
  );
});
