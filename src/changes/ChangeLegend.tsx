/** The legend of the changes view: a count of each kind that also filters to it, "Expand changed" and the CSV export. */
import type { ReactNode } from 'react';

import { CHANGE_KINDS, type ChangeKind } from '../model/diff.ts';
import { useMessages } from '../store/useMessages.ts';

/** Each kind's mark beside its colour, so no change is told by colour alone. */
export const CHANGE_ICONS: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '−', moved: '→', renamed: '✎', changed: 'Δ' };

export interface ChangeLegendProps {
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly filter: ChangeKind | null;
  readonly onFilter: (kind: ChangeKind | null) => void;
  readonly onExpandChanged: () => void;
  readonly onExport: () => void;
  readonly children?: ReactNode;
}

export function ChangeLegend({ counts, filter, onFilter, onExpandChanged, onExport }: ChangeLegendProps) {
  const t = useMessages();
  return (
    <div className="change-legend">
      <div className="change-filters" role="group" aria-label={t.changeFilters}>
        <button type="button" aria-pressed={filter === null} onClick={() => onFilter(null)}>
          {t.allChanges}
        </button>
        {CHANGE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`change-filter tone-${kind}`}
            aria-pressed={filter === kind}
            disabled={counts[kind] === 0 && filter !== kind}
            onClick={() => onFilter(filter === kind ? null : kind)}
          >
            <span className="change-swatch" aria-hidden="true">
              {CHANGE_ICONS[kind]}
            </span>
            {t.changeCount(kind, counts[kind])}
          </button>
        ))}
      </div>
      <div className="change-actions">
        <button type="button" onClick={onExpandChanged} title={t.expandChangedHint}>
          {t.expandChanged}
        </button>
        <button type="button" onClick={onExport}>
          {t.exportChanges}
        </button>
      </div>
    </div>
  );
}
