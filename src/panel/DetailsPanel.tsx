/** The details panel of a pane: the shell around the selected unit's details (a bottom sheet on phones) and the announcement of each selection. */
import { type ReactNode, useEffect, useRef, useState } from 'react';

import { kindName, type Messages } from '../i18n/messages.ts';
import { shownNames } from '../model/present.ts';
import { type OrgIndex, treePosition } from '../model/tree.ts';
import { layOutWholePage } from '../shared/dom.ts';
import { type PaneId, paneIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { UnitDetails } from './UnitDetails.tsx';

export interface DetailsPanelProps {
  readonly pane?: PaneId;
  /** The landmark's name; "Details" (in the interface language) unless several panels are on screen. */
  readonly label?: string;
  /** The chart this panel shows when two are on screen: added to the names of its path and sections, which the other panel has too. */
  readonly sideTitle?: string;
  readonly className?: string;
  /** On phones, a bottom sheet the user can lower: the main view's panel, not the compare view's. */
  readonly sheet?: boolean;
  /** A section under the unit's name, from the view around the panel (see UnitDetails). */
  readonly afterHeader?: ReactNode;
  /** Shown above the unit's details: the unit's edit form while its chart is edited, passed in by App. */
  readonly editor?: ReactNode;
}

export function DetailsPanel({ pane = 'main', label, sideTitle, className = 'panel', sheet = pane === 'main', afterHeader, editor }: DetailsPanelProps) {
  const index = useStore((s) => paneIndex(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const t = useMessages();
  const unitId = selectedId ?? index?.rootId ?? null;
  const unit = unitId !== null ? index?.byId.get(unitId) : undefined;
  const hitNonce = useStore((s) => (s.searchHit?.pane === pane ? s.searchHit.nonce : null));
  // On phones the panel is a bottom sheet the user can lower out of the chart's way; a new selection raises it again,
  // and so does a search result, even on the root, so what matched is in sight.
  // It starts lowered while only the chart's root is selected, so a phone opens on the chart.
  const [sheetLowered, setSheetLowered] = useState(selectedId === null);
  const [raisedFor, setRaisedFor] = useState({ selectedId, hitNonce });
  if (raisedFor.selectedId !== selectedId || raisedFor.hitNonce !== hitNonce) {
    setRaisedFor({ selectedId, hitNonce });
    if (selectedId !== null || (hitNonce !== null && hitNonce !== raisedFor.hitNonce)) setSheetLowered(false);
  }
  // A search result's first mark scrolled into the panel's view: the function that matched may be the tenth of ten.
  // Only the panel scrolls (the side panel, the phone's sheet); where the page scrolls instead, the chart stays in sight.
  const panelRef = useRef<HTMLElement>(null);
  const shown = index && unit ? `${index.chart.id}:${unit.id}` : '';
  // Another unit is read from its top, not from where the last one was left.
  useEffect(() => {
    if (panelRef.current) panelRef.current.scrollTop = 0;
  }, [shown]);
  useEffect(() => {
    const panel = panelRef.current;
    const mark = hitNonce === null ? null : panel?.querySelector('mark');
    if (!panel || !mark) return;
    layOutWholePage();
    const box = mark.getBoundingClientRect();
    const top = box.top - panel.getBoundingClientRect().top;
    // In view already (below the phone sheet's sticky handle): left where it is, the unit's name still in sight.
    if (top < (panel.querySelector<HTMLElement>('.sheet-handle')?.offsetHeight ?? 0) || top + box.height > panel.clientHeight) {
      panel.scrollTop += top - panel.clientHeight / 3;
    }
  }, [hitNonce, shown]);

  return (
    // The panel is one tab stop of its own, first after the chart, so a keyboard reader starts at its top and can
    // scroll it with the arrow keys, rather than landing on its first control far down.
    <aside ref={panelRef} tabIndex={0} className={`${className}${sheet && sheetLowered ? ' is-lowered' : ''}`} aria-label={label ?? t.details}>
      {sheet ? (
        <button type="button" className="sheet-handle" aria-expanded={!sheetLowered} onClick={() => setSheetLowered(!sheetLowered)}>
          {sheetLowered ? t.showSheet : t.hideSheet}
        </button>
      ) : null}
      <SelectionAnnouncer pane={pane} index={index} unitId={unitId} messages={t} />
      {editor}
      {index && unit ? (
        <UnitDetails key={`${index.chart.id}:${unit.id}`} index={index} unit={unit} pane={pane} sideTitle={sideTitle} afterHeader={afterHeader} />
      ) : (
        <p className="panel-empty">{t.selectToSee}</p>
      )}
    </aside>
  );
}

/**
 * Says which unit was selected, through a polite live region: a screen reader
 * hears "Selected: Liaison Bureau, department, level 3, 5 of 12" without
 * leaving the chart. Silent on the first render, which is not a change.
 */
function SelectionAnnouncer({ pane, index, unitId, messages }: { pane: PaneId; index: OrgIndex | null; unitId: string | null; messages: Messages }) {
  const nameMode = useStore((s) => s.preferences.names);
  const key = index && unitId ? `${index.chart.id}:${unitId}` : '';
  const [announced, setAnnounced] = useState({ key, text: '' });
  if (announced.key !== key) {
    const unit = unitId === null ? undefined : index?.byId.get(unitId);
    let text = '';
    if (index && unit && unitId !== null && announced.key !== '') {
      const { level, posInSet, setSize } = treePosition(index, unitId);
      const { primary } = shownNames(unit, nameMode, index.chart.language ?? null);
      text = messages.selected(primary.text, kindName(messages, unit.kind), level, posInSet, setSize);
    }
    setAnnounced({ key, text });
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-pane={pane}>
      {announced.text}
    </p>
  );
}
