/** The header's Compare button: opens the two bundled offices side by side (or the open chart beside one of them), or closes the view. */
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export function CompareToggle() {
  const view = useStore((s) => s.view);
  const openCompare = useStore((s) => s.openCompare);
  const closeCompare = useStore((s) => s.closeCompare);
  const catalog = useStore((s) => s.catalog);
  const mainChart = useStore((s) => s.panes.main.chartId);
  const leftChart = useStore((s) => s.panes.left.chartId);
  const rightChart = useStore((s) => s.panes.right.chartId);
  const t = useMessages();
  const open = () => {
    // By default the two bundled offices; if the user has a chart open, it goes on the left.
    const bundled = catalog.filter((entry) => entry.origin === 'bundled').map((entry) => entry.id);
    const left = mainChart ?? leftChart ?? bundled[0];
    const right = [rightChart, ...bundled, ...catalog.map((entry) => entry.id)].find((id) => id != null && id !== left) ?? left;
    if (left && right) openCompare(left, right);
  };
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={view === 'compare'}
      onClick={view === 'compare' ? closeCompare : open}
      disabled={catalog.length === 0}
    >
      {t.compare}
    </button>
  );
}
