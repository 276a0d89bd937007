/** Composition only: header, notice, and either the chart view or the compare view. */
import { OrgChart } from './chart/OrgChart.tsx';
import { CompareToggle, CompareView } from './compare/CompareView.tsx';
import { Header } from './header/Header.tsx';
import { ImportControl } from './io/ImportControl.tsx';
import { YourCharts } from './io/YourCharts.tsx';
import { DetailsPanel } from './panel/DetailsPanel.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { useStore } from './store/store.ts';

function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const showNotice = useStore((s) => s.showNotice);
  if (notice === null) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
      <p>{notice.text}</p>
      <button type="button" onClick={() => showNotice(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

export function App() {
  const view = useStore((s) => s.view);
  return (
    <div className="app">
      <Header>
        <SearchBox />
        <CompareToggle />
        <ImportControl />
        <YourCharts />
      </Header>
      <NoticeBar />
      {view === 'compare' ? (
        <main className="workspace workspace-compare">
          <CompareView
            renderChart={(pane, decorations, label) => <OrgChart pane={pane} label={label} {...decorations} />}
            renderDetails={(pane, label) => <DetailsPanel pane={pane} label={label} className="compare-details" />}
          />
        </main>
      ) : (
        <main className="workspace">
          <section className="chart-area" aria-label="Chart">
            <OrgChart />
          </section>
          <DetailsPanel />
        </main>
      )}
    </div>
  );
}
