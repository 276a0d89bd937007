/** The app bar: what this is, which chart is on screen, the slots App fills (search, compare, import), and the display settings. */
import { type ReactNode, useEffect, useRef, useState } from 'react';

import { listenOnWindow } from '../shared/dom.ts';
import { type ChartSlot, shownSwitchTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { DisplaySettings, OutlineToggle, ShortcutsButton } from './HeaderSettings.tsx';

export function Header({ children }: { children?: ReactNode }) {
  const catalog = useStore((s) => s.catalog);
  const view = useStore((s) => s.view);
  const activeChartId = useStore((s) => s.panes.main.chartId);
  const openChart = useStore((s) => s.openChart);
  const charts = useStore((s) => s.charts);
  const preferences = useStore((s) => s.preferences);
  const t = useMessages();
  // The bundled charts, and one imported chart: the one on screen, else the latest. The others are under
  // "Your charts", so the header keeps its size however many charts are imported.
  const imported = catalog.filter((entry) => entry.origin === 'imported');
  const shownImported = imported.find((entry) => entry.id === activeChartId) ?? imported[imported.length - 1];
  const switchable = catalog.filter((entry) => entry.origin === 'bundled' || entry === shownImported);
  const switchRef = useRef<HTMLFieldSetElement>(null);
  // On a phone the switch scrolls sideways: the chart on screen is scrolled into its view (not the page's).
  useEffect(() => {
    const box = switchRef.current;
    const label = box?.querySelector('label.is-active');
    if (!box || !label) return;
    const inner = box.getBoundingClientRect();
    const outer = label.getBoundingClientRect();
    if (outer.right > inner.right) box.scrollLeft += outer.right - inner.right;
    else if (outer.left < inner.left) box.scrollLeft -= inner.left - outer.left;
  }, [activeChartId, view, switchable.length]);

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t.appTitle}</h1>
        <p className="tagline">{t.tagline}</p>
      </div>
      {catalog.length > 0 ? (
        <fieldset ref={switchRef} className="chart-switch">
          <legend className="visually-hidden">{t.chartSwitch}</legend>
          {switchable.map((entry) => {
            const active = view === 'chart' && entry.id === activeChartId;
            const shown = shownSwitchTitle(entry, preferences);
            return (
              <label
                key={entry.id}
                className={active ? 'is-active' : undefined}
                title={entry.title}
                lang={shown.native ? 'zh-Hans' : chartLanguage(charts[entry.id])}
              >
                <input
                  type="radio"
                  name="chart"
                  value={entry.id}
                  checked={active}
                  onChange={() => openChart(entry.id)}
                  onClick={() => {
                    // Clicking the chart already shown leaves the compare view for it.
                    if (view === 'compare') openChart(entry.id);
                  }}
                  // The words shown come first in the name (WCAG 2.5.3), then the full title, unless it holds them already.
                  aria-label={entry.title.includes(shown.text) ? entry.title : `${shown.text}, ${entry.title}`}
                />
                {/* The radio's name holds these words; hidden here so they are not read again after it. */}
                <span aria-hidden="true">{shown.text}</span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
      <HeaderMenu>
        {children}
        <OutlineToggle />
        <DisplaySettings />
        <ShortcutsButton />
      </HeaderMenu>
    </header>
  );
}

/**
 * The header's tools. On a wide screen they sit in the header; on a phone (styles.css, max-width 640px) the header
 * is one row, the chart switch and a Menu button, and the tools drop down over the chart when the button is pressed.
 * The menu closes once it has done its job (another chart, unit or view on screen), on Escape, or on a tap elsewhere.
 */
function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const view = useStore((s) => s.view);
  const chartId = useStore((s) => s.panes.main.chartId);
  const selectedId = useStore((s) => s.panes.main.selectedId);
  const display = useStore((s) => s.preferences.display);
  // What the tools change: when any of it changes, the reader wants to see the result, not the menu.
  const [shownState, setShownState] = useState({ view, chartId, selectedId, display });
  if (shownState.view !== view || shownState.chartId !== chartId || shownState.selectedId !== selectedId || shownState.display !== display) {
    setShownState({ view, chartId, selectedId, display });
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A menu, list or dialog open inside this one takes Escape first.
      if (event.key !== 'Escape' || menuRef.current?.querySelector('[aria-expanded="true"], details[open], dialog[open]')) return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onOutside = (event: Event) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    return listenOnWindow({ keydown: onKeyDown, pointerdown: onOutside });
  }, [open]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="header-button header-menu-button"
        aria-expanded={open}
        aria-controls="header-tools"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> {t.menu}
      </button>
      <div id="header-tools" ref={menuRef} className={open ? 'header-tools is-open' : 'header-tools'}>
        {children}
      </div>
    </>
  );
}

/** The language a loaded chart's titles are written in, so a Chinese interface still reads an English title as English. */
function chartLanguage(slot: ChartSlot | undefined): string | undefined {
  return slot?.status === 'ready' ? slot.index.chart.language : undefined;
}
