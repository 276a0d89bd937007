/** Composition only: header, notice, chart and details panel. */
import { OrgChart } from './chart/OrgChart.tsx';
import { Header } from './header/Header.tsx';
import { DetailsPanel } from './panel/DetailsPanel.tsx';
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
  return (
    <div className="app">
      <Header />
      <NoticeBar />
      <main className="workspace">
        <section className="chart-area" aria-label="Chart">
          <OrgChart />
        </section>
        <DetailsPanel />
      </main>
    </div>
  );
}
