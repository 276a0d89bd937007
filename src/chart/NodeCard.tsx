/**
 * One unit on the chart. Memoised and subscribed to its own selection and
 * focus by id, so panning or selecting re-renders a card or two, not all.
 */
import { memo, type MouseEvent, useCallback } from 'react';

import type { Messages } from '../i18n/messages.ts';
import { initialsOf } from '../model/present.ts';
import { type PaneId, paneIndex, useStore } from '../store/store.ts';
import { estimateTextWidth, lineSeparators, secondNameJoinsKindLine, wrapText } from './text.ts';

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
  /** Only the root card has room for it. */
  readonly headLine: string | null;
  readonly childCount: number;
  readonly descendantCount: number;
  readonly collapsed: boolean;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly onPath: boolean;
  readonly highlighted: boolean;
  readonly badge: string | null;
  /** Where the collapse toggle sits: under the card (top-down charts) or at its right (left-to-right). */
  readonly toggleAt: 'bottom' | 'right';
  /** The interface's words, for the accessible names. */
  readonly messages: Messages;
}

const NAME_SIZE = 14;
const SMALL_SIZE = 12;
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
    headLine,
    childCount,
    descendantCount,
    collapsed,
    badge,
    messages,
  } = props;
  const selected = useStore(useCallback((s) => (s.panes[pane].selectedId ?? paneIndex(s, pane)?.rootId) === id, [id, pane]));
  const focused = useStore(useCallback((s) => s.panes[pane].focusedId === id, [id, pane]));
  const select = useStore((s) => s.select);
  const toggleCollapsed = useStore((s) => s.toggleCollapsed);

  const left = -width / 2;
  const top = -height / 2;
  const isRoot = props.level === 1;
  // People get an initials disc in place of a photo: remote images are never fetched.
  const initials = kind === 'person' ? initialsOf(name) : null;
  const avatarSpace = initials ? AVATAR_RADIUS * 2 + 8 : 0;
  const nameLines = wrapText(name, width - PAD_X * 2 - 4 - avatarSpace, NAME_SIZE, 2, 600);
  let lineY = top + 20;
  const kindY = lineY;
  lineY += 20;
  const nameYs = nameLines.map((_, i) => lineY + i * 18);
  lineY = (nameYs[nameYs.length - 1] ?? lineY) + 18;
  const roomForExtra = lineY + 2 <= height / 2 - 4;
  const extraLine = isRoot ? headLine : nameLines.length === 1 ? secondName : null;
  const extraIsSecondName = !isRoot && extraLine !== null && extraLine === secondName;
  const shownExtra = roomForExtra && extraLine ? wrapText(extraLine, width - PAD_X * 2, SMALL_SIZE, 1)[0] : null;
  // With a two-line name, or on the root whose extra line is its head, there is no line left for the second
  // name: it joins the kind line when it fits whole.
  const kindWithSecond = secondName === null ? kindLabel : `${kindLabel} · ${secondName}`;
  const kindText = secondNameJoinsKindLine(kindLabel, secondName, isRoot || nameLines.length > 1, width - PAD_X * 2 - 4, SMALL_SIZE)
    ? kindWithSecond
    : kindLabel;

  const badgeWidth = badge ? estimateTextWidth(badge, SMALL_SIZE, 600) + 8 : 0;
  const shownKind = wrapText(kindText, width - PAD_X * 2 - 4 - badgeWidth, SMALL_SIZE, 1, 600)[0] ?? '';
  // The accessible name says every word the card shows, in the order of its text (WCAG 2.5.3, label in name):
  // kind, name (cut short, then whole), the line under it, badge; then what the card had no room for.
  const separators = lineSeparators(name, nameLines);
  const shownName = nameLines.map((line, i) => `${separators[i] ?? ''}${line}`).join('');
  const label = [
    shownKind,
    shownName === name.trim() ? null : shownName,
    name,
    shownExtra,
    badge,
    // The mark the card shows, then what it means.
    nameNote === 'missing'
      ? `${messages.noNativeNameMark} (${messages.noNativeName})`
      : nameNote === 'translation'
        ? `${messages.nativeNameTranslatedMark} (${messages.nativeNameTranslated})`
        : null,
    secondName !== null && shownExtra !== secondName && shownKind !== kindWithSecond ? secondName : null,
    isRoot && headLine !== null && shownExtra !== headLine ? headLine : null,
    childCount > 0 ? messages.unitsBelow(descendantCount, collapsed) : null,
  ]
    .filter(Boolean)
    .join(', ');

  const unshownSecond = secondName !== null && shownExtra !== secondName && shownKind !== kindWithSecond;
  const tooltip = shownName !== name.trim() || unshownSecond ? [name, secondName].filter(Boolean).join(' · ') : null;

  const toggleText = collapsed ? `+${descendantCount}` : '−';
  const toggleWidth = Math.max(24, estimateTextWidth(toggleText, SMALL_SIZE, 600) + 16);
  const onClick = () => select(id, pane);
  const transform = `translate(${x},${y})`;
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
        className={`node${selected ? ' is-selected' : ''}${props.onPath ? ' is-on-path' : ''}${props.highlighted ? ' is-highlighted' : ''}${badge ? ' has-badge' : ''}`}
        transform={transform}
        onClick={onClick}
      >
        <rect className="node-card" x={left} y={top} width={width} height={height} rx={10} aria-hidden="true">
          {/* A pointer's tooltip for what the card had no room for; inside the box, so it never adds to the card's words. */}
          {tooltip ? <title>{tooltip}</title> : null}
        </rect>
        <rect className="node-accent" x={left} y={top} width={6} height={height} rx={3} />
        {/* Text in reading order, spaced so it reads as words: the kind line, the name, the line under it, the badge. */}
        <text className="node-kind" x={left + PAD_X + 4} y={kindY} fontSize={SMALL_SIZE}>
          {shownKind}
        </text>{' '}
        <text className="node-name" x={left + PAD_X + 4} fontSize={NAME_SIZE} lang={nameLang ?? undefined}>
          {nameLines.map((line, i) => (
            <tspan key={i} x={left + PAD_X + 4} y={nameYs[i]}>
              {line}
              {/* The space that stood where the line broke, at the line's end where it shows as nothing. */}
              {separators[i + 1] ?? ''}
            </tspan>
          ))}
        </text>{' '}
        {shownExtra ? (
          <text
            className="node-extra"
            x={left + PAD_X + 4}
            y={lineY + 2}
            fontSize={SMALL_SIZE}
            lang={extraIsSecondName ? (secondLang ?? undefined) : undefined}
          >
            {shownExtra}
          </text>
        ) : null}{' '}
        {badge ? (
          <text className="node-badge" x={width / 2 - PAD_X} y={kindY} fontSize={SMALL_SIZE} textAnchor="end">
            {badge}
          </text>
        ) : null}{' '}
        {nameNote ? (
          // In the card's corner, small and muted: a note on the name, not a word of it.
          <text className="node-name-note" x={width / 2 - 8} y={height / 2 - 7} fontSize={NOTE_SIZE} textAnchor="end">
            {nameNote === 'missing' ? messages.noNativeNameMark : messages.nativeNameTranslatedMark}
          </text>
        ) : null}
      </g>
      {/* Pictures and the pointer's fold button, outside the tree item: its name already says all they show, and Right/Left fold it. */}
      {initials || childCount > 0 ? (
        <g className="node-decor" transform={transform} aria-hidden="true" data-decor-for={id}>
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
      ) : null}
    </>
  );
});
