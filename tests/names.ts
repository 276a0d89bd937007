/**
 * How tests find a unit's card: its accessible name leads with the unit's
 * name ("Liaison Bureau, Department, …", see unitAccessibleName), so a unit is
 * matched by its name followed by a comma or the end.
 */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function cardName(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name)}(,|$)`);
}

/**
 * The pointer's fold button ("−" or "+12") drawn under a card. It is hidden
 * from assistive technology on purpose (the card itself is the tree item that
 * expands and collapses with Right and Left), so tests find it as a mouse user
 * does: the button drawn for that unit.
 */
export const foldButtonSelector = (unitId: string) => `[data-decor-for="${unitId}"] .node-toggle`;
