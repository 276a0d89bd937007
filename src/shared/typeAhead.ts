/** Letters typed in a quick run for type-ahead in a tree: "fo" within 700 ms finds "Foreign Affairs Bureau". */
export interface TypedRun {
  readonly text: string;
  readonly at: number;
}

const RUN_MS = 700;

export const NO_RUN: TypedRun = { text: '', at: -Infinity };

/** The run with this key added, or null when the key is no letter or digit (or comes with a modifier) and so is not typing. */
export function extendTypedRun(run: TypedRun, event: { key: string; timeStamp: number; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): TypedRun | null {
  if (event.key.length !== 1 || !/[\p{L}\p{N}]/u.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return null;
  return { text: event.timeStamp - run.at < RUN_MS ? run.text + event.key : event.key, at: event.timeStamp };
}
