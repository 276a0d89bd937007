/**
 * Code split out of the first download, loaded at most once: `load()` starts it (later calls get the same promise),
 * and `loaded()` gives the module once it is in, for code that must not wait (a render).
 */
export interface LoadOnce<Module> {
  readonly load: () => Promise<Module>;
  readonly loaded: () => Module | null;
}

export function loadOnce<Module>(importModule: () => Promise<Module>): LoadOnce<Module> {
  let module: Module | null = null;
  let loading: Promise<Module> | null = null;
  return {
    load: () => (loading ??= importModule().then((loadedModule) => (module = loadedModule))),
    loaded: () => module,
  };
}
