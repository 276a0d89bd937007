/** The app bar: what this is, which chart is on screen, the slots App fills (search, compare, import), and the display settings. */
import { type ReactNode, useEffect, useRef, useState } from 'react';

import type { UiLanguage } from '../i18n/messages.ts';
import { listenOnWindow } from '../shared/dom.ts';
import { isCommand, keysLabel, shortcutsByScope } from '../shared/shortcuts.ts';
import { chooseLanguage } from '../store/prefs.ts';
import { type ChartSlot, type Preferences, shownSwitchTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

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
                {shown.text}
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

function OutlineToggle() {
  const display = useStore((s) => s.preferences.display);
  const setPreferences = useStore((s) => s.setPreferences);
  const t = useMessages();
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={display === 'outline'}
      title={t.outlineHint}
      onClick={() => setPreferences({ display: display === 'outline' ? 'chart' : 'outline' })}
    >
      {t.outline}
    </button>
  );
}

/** One group of radio buttons for one preference; the options' own words are in their own language where that helps. */
function Choice<K extends 'language' | 'names' | 'theme'>(props: {
  readonly name: K;
  readonly legend: string;
  readonly options: readonly { readonly value: Preferences[K]; readonly label: string; readonly lang?: string }[];
}) {
  // A language whose words never arrived is not the one in use: the radio shows English, so choosing 中文 again retries.
  const saved = useStore((s) =>
    props.name === 'language' && !s.loadedLanguages.includes(s.preferences.language) ? ('en' as Preferences[K]) : s.preferences[props.name],
  );
  const setPreferences = useStore((s) => s.setPreferences);
  // A language chosen but still loading shows as chosen at once.
  const [pending, setPending] = useState<Preferences[K] | null>(null);
  const value = pending ?? saved;
  return (
    <fieldset className="settings-choice">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} lang={option.lang}>
          <input
            type="radio"
            name={`preference-${props.name}`}
            value={option.value}
            checked={value === option.value}
            onChange={() => {
              // A language's words may need fetching first; the others apply at once.
              if (props.name === 'language') {
                setPending(option.value);
                // A later choice owns the pending mark; this one only clears its own.
                void chooseLanguage(option.value as UiLanguage).finally(() => setPending((current) => (current === option.value ? null : current)));
              } else setPreferences({ [props.name]: option.value } as Partial<Preferences>);
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function DisplaySettings() {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // A disclosure: Escape closes it and gives focus back to its button; a click or focus elsewhere closes it too.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onOutside = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    return listenOnWindow({ keydown: onKeyDown, pointerdown: onOutside, focusin: onOutside });
  }, [open]);
  return (
    <div className="settings-menu" ref={menuRef}>
      <button ref={buttonRef} type="button" className="header-button" aria-expanded={open} aria-controls="display-settings" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">文A</span> <span className="button-label">{t.display}</span>
      </button>
      <div id="display-settings" className="settings-options" role="group" aria-label={t.displaySettings} hidden={!open}>
        <Choice
          name="language"
          legend={t.language}
          options={[
            { value: 'en', label: 'English', lang: 'en' },
            { value: 'zh', label: '中文', lang: 'zh-Hans' },
          ]}
        />
        <Choice
          name="names"
          legend={t.names}
          options={[
            { value: 'en', label: t.namesEnglish },
            { value: 'native', label: t.namesNative },
            { value: 'both', label: t.namesBoth },
          ]}
        />
        <Choice
          name="theme"
          legend={t.theme}
          options={[
            { value: 'system', label: t.themeSystem },
            { value: 'light', label: t.themeLight },
            { value: 'dark', label: t.themeDark },
          ]}
        />
      </div>
    </div>
  );
}

/** "?" anywhere outside a text field, or the header button, lists the keyboard shortcuts in a modal dialog. */
function ShortcutsButton() {
  const t = useMessages();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = () => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommand('showShortcuts', event)) return;
      event.preventDefault();
      open();
    };
    return listenOnWindow({ keydown: onKeyDown });
  }, []);
  return (
    <>
      <button
        type="button"
        className="header-button icon-button"
        aria-label={t.shortcuts}
        title={`${t.shortcuts} (${keysLabel('showShortcuts', t)})`}
        aria-haspopup="dialog"
        onClick={open}
      >
        ?
      </button>
      <dialog ref={dialogRef} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t.shortcuts}</h2>
        {shortcutsByScope().map(({ scope, commands }) => (
          <section key={scope}>
            <h3>{t.shortcutScopes[scope]}</h3>
            <dl>
              {commands.map((command) => (
                <div key={command}>
                  <dt>
                    <kbd>{keysLabel(command, t)}</kbd>
                  </dt>
                  <dd>{t.commands[command]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <form method="dialog">
          <button type="submit" autoFocus>
            {t.close}
          </button>
        </form>
      </dialog>
    </>
  );
}
