/** The header's settings: the outline switch, the display settings (language, names, theme) and the shortcuts list. */
import { useEffect, useRef, useState } from 'react';

import type { UiLanguage } from '../i18n/messages.ts';
import { listenOnWindow } from '../shared/dom.ts';
import { isCommand, keysLabel, shortcutsByScope } from '../shared/shortcuts.ts';
import { chooseLanguage } from '../store/prefs.ts';
import { type Preferences, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export function OutlineToggle() {
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

export function DisplaySettings() {
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
export function ShortcutsButton() {
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
          {/* No autoFocus: showModal() focuses this, the dialog's one control; React's autoFocus would focus it as the
              page mounts, with the dialog closed, forcing a layout of the whole page in the middle of the first render. */}
          <button type="submit">{t.close}</button>
        </form>
      </dialog>
    </>
  );
}
